#pragma once
// Whether a heading or a line asks something, in the languages of the corpus. Pure.
//
// A question mark anywhere asks ("Why X? Explain Y.", "“…？”", "…? (hint)").
// Otherwise the words that open a command to answer one ("Explain…",
// "Explique…", "Wyjaśnij…", "Ipaliwanag…", "请解释…") or, in
// languages that put the verb last, the words that close one ("…説明してください",
// "…설명하세요"). These lists are the fallback: in a handbook, a heading among
// sibling headings that mostly ask is a question whatever its words.

#include <string_view>

namespace qbank::indexer {

// A question mark, a command to answer, or a question's closing words.
bool asks(std::string_view text);

// asks(), or an interrogative first word ("How…", "Jak…"), which also opens
// headings that ask nothing ("How to prepare"): trusted among questions only.
bool opens_like_a_question(std::string_view text);

}  // namespace qbank::indexer

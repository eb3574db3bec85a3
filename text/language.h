#pragma once
// The language of a record, as a BCP 47 tag ("en", "pt-BR", "zh-CN"). Pure.
//
// From the file's path first, where translated handbooks say it
// ("i18n/zh-CN/", "README-ja.md", "pt-BR.mdx", "locales/es/"), then from its
// text: the script of its letters (Han with kana is Japanese, Hangul Korean,
// Cyrillic Russian, Arabic with Persian letters Persian, …) and, for Latin
// script, the most frequent words of each language of the corpus; Portuguese
// is "pt-BR" by the words Brazil spells its own way. "und" when the text says
// too little.

#include <optional>
#include <string>
#include <string_view>

namespace qbank::text {

// The tag a path names, or nullopt.
std::optional<std::string> language_of_path(std::string_view path);

// The language the text is written in; "und" when it cannot be told.
std::string language_of_text(std::string_view text);

// As language_of_text, and a query of a few words is also told by two different
// common words of two letters or more that no other language has as many of
// ("como usar o formato STAR nas respostas"): a query holds few.
std::string language_of_query(std::string_view text);

// "pt_br" -> "pt-BR", "zh-hans" -> "zh-Hans", "EN" -> "en"; nullopt for what is
// not a language tag of a known language.
std::optional<std::string> canonical_language_tag(std::string_view tag);

}  // namespace qbank::text

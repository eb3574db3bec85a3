#pragma once
// The query as typed, parsed once into a tree: words, "phrases", field:value
// terms, +required and -excluded parts, AND / OR / NOT / XOR, NEAR and ADJ
// (with an optional /N window) and (groups). Every rewrite (folding, stopwords,
// synonyms, spelling, required words, relaxing) and the Xapian query are made
// from this tree; nothing else scans query text. Pure: no Xapian, no index.
//
// Precedence, loosest first, as in Xapian's query parser: OR and XOR; AND and
// NOT; words side by side (joined by the default operator); NEAR and ADJ.
// Operators are recognized in capitals only, so "and" is a word.

#include <cstddef>
#include <string>
#include <vector>

namespace qbank::query {

struct QueryNode {
    enum class Kind {
        Word,      // `text` as typed: one whitespace-free chunk ("closure?", "C++", "clo*")
        Phrase,    // `text` between the quotes
        Sequence,  // `children` joined by the default operator, each with its occurrence
        All,       // AND: every child
        Any,       // OR: any child
        OneOf,     // XOR: exactly one child
        AllBut,    // NOT: the first child without the second
        Near,      // NEAR/ADJ: the children's words within `window` positions (in order for ADJ)
        Synonyms,  // one concept in several forms (made by a rewrite, never typed): any child
        Everything,  // every document (the left side of a query that starts with NOT)
    };
    enum class Occur { Should, Must, MustNot };  // in a Sequence: as typed, +word, -word

    Kind kind = Kind::Word;
    Occur occur = Occur::Should;
    std::string text;   // Word, Phrase; Synonyms: the words typed for it
    std::string field;  // Word, Phrase: the field name typed before a colon ("title"), folded; empty for none
    unsigned window = 0;   // Near
    bool ordered = false;  // Near: ADJ
    bool set_phrase = false;  // Word: part of a set phrase that frames the question ("in front of")
    // The bytes of the query text the node came from (for a Phrase, inside its quotes).
    std::size_t begin = 0, end = 0;
    std::vector<QueryNode> children;

    bool is_term() const { return kind == Kind::Word || kind == Kind::Phrase; }
};

struct ParsedQuery {
    QueryNode root;         // a Sequence, possibly empty
    bool operators = false; // any operator, +word or -word was typed
};

// Text that breaks the syntax ("OR herd", "a AND", pasted code) is read again as
// words, operators included, so that it never fails. A name
// before a colon that is no field of the schema ("author:orwell", "Tip: use
// memo") and a colon not followed by a value ("std::vector", "http://…") are text.
ParsedQuery parse_query_syntax(const std::string& text);

// The tree as text, for tests and messages: words as typed, fields as name:,
// operators in capitals, groups in parentheses.
std::string describe(const QueryNode& node);

}  // namespace qbank::query

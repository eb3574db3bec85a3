#pragma once
// The terms the text of one field adds to a document, made from the tokenizer's
// words (text/tokenizer.h): each word under the field's prefix (free-text
// fields, for name:word queries) and unprefixed with the field's weight as its
// within-document frequency (fields in plain search), each beside its "Z" stem.
// The indexer adds them; explain reads them to tell which field holds a term.

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>

#include "schema/fields.h"

namespace qbank::schema {

// The word number of a term without a position (a stem).
inline constexpr std::size_t kNoPosition = std::numeric_limits<std::size_t>::max();

// Positions left between two fields' words, so a phrase never spans a field boundary.
inline constexpr Xapian::termpos kFieldGap = 100;

// Whether a free-text field's prefixed terms carry positions. The unprefixed
// terms carry every field's positions once; of the prefixed ones only the
// title's do, which ranking reads (a question's words as a phrase of a title),
// and those of a field kept out of plain search. A phrase in another field is
// found by the unprefixed terms, filtered by the field's terms: storing its
// positions twice would double the largest table of the index.
constexpr bool prefixed_positions(const Field& f) { return f.id == FieldId::Title || f.weight == 0; }

// The term by which a document's free-text `field` is known to hold `word` (an
// index term, text/tokenizer.h) in some form. A field with prefixed positions
// keeps its words as written; the others keep each word's stem only (the word
// itself where it has none), since a name:word query looks for every form of a
// word and the exact word is the unprefixed term's: a third fewer terms to write.
std::string field_word_term(const Field& field, const std::string& word, std::string_view language);

// Calls add(term, wdf, word) for every term of `text` in `field`, where `word`
// counts the field's words from 0, or is kNoPosition for a stem (by the rules of
// BCP 47 `language`, text/stem.h) and for a prefixed term of a field without
// prefixed positions, which keeps stems only (field_word_term). Returns the
// number of words.
using FieldTermVisitor = std::function<void(const std::string& term, Xapian::termcount wdf, std::size_t word)>;
std::size_t for_each_field_term(FieldId field, std::string_view text, std::string_view language,
                                const FieldTermVisitor& add);

}  // namespace qbank::schema

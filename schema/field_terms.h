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

// Calls add(term, wdf, word) for every term of `text` in `field`, where `word`
// counts the field's words from 0, or is kNoPosition for a stem (by the rules of
// BCP 47 `language`, text/stem.h). Returns the number of words.
using FieldTermVisitor = std::function<void(const std::string& term, Xapian::termcount wdf, std::size_t word)>;
std::size_t for_each_field_term(FieldId field, std::string_view text, std::string_view language,
                                const FieldTermVisitor& add);

}  // namespace qbank::schema

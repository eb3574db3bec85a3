#include "schema/field_terms.h"

#include "text/stem.h"
#include "text/tokenizer.h"

namespace qbank::schema {

std::string field_word_term(const Field& f, const std::string& word, std::string_view language) {
    std::string stem = prefixed_positions(f) ? std::string() : text::stem_of(word, language);
    return stem.empty() ? std::string(f.prefix) + word : "Z" + std::string(f.prefix) + stem;
}

std::size_t for_each_field_term(FieldId id, std::string_view text, std::string_view language,
                                const FieldTermVisitor& add) {
    const Field& f = field(id);
    const bool prefixed = f.kind == FieldKind::FreeText;
    const bool plain = f.weight > 0;
    const bool positions = prefixed_positions(f);
    if (!prefixed && !plain) return 0;
    std::size_t words = 0;
    std::string term;
    text::for_each_token(text, [&](const text::Token& token) {
        std::string stem = text::stem_of(token.term, language);
        if (prefixed) {
            if (positions || stem.empty())
                add(term.assign(f.prefix).append(token.term), 1, positions ? words : kNoPosition);
            if (!stem.empty()) add(term.assign("Z").append(f.prefix).append(stem), 1, kNoPosition);
        }
        if (plain) {
            add(token.term, f.weight, words);
            if (!stem.empty()) add(term.assign("Z").append(stem), f.weight, kNoPosition);
        }
        ++words;
    });
    return words;
}

}  // namespace qbank::schema

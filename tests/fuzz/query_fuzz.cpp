// libFuzzer target: query text (and a filter after a NUL byte) -> Xapian query,
// spelling correction and relaxing, over a small index of real pages.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "qbank/error.h"
#include "query/query_builder.h"
#include "schema/field_terms.h"
#include "text/tokenizer.h"

namespace {

Xapian::Database& database() {
    static Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase d(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const char* words : {"closure scope javascript function", "cache invalidation consistent hashing",
                                  "stakeholder management conflict", "kubernetes pods deployment rollout"}) {
            Xapian::Document doc;
            qbank::schema::for_each_field_term(
                qbank::schema::FieldId::Answer, words, "en",
                [&](const std::string& term, Xapian::termcount wdf, std::size_t) { doc.add_term(term, wdf); });
            d.add_document(doc);
        }
        return d;
    }();
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string input(reinterpret_cast<const char*>(data), size);
    std::size_t nul = input.find('\0');
    std::string text = input.substr(0, nul);
    std::vector<qbank::Filter> filters;
    if (nul != std::string::npos) {
        std::string spec = input.substr(nul + 1);
        std::size_t colon = spec.find(':');
        if (colon != std::string::npos) filters.push_back({spec.substr(0, colon), spec.substr(colon + 1)});
    }
    static const qbank::query::Synonyms& synonyms = qbank::query::Synonyms::shipped();
    qbank::query::QueryBuilder builder(database(), synonyms);
    try {
        builder.build(text, filters).get_description();
        builder.build(text, filters, Xapian::Query::OP_OR);
        builder.can_relax(text);
        builder.correct_spelling(text);
    } catch (const qbank::Error&) {
        // Bad input is reported, which is fine; anything else is a finding.
    }
    // The tokenizer on any bytes: words within the text, in order (two words may
    // share a character that folds into both: "㏂" is "a.m.").
    std::size_t last_begin = 0;
    qbank::text::for_each_token(input, [&](const qbank::text::Token& word) {
        if (word.begin < last_begin || word.end <= word.begin || word.end > input.size() || word.term.empty())
            __builtin_trap();
        last_begin = word.begin;
    });
    return 0;
}

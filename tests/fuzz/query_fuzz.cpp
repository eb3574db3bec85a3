// libFuzzer target: query text (and a filter after a NUL byte) -> Xapian query,
// spelling correction and relaxing, over a small index of real pages.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "qbank/error.h"
#include "query/query_builder.h"

namespace {

Xapian::Database& database() {
    static Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase d(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const char* words : {"closure scope javascript function", "cache invalidation consistent hashing",
                                  "stakeholder management conflict", "kubernetes pods deployment rollout"}) {
            Xapian::Document doc;
            Xapian::TermGenerator tg;
            tg.set_stemmer(Xapian::Stem("english"));
            tg.set_document(doc);
            tg.index_text(words);
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
    return 0;
}

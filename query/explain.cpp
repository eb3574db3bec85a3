#include "query/explain.h"

#include <algorithm>
#include <map>
#include <set>

#include "query/query_builder.h"
#include "schema/field_terms.h"
#include "schema/field_text.h"
#include "schema/fields.h"
#include "schema/ranking.h"

namespace qbank::query {

namespace {

using schema::FieldId;

// The terms of each field of a record, as the indexer makes them.
std::map<FieldId, std::set<std::string>> terms_by_field(const Record& record) {
    std::map<FieldId, std::set<std::string>> out;
    schema::for_each_field_text(record, [&](FieldId field, const std::string& text) {
        std::set<std::string>& terms = out[field];
        schema::for_each_field_term(field, text, record.lang, [&](const std::string& term, Xapian::termcount, std::size_t) {
            terms.insert(term);
        });
    });
    return out;
}

double score_alone(const Xapian::Database& db, const Xapian::Weight& weighting, const Xapian::Query& part,
                   const std::string& id_term) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(weighting);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, Xapian::Query(id_term)));
    Xapian::MSet mset = enquire.get_mset(0, 1);
    return mset.empty() ? 0.0 : mset.begin().get_weight();
}

}  // namespace

std::vector<TermScore> explain_hit(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                   const Xapian::Query& query, const Xapian::Query& near,
                                   const Xapian::MSetIterator& hit, const Record& record,
                                   const Xapian::Weight& weighting) {
    std::map<std::string, Xapian::termcount> wqf;
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) ++wqf[*it];
    std::map<FieldId, std::set<std::string>> fields = terms_by_field(record);
    std::string id = schema::id_term(record.id);
    std::vector<TermScore> out;
    for (auto it = enquire.get_matching_terms_begin(hit); it != enquire.get_matching_terms_end(hit); ++it) {
        auto parts = schema::split_term(*it);
        if (!wqf.count(*it)) continue;  // a word of the nearness bonus only: scored with its pair below
        if (!parts || (parts->field != nullptr && parts->field->kind != schema::FieldKind::FreeText)) continue;
        TermScore t;
        t.term = parts->word;
        t.stemmed = parts->stemmed;
        if (parts->field != nullptr) {
            t.fields.emplace_back(parts->field->name);
        } else {
            std::string plain = (parts->stemmed ? "Z" : "") + parts->word;
            for (const auto& [field, terms] : fields)
                if (terms.count(plain)) t.fields.emplace_back(schema::field(field).name);
        }
        t.score = score_alone(db, weighting, Xapian::Query(*it, wqf[*it]), id);
        out.push_back(std::move(t));
    }
    for (const Xapian::Query& pair : nearness_pairs(near)) {
        double score = score_alone(db, weighting, pair, id);
        if (score <= 0) continue;
        TermScore t;
        for (auto term = pair.get_terms_begin(); term != pair.get_terms_end(); ++term) {
            auto parts = schema::split_term(*term);  // a title phrase's terms carry the title's prefix
            t.term += (t.term.empty() ? "" : " ") + (parts ? parts->word : *term);
        }
        t.fields = {"near"};
        t.score = score;
        out.push_back(std::move(t));
    }
    std::stable_sort(out.begin(), out.end(), [](const TermScore& a, const TermScore& b) { return a.score > b.score; });
    return out;
}

}  // namespace qbank::query

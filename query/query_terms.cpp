#include "query/query_terms.h"

#include "schema/fields.h"
#include "schema/text_analysis.h"
#include "schema/text_fold.h"
#include "schema/word_segment.h"

namespace qbank::query {

QueryTerms::QueryTerms(const Xapian::Query& query, const Xapian::MSet& mset) : stem_(schema::kStemLanguage) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        auto parts = schema::split_term(*it);
        if (!parts || (parts->field != nullptr && parts->field->kind != schema::FieldKind::FreeText)) continue;
        std::string plain = (parts->stemmed ? "Z" : "") + parts->word;
        // A term in no document has no weight; it still deserves a mark.
        double weight = std::max(mset.get_termweight(*it), 1e-3);
        double& kept = weights_[plain];
        kept = std::max(kept, weight);
        unspaced_ = unspaced_ || schema::starts_with_unspaced_script(parts->word);
    }
}

const QueryTerms::Match& QueryTerms::match(std::string_view word) const {
    std::string key(word);
    if (auto known = known_.find(key); known != known_.end()) return known->second;
    Match found;
    std::string folded = schema::fold(word);
    if (auto it = weights_.find(folded); it != weights_.end()) found = *it;
    else if (auto stemmed = weights_.find("Z" + stem_(folded)); stemmed != weights_.end()) found = *stemmed;
    return known_.emplace(std::move(key), std::move(found)).first->second;
}

}  // namespace qbank::query

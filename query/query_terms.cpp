#include "query/query_terms.h"

#include "schema/fields.h"
#include "text/stem.h"
#include "text/word_segment.h"

namespace qbank::query {

QueryTerms::QueryTerms(const Xapian::Query& query, const Xapian::MSet& mset) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        auto parts = schema::split_term(*it);
        if (!parts || (parts->field != nullptr && parts->field->kind != schema::FieldKind::FreeText)) continue;
        std::string plain = (parts->stemmed ? "Z" : "") + parts->word;
        // A term in no document has no weight; it still deserves a mark.
        double weight = std::max(mset.get_termweight(*it), 1e-3);
        double& kept = weights_[plain];
        kept = std::max(kept, weight);
        unspaced_ = unspaced_ || text::starts_with_unspaced_script(parts->word);
    }
}

const QueryTerms::Match& QueryTerms::match(const std::string& term, std::string_view language) const {
    std::string key = std::string(language.substr(0, language.find('-'))).append(1, '\0').append(term);
    if (auto known = known_.find(key); known != known_.end()) return known->second;
    Match found;
    if (auto it = weights_.find(term); it != weights_.end()) found = *it;
    else if (std::string stem = text::stem_of(term, language); !stem.empty())
        if (auto stemmed = weights_.find("Z" + stem); stemmed != weights_.end()) found = *stemmed;
    return known_.emplace(std::move(key), std::move(found)).first->second;
}

}  // namespace qbank::query

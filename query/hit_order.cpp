#include "query/hit_order.h"

#include <algorithm>

#include "schema/fields.h"

namespace qbank::query {

std::vector<Tier> hit_tiers(const SortOrder& order, const std::string& language,
                            const std::vector<std::string>& index_languages) {
    if (order.by == SortBy::Level) {
        // Any value is at least "\0"; an empty bound would be Xapian's MatchAll.
        Xapian::Query leveled(Xapian::Query::OP_VALUE_GE, schema::slot_number(schema::Slot::LevelOrder),
                              std::string(1, '\0'));
        return {{leveled}, {leveled, true}};
    }
    const bool others = std::any_of(index_languages.begin(), index_languages.end(),
                                    [&](const std::string& l) { return l != language; });
    const bool own = std::find(index_languages.begin(), index_languages.end(), language) != index_languages.end();
    if (order.by == SortBy::Source || language.empty() || !others || !own) return {Tier{}};
    // The primary subtag's term: "lang:en" holds "en-GB" pages too.
    Xapian::Query in_language(*schema::filter_term(schema::FieldId::Lang, language));
    return {{in_language}, {in_language, true}};
}

Xapian::Query in_tier(const Xapian::Query& matches, const Tier& tier) {
    if (tier.filter.empty()) return matches;
    return Xapian::Query(tier.excluded ? Xapian::Query::OP_AND_NOT : Xapian::Query::OP_FILTER, matches, tier.filter);
}

void rank_tier(Xapian::Enquire& enquire, const SortOrder& order) {
    if (order.by == SortBy::Relevance) return;
    schema::Slot slot = order.by == SortBy::Level ? schema::Slot::LevelOrder : schema::Slot::SourceOrder;
    enquire.set_sort_by_value_then_relevance(schema::slot_number(slot), order.descending);
}

}  // namespace qbank::query

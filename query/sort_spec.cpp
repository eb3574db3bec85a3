#include "qbank/error.h"
#include "qbank/searcher.h"

namespace qbank {

SortOrder parse_sort(std::string_view spec) {
    std::string_view by = spec.substr(0, spec.find(':'));
    std::string_view direction = by.size() < spec.size() ? spec.substr(by.size() + 1) : std::string_view("asc");
    SortOrder order;
    if (by == "relevance") order.by = SortBy::Relevance;
    else if (by == "level") order.by = SortBy::Level;
    else if (by == "source") order.by = SortBy::Source;
    else throw BadInputError("cannot sort by '" + std::string(by) + "': sort by relevance, level or source");
    if (direction != "asc" && direction != "desc")
        throw BadInputError("a sort is FIELD, FIELD:asc or FIELD:desc, such as level:desc; got '" +
                            std::string(spec) + "'");
    order.descending = direction == "desc";
    return order;
}

}  // namespace qbank

#include "qbank/error.h"
#include "qbank/searcher.h"

namespace qbank {

Filter parse_filter(std::string_view spec) {
    std::size_t colon = spec.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == spec.size())
        throw BadInputError("a filter is FIELD:VALUE, such as level:Senior; got '" + std::string(spec) + "'");
    return {std::string(spec.substr(0, colon)), std::string(spec.substr(colon + 1))};
}

}  // namespace qbank

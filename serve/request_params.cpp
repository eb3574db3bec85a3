#include "serve/request_params.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <string_view>

#include "qbank/error.h"

namespace qbank::serve {
namespace {

constexpr std::size_t kMaxExcerptChars = 2000;
constexpr std::size_t kMaxFacetLimit = 1000;

// The one value of a parameter that may be given once, or nullopt.
std::optional<std::string> single(const Params& params, const std::string& name) {
    auto [begin, end] = params.equal_range(name);
    if (begin == end) return std::nullopt;
    if (std::next(begin) != end) throw BadInputError("parameter '" + name + "' is given more than once");
    return begin->second;
}

std::size_t count(const Params& params, const std::string& name, std::size_t fallback, std::size_t most) {
    std::optional<std::string> text = single(params, name);
    if (!text) return fallback;
    std::size_t n = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (error != std::errc() || end != text->data() + text->size() || n > most)
        throw BadInputError("parameter '" + name + "' must be a whole number from 0 to " + std::to_string(most) +
                            ", not '" + *text + "'");
    return n;
}

bool flag(const Params& params, const std::string& name) {
    std::optional<std::string> text = single(params, name);
    if (!text || *text == "false" || *text == "0") return false;
    if (*text == "true" || *text == "1" || text->empty()) return true;
    throw BadInputError("parameter '" + name + "' must be true or false, not '" + *text + "'");
}

std::vector<std::string> list(std::string_view text) {
    std::vector<std::string> items;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        if (std::string_view item = text.substr(0, comma); !item.empty()) items.emplace_back(item);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return items;
}

// The parameters of /related; /search takes `q` too.
constexpr std::string_view kResultParams[] = {"filter", "limit",       "offset", "sort",          "facets",
                                              "facet_limit", "fields", "excerpt_chars", "explain"};

void check_names(const Params& params, bool takes_query) {
    for (const auto& [name, _] : params)
        if ((!takes_query || name != "q") &&
            std::find(std::begin(kResultParams), std::end(kResultParams), name) == std::end(kResultParams)) {
            std::string names = takes_query ? "q" : "";
            for (std::string_view k : kResultParams) names += (names.empty() ? "" : ", ") + std::string(k);
            throw BadInputError("unknown parameter '" + name + "': this endpoint takes " + names);
        }
}

// What /search and /related share: which hits, in which order, carrying what.
SearchRequest result_options(const Params& params) {
    SearchRequest request;
    // The page offers a checkbox per language too.
    request.facets.push_back("lang");
    auto [begin, end] = params.equal_range("filter");
    for (auto it = begin; it != end; ++it) request.filters.push_back(parse_filter(it->second));
    request.limit = count(params, "limit", request.limit, kMaxLimit);
    request.offset = count(params, "offset", request.offset, kMaxOffset);
    if (auto sort = single(params, "sort")) request.sort = parse_sort(*sort);
    if (auto facets = single(params, "facets")) request.facets = list(*facets);
    request.facet_limit = count(params, "facet_limit", request.facet_limit, kMaxFacetLimit);
    if (auto fields = single(params, "fields")) request.fields = list(*fields);
    request.excerpt_chars = count(params, "excerpt_chars", request.excerpt_chars, kMaxExcerptChars);
    request.explain = flag(params, "explain");
    return request;
}

}  // namespace

SearchRequest search_request(const Params& params) {
    check_names(params, true);
    SearchRequest request = result_options(params);
    request.query = single(params, "q").value_or("");
    return request;
}

SearchRequest related_request(const Params& params) {
    check_names(params, false);
    return result_options(params);
}

}  // namespace qbank::serve

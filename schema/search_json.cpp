#include "schema/search_json.h"

#include <nlohmann/json.hpp>

namespace qbank::schema {

// ordered_json keeps keys in the documented order, which people read more easily.
using json = nlohmann::ordered_json;

namespace {

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

json optional_level(const std::optional<Level>& level) {
    return level ? json(to_string(*level)) : json(nullptr);
}

json facets_to_json(const std::map<std::string, FacetCounts>& facets) {
    json j = json::object();
    for (const auto& [name, counts] : facets) j[name] = counts;
    return j;
}

}  // namespace

std::string excerpt_to_html(const Excerpt& excerpt) {
    std::string_view text = excerpt.text;
    std::string out;
    std::size_t pos = 0;
    for (const auto& [begin, end] : excerpt.highlights) {
        append_escaped(out, text.substr(pos, begin - pos));
        out += "<mark>";
        append_escaped(out, text.substr(begin, end - begin));
        out += "</mark>";
        pos = end;
    }
    append_escaped(out, text.substr(pos));
    return out;
}

std::string search_result_to_json(const SearchResult& result, int indent) {
    json hits = json::array();
    for (const Hit& h : result.hits) {
        const Record& r = h.record;
        hits.push_back({
            {"id", r.id},
            {"rank", h.rank},
            {"score", h.score},
            {"title", r.title},
            {"question", r.question},
            {"level", optional_level(r.level)},
            {"category", r.category ? json(*r.category) : json(nullptr)},
            {"tags", r.tags},
            {"source", r.source},
            {"excerpt", excerpt_to_html(h.excerpt)},
        });
    }
    json j = {{"query", result.query},
              {"total", result.total},
              {"hits", std::move(hits)},
              {"facets", facets_to_json(result.facets)}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string stats_to_json(const IndexStats& stats, int indent) {
    json j = {{"documents", stats.documents}, {"facets", facets_to_json(stats.facets)}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace qbank::schema

#include "qbank/json.h"

#include <nlohmann/json.hpp>

namespace qbank {

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

json optional_string(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json excerpt_section(const Excerpt& e) {
    if (e.section.empty()) return nullptr;
    return {{"heading", e.section}, {"kind", to_string(e.kind)}, {"level", optional_level(e.level)}};
}

json explanation(const std::vector<TermScore>& terms) {
    json out = json::array();
    for (const TermScore& t : terms)
        out.push_back({{"term", t.term}, {"stemmed", t.stemmed}, {"fields", t.fields}, {"score", t.score}});
    return out;
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

std::string search_result_to_json(const SearchResult& result, bool explain, int indent) {
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
            {"lang", r.lang},
            {"source", r.source},
            {"duplicates", r.duplicates},
            {"other_titles", r.other_titles},
            {"excerpt", excerpt_to_html(h.excerpt)},
            {"excerpt_section", excerpt_section(h.excerpt)},
        });
        if (explain) hits.back()["explain"] = explanation(h.explanation);
    }
    json j = {{"query", result.query},
              {"corrected_query", optional_string(result.corrected_query)},
              {"did_you_mean", optional_string(result.did_you_mean)},
              {"relaxed", result.relaxed},
              {"total", result.total},
              {"hits", std::move(hits)},
              {"facets", facets_to_json(result.facets)}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string stats_to_json(const IndexStats& stats, int indent) {
    json j = {{"documents", stats.documents}, {"facets", facets_to_json(stats.facets)}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace qbank

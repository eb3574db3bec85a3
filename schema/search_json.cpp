#include "qbank/json.h"

#include <nlohmann/json.hpp>

#include "schema/hit_fields.h"
#include "schema/record_json_parts.h"

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

// Each facet an object of value -> count, the most common first.
json facets_to_json(const std::map<std::string, FacetCounts>& facets) {
    json j = json::object();
    for (const auto& [name, counts] : facets) {
        // Appended to the object's vector (a facet's values are distinct): ordered_json
        // looks each key up by a linear scan, which made n values cost n² compares.
        json values = json::object();
        auto& object = values.get_ref<json::object_t&>();
        object.reserve(counts.size());
        for (const FacetValue& v : counts) object.json::object_t::Container::emplace_back(v.value, v.count);
        j[name] = std::move(values);
    }
    return j;
}

json missing_to_json(const std::vector<MissingShard>& missing) {
    json out = json::array();
    for (const MissingShard& m : missing) out.push_back({{"shard", m.shard}, {"error", m.error}});
    return out;
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

std::string excerpt_to_html(const Excerpt& excerpt, std::string_view open, std::string_view close) {
    std::string_view text = excerpt.text;
    std::string out;
    std::size_t pos = 0;
    for (const auto& [begin, end] : excerpt.highlights) {
        append_escaped(out, text.substr(pos, begin - pos));
        out += open;
        append_escaped(out, text.substr(begin, end - begin));
        out += close;
        pos = end;
    }
    append_escaped(out, text.substr(pos));
    return out;
}

std::string search_result_to_json(const SearchResult& result, const SearchRequest& request, int indent) {
    const schema::HitFields fields(request.fields);
    json hits = json::array();
    for (const Hit& h : result.hits) {
        const Record& r = h.record;
        json hit = {{"id", r.id}, {"rank", h.rank}, {"score", h.score}, {"partial", h.partial}};
        auto put = [&](const char* name, auto&& value) {
            if (fields.has(name)) hit[name] = std::forward<decltype(value)>(value);
        };
        put("title", r.title);
        put("question", r.question);
        put("level", optional_level(r.level));
        put("category", r.category ? json(*r.category) : json(nullptr));
        put("tags", r.tags);
        put("lang", r.lang);
        put("source", r.source);
        put("duplicates", r.duplicates);
        put("other_titles", r.other_titles);
        put("sections", schema::sections_to_json(r.sections));
        put("removed", schema::removed_to_json(r.removed));
        if (fields.has("excerpt")) {
            hit["excerpt"] = excerpt_to_html(h.excerpt, request.highlight_open, request.highlight_close);
            hit["excerpt_section"] = excerpt_section(h.excerpt);
        }
        if (request.explain) hit["explain"] = explanation(h.explanation);
        hits.push_back(std::move(hit));
    }
    json j = {{"query", result.query},
              {"corrected_query", optional_string(result.corrected_query)},
              {"did_you_mean", optional_string(result.did_you_mean)},
              {"relaxed", result.relaxed},
              {"wide_prefixes", result.wide_prefixes},
              {"total", result.total},
              {"hits", std::move(hits)},
              {"facets", facets_to_json(result.facets)},
              {"missing_shards", missing_to_json(result.missing_shards)}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string stats_to_json(const IndexStats& stats, int indent) {
    json j = {{"documents", stats.documents},
              {"facets", facets_to_json(stats.facets)},
              {"missing_shards", missing_to_json(stats.missing_shards)}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace qbank

#include "capi/api_json.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>

#include "qbank/error.h"
#include "qbank/json.h"

namespace qbank::capi {
namespace {

using json = nlohmann::json;

// A value of the wrong type or range; reported with its key by read_object.
struct WrongType {};

// How each key of one kind of object is read into its target.
template <typename Target>
using Readers = std::map<std::string, std::function<void(const json&, Target&)>>;

// A JSON object, or null for empty text or "null".
json parse_object(std::string_view text, const char* what) {
    if (text.empty()) return nullptr;
    json object = json::parse(text, nullptr, false);
    if (object.is_discarded()) throw BadInputError(std::string(what) + " is not valid JSON");
    if (!object.is_null() && !object.is_object()) throw BadInputError(std::string(what) + " must be a JSON object");
    return object;
}

// `object` (from parse_object) read into a Target; null gives the defaults.
template <typename Target>
Target read_fields(const json& object, const char* what, const Readers<Target>& readers) {
    Target target;
    if (object.is_null()) return target;
    for (const auto& [key, value] : object.items()) {
        auto reader = readers.find(key);
        if (reader == readers.end()) {
            std::string known;
            for (const auto& [name, unused] : readers) known += (known.empty() ? "" : ", ") + name;
            throw BadInputError("unknown key '" + key + "' in " + what + "; known keys: " + known);
        }
        bool wrong_type = false;
        try {
            reader->second(value, target);
        } catch (const WrongType&) {
            wrong_type = true;
        } catch (const json::exception&) {
            wrong_type = true;
        }
        if (wrong_type) throw BadInputError("key '" + key + "' in " + what + " has the wrong type: " + value.dump());
    }
    return target;
}

// Integers must be whole, not negative and fit: get<unsigned>() would wrap -1 or 2^32 around.
template <typename Int>
Int whole(const json& value) {
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() > std::numeric_limits<Int>::max()) throw WrongType{};
    return value.get<Int>();
}

// JSON would turn true into 1.0.
double number(const json& value) {
    if (!value.is_number()) throw WrongType{};
    return value.get<double>();
}

std::vector<std::string> strings(const json& value) {
    if (!value.is_array()) throw WrongType{};
    return value.get<std::vector<std::string>>();
}

Format format_named(const json& value) { return format_from_name(value.get<std::string>()); }

// {"index": K, "count": N}, nothing else.
IndexOptions::Shard shard(const json& value) {
    if (!value.is_object() || value.size() != 2 || !value.contains("index") || !value.contains("count"))
        throw WrongType{};
    return {whole<unsigned>(value.at("index")), whole<unsigned>(value.at("count"))};
}

}  // namespace

IndexOptions index_options_from_json(std::string_view text) {
    static const Readers<IndexOptions> readers = {
        {"full", [](const json& v, IndexOptions& o) { o.full = v.get<bool>(); }},
        {"prune", [](const json& v, IndexOptions& o) { o.prune = v.get<bool>(); }},
        {"jobs", [](const json& v, IndexOptions& o) { o.jobs = whole<unsigned>(v); }},
        {"max_bytes", [](const json& v, IndexOptions& o) { o.max_bytes = whole<std::uint64_t>(v); }},
        {"flush_every", [](const json& v, IndexOptions& o) { o.flush_every = whole<unsigned>(v); }},
        {"format", [](const json& v, IndexOptions& o) { o.format = format_named(v); }},
        {"exclude", [](const json& v, IndexOptions& o) { o.exclude = strings(v); }},
        {"shard", [](const json& v, IndexOptions& o) { o.shard = shard(v); }},
        {"boilerplate_min_pages", [](const json& v, IndexOptions& o) { o.boilerplate_min_pages = whole<std::size_t>(v); }},
        {"boilerplate_min_share", [](const json& v, IndexOptions& o) { o.boilerplate_min_share = number(v); }},
        {"min_boilerplate_chars",
         [](const json& v, IndexOptions& o) { o.normalize.min_boilerplate_chars = whole<std::size_t>(v); }},
    };
    return read_fields(parse_object(text, "indexer options"), "indexer options", readers);
}

SearcherOptions searcher_options_from_json(std::string_view text) {
    static const Readers<SearcherOptions> readers = {
        {"synonym_files", [](const json& v, SearcherOptions& o) { o.synonym_files = strings(v); }},
        {"bm25_k1", [](const json& v, SearcherOptions& o) { o.bm25_k1 = number(v); }},
        {"bm25_b", [](const json& v, SearcherOptions& o) { o.bm25_b = number(v); }},
        {"shard_timeout", [](const json& v, SearcherOptions& o) { o.shard_timeout = number(v); }},
    };
    return read_fields(parse_object(text, "searcher options"), "searcher options", readers);
}

SearchRequest search_request_from_json(std::string_view text) {
    static const Readers<SearchRequest> readers = {
        {"query", [](const json& v, SearchRequest& r) { r.query = v.get<std::string>(); }},
        {"filters",
         [](const json& v, SearchRequest& r) {
             for (const std::string& spec : strings(v)) r.filters.push_back(parse_filter(spec));
         }},
        {"offset", [](const json& v, SearchRequest& r) { r.offset = whole<std::size_t>(v); }},
        {"limit", [](const json& v, SearchRequest& r) { r.limit = whole<std::size_t>(v); }},
        {"excerpt_chars", [](const json& v, SearchRequest& r) { r.excerpt_chars = whole<std::size_t>(v); }},
        {"fields", [](const json& v, SearchRequest& r) { r.fields = strings(v); }},
        {"sort", [](const json& v, SearchRequest& r) { r.sort = parse_sort(v.get<std::string>()); }},
        {"highlight_open", [](const json& v, SearchRequest& r) { r.highlight_open = v.get<std::string>(); }},
        {"highlight_close", [](const json& v, SearchRequest& r) { r.highlight_close = v.get<std::string>(); }},
        {"facets", [](const json& v, SearchRequest& r) { r.facets = strings(v); }},
        {"facet_limit", [](const json& v, SearchRequest& r) { r.facet_limit = whole<std::size_t>(v); }},
        {"explain", [](const json& v, SearchRequest& r) { r.explain = v.get<bool>(); }},
    };
    json object = parse_object(text, "search request");
    if (!object.contains("query")) throw BadInputError("a search request needs a \"query\"");
    return read_fields(object, "search request", readers);
}

Format format_from_name(std::string_view name) {
    if (auto format = format_from_string(name)) return *format;
    throw BadInputError("format must be " + format_choices() + ", got '" + std::string(name) + "'");
}

ApiRecord api_record_from_json(std::string_view text, const std::string& default_source) {
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) throw BadInputError("a record must be a JSON object");
    auto source = parsed.find("source");
    return {parsed.dump(), source != parsed.end() && source->is_string() ? source->get<std::string>() : default_source};
}

}  // namespace qbank::capi

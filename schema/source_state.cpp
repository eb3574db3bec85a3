#include "schema/source_state.h"

#include "schema/little_endian.h"

namespace qbank::schema {

// Per state: size, mtime and hash as 8-byte little-endian numbers, then the two
// paths, the fragment, the link title, the language and the category, each after
// a 4-byte length (paths may hold any byte), then the levels and the tags, each a
// 4-byte count of such strings.
namespace {

void put_string(std::string& out, std::string_view s) {
    append_le(out, s.size(), 4);
    out += s;
}

void put_strings(std::string& out, const std::vector<std::string>& list) {
    append_le(out, list.size(), 4);
    for (const std::string& s : list) put_string(out, s);
}

std::optional<std::uint64_t> get_le(std::string_view& in, int bytes) {
    if (in.size() < static_cast<std::size_t>(bytes)) return std::nullopt;
    std::uint64_t v = read_le(in, bytes);
    in.remove_prefix(static_cast<std::size_t>(bytes));
    return v;
}

std::optional<std::string> get_string(std::string_view& in) {
    auto length = get_le(in, 4);
    if (!length || in.size() < *length) return std::nullopt;
    std::string s(in.substr(0, *length));
    in.remove_prefix(*length);
    return s;
}

std::optional<std::vector<std::string>> get_strings(std::string_view& in) {
    auto count = get_le(in, 4);
    if (!count || *count > in.size() / 4) return std::nullopt;  // each string needs its length
    std::vector<std::string> list;
    for (std::uint64_t i = 0; i < *count; ++i) {
        auto s = get_string(in);
        if (!s) return std::nullopt;
        list.push_back(std::move(*s));
    }
    return list;
}

}  // namespace

std::string encode_source_states(const std::vector<SourceState>& states) {
    std::string out;
    for (const SourceState& s : states) {
        append_le(out, s.size, 8);
        append_le(out, static_cast<std::uint64_t>(s.mtime_ns), 8);
        append_le(out, s.content_hash, 8);
        put_string(out, s.path);
        put_string(out, s.name);
        put_string(out, s.fragment);
        put_string(out, s.link_title);
        put_string(out, s.facets.lang);
        put_string(out, s.facets.category);
        put_strings(out, s.facets.levels);
        put_strings(out, s.facets.tags);
    }
    return out;
}

std::optional<std::vector<SourceState>> decode_source_states(std::string_view in) {
    std::vector<SourceState> states;
    while (!in.empty()) {
        SourceState s;
        auto size = get_le(in, 8);
        auto mtime = get_le(in, 8);
        auto hash = get_le(in, 8);
        if (!size || !mtime || !hash) return std::nullopt;
        auto path = get_string(in);
        auto name = path ? get_string(in) : std::nullopt;
        auto fragment = name ? get_string(in) : std::nullopt;
        auto link_title = fragment ? get_string(in) : std::nullopt;
        auto lang = link_title ? get_string(in) : std::nullopt;
        auto category = lang ? get_string(in) : std::nullopt;
        auto levels = category ? get_strings(in) : std::nullopt;
        auto tags = levels ? get_strings(in) : std::nullopt;
        if (!tags || path->empty()) return std::nullopt;
        states.push_back({std::move(*path), std::move(*name), *size, static_cast<std::int64_t>(*mtime), *hash,
                          std::move(*fragment),
                          {std::move(*lang), std::move(*category), std::move(*levels), std::move(*tags)},
                          std::move(*link_title)});
    }
    if (states.empty()) return std::nullopt;
    return states;
}

}  // namespace qbank::schema

#include "schema/source_state.h"

#include "schema/little_endian.h"

namespace qbank::schema {

// Per state: size, mtime and hash as 8-byte little-endian numbers, then the two
// paths and the fragment, each after a 4-byte length (paths may hold any byte).
namespace {

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

}  // namespace

std::string encode_source_states(const std::vector<SourceState>& states) {
    std::string out;
    for (const SourceState& s : states) {
        append_le(out, s.size, 8);
        append_le(out, static_cast<std::uint64_t>(s.mtime_ns), 8);
        append_le(out, s.content_hash, 8);
        append_le(out, s.path.size(), 4);
        out += s.path;
        append_le(out, s.shown.size(), 4);
        out += s.shown;
        append_le(out, s.fragment.size(), 4);
        out += s.fragment;
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
        auto shown = path ? get_string(in) : std::nullopt;
        auto fragment = shown ? get_string(in) : std::nullopt;
        if (!path || !shown || !fragment || path->empty()) return std::nullopt;
        states.push_back({std::move(*path), std::move(*shown), *size, static_cast<std::int64_t>(*mtime), *hash,
                          std::move(*fragment)});
    }
    if (states.empty()) return std::nullopt;
    return states;
}

}  // namespace qbank::schema

#include "schema/source_state.h"

#include <cstring>

namespace qbank::schema {

// Fixed-width little-endian numbers, then the path: the path may hold any byte.
namespace {

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t get_u64(std::string_view in) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    return v;
}

constexpr std::size_t kFixedBytes = 24;

}  // namespace

std::string encode_source_state(const SourceState& state) {
    std::string out;
    out.reserve(kFixedBytes + state.path.size());
    put_u64(out, state.size);
    put_u64(out, static_cast<std::uint64_t>(state.mtime_ns));
    put_u64(out, state.content_hash);
    out += state.path;
    return out;
}

std::optional<SourceState> decode_source_state(std::string_view value) {
    if (value.size() <= kFixedBytes) return std::nullopt;
    SourceState state;
    state.size = get_u64(value.substr(0, 8));
    state.mtime_ns = static_cast<std::int64_t>(get_u64(value.substr(8, 8)));
    state.content_hash = get_u64(value.substr(16, 8));
    state.path = std::string(value.substr(kFixedBytes));
    return state;
}

}  // namespace qbank::schema

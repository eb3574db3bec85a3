#pragma once
// What the index remembers about the file a document came from, so that a
// later run can tell unchanged files (same size and modification time, or same
// content hash) from changed ones without reparsing them. Stored in Slot::Source.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qbank::schema {

struct SourceState {
    std::string path;            // canonical absolute path
    std::uint64_t size = 0;      // bytes
    std::int64_t mtime_ns = 0;   // modification time, nanoseconds since the epoch
    std::uint64_t content_hash = 0;  // XXH3-64 of the file's bytes

    bool operator==(const SourceState&) const = default;
};

std::string encode_source_state(const SourceState& state);
// nullopt when the value is damaged.
std::optional<SourceState> decode_source_state(std::string_view value);

}  // namespace qbank::schema

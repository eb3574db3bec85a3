#pragma once
// What the index remembers about the files a document came from (one, or
// several when duplicates were merged), so that a later run can tell unchanged
// files (same size and modification time, or same content hash) from changed
// ones without reparsing them. A file that holds many questions (a Markdown
// handbook, JSON Lines) has one state per question, told apart by a fragment;
// all of them carry the file's size, time and hash. Stored in Slot::Source.
//
// A source also keeps what its record said about the document's facets, so that
// a document merged from duplicates is found under every source's category,
// levels, tags and language. A heading elsewhere whose body only links to the
// document's file is kept as a source too: it lends the document a title.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::schema {

// What one source's record says about the facets of its document.
struct SourceFacets {
    std::string lang;
    std::string category;             // empty: none
    std::vector<std::string> levels;  // canonical names (to_string(Level))
    std::vector<std::string> tags;

    bool operator==(const SourceFacets&) const = default;
};

struct SourceState {
    std::string path;            // canonical absolute path: the file's identity
    std::string name;            // what its ids are made from (see indexer/file_probe.h)
    std::uint64_t size = 0;      // bytes
    std::int64_t mtime_ns = 0;   // modification time, nanoseconds since the epoch
    std::uint64_t content_hash = 0;  // XXH3-64 of the file's bytes
    std::string fragment;        // which record of the file; empty when the file is one record
    SourceFacets facets;
    // Not empty: the source is a heading that only links to the document's file
    // (its text, the title lent); such sources come after those holding the content.
    std::string link_title;

    bool lends_title() const { return !link_title.empty(); }

    // Identity of the record's source: the path, plus the fragment when there is one.
    std::string key() const { return fragment.empty() ? path : path + '\0' + fragment; }
    // How the source is shown, a path that opens from any folder: "/srv/corpus/handbook.md#what-is-react".
    std::string display() const { return fragment.empty() ? path : path + '#' + fragment; }

    bool operator==(const SourceState&) const = default;
};

// The first state is the document's primary source: the file its content comes from.
std::string encode_source_states(const std::vector<SourceState>& states);
// nullopt when the value is damaged.
std::optional<std::vector<SourceState>> decode_source_states(std::string_view value);

}  // namespace qbank::schema

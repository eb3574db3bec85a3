#pragma once
// Searching a qbank index. A Searcher holds a read-only snapshot of the index;
// it is not thread-safe, but any number of Searchers (in any threads or
// processes) may search one index at once, also while an Indexer writes to it.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "qbank/record.h"

namespace qbank {

struct Filter {
    std::string field;  // "level", "category" or "tag"
    std::string value;  // matched after folding: "senior" finds "Senior"
};

struct SearchRequest {
    std::string query;            // words, "phrases", AND / OR / NOT, field:value
    std::vector<Filter> filters;  // all must hold
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t excerpt_chars = 300;  // approximate excerpt length, in bytes
};

// An answer passage with the query's terms marked by byte ranges into `text`.
struct Excerpt {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // [begin, end), ascending
};

struct Hit {
    std::size_t rank = 0;  // 1-based position in the whole result list
    double score = 0;      // relevance; larger is better
    Record record;
    Excerpt excerpt;
};

// value -> number of matching documents; values in byte order.
using FacetCounts = std::map<std::string, std::size_t>;

struct SearchResult {
    std::string query;
    std::size_t total = 0;  // exact number of matching documents
    std::vector<Hit> hits;
    std::map<std::string, FacetCounts> facets;  // "level", "category", "tag" over all matches
};

struct IndexStats {
    std::size_t documents = 0;
    std::map<std::string, FacetCounts> facets;
};

class Searcher {
public:
    // Opens the index at `db_path` read-only. Throws Error: IndexUnavailable when there is
    // no index there, SchemaMismatch when it was written by an incompatible version.
    explicit Searcher(const std::string& db_path);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    // Ranked hits with excerpts and facet counts over all matches.
    // Throws Error: InvalidQuery (syntax), InvalidArgument (unknown filter field).
    SearchResult search(const SearchRequest& request);

    // The stored record with this id, or nullopt.
    std::optional<Record> find(const std::string& id);

    // Document count and facet totals over the whole index.
    IndexStats stats();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qbank

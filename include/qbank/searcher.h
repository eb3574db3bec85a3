#pragma once
// Searching a qbank index. A Searcher holds a read-only snapshot of the index.
//
// Threads and processes: a Searcher is used by one thread at a time; any number
// of Searchers (in any threads or processes) may search one index at once, also
// while an Indexer writes to it.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qbank/export.h"
#include "qbank/record.h"

namespace qbank {

struct Filter {
    std::string field;  // "level", "category", "tag" or "lang"
    std::string value;  // matched after folding: "senior" finds "Senior"
};

// "FIELD:VALUE" ("level:Senior"), as the command line's --filter takes it.
// Throws BadInputError when there is no colon or either side is empty.
QBANK_API Filter parse_filter(std::string_view spec);

// The order of hits. Relevance: best first. Level: Junior to Staff+ by the lowest
// level a question addresses, questions of no level last. Source: by source path.
// Ties go by relevance.
enum class SortBy { Relevance, Level, Source };

struct SortOrder {
    SortBy by = SortBy::Relevance;
    bool descending = false;  // reverses a Level or Source order (no-level questions stay last)
};

// "relevance", "level", "source", each optionally followed by ":asc" or ":desc"
// ("level:desc"), as the command line's --sort takes it. Throws BadInputError.
QBANK_API SortOrder parse_sort(std::string_view spec);

// The record fields a hit carries unless the request names others: what a list of
// results shows. Whole sections and removed blocks come only when named.
inline const std::vector<std::string> kDefaultHitFields = {
    "title", "question", "level", "category", "tags", "lang", "source", "duplicates", "other_titles", "excerpt"};

// Facet values a search returns unless asked for more: thousands of rare tags are
// rarely read, and ranking and sending every one costs more than the search at scale.
constexpr std::size_t kDefaultFacetLimit = 10;

struct SearchRequest {
    std::string query;            // words, "phrases", AND / OR / NOT, field:value; empty: every document
    std::vector<Filter> filters;  // values of one field: any may hold; of different fields: all must
    std::size_t offset = 0;
    std::size_t limit = 10;
    // What each hit carries besides its id, rank and score: names of Record fields
    // ("sections", "removed" and those of kDefaultHitFields) and "excerpt". Fields
    // not named are left empty. Unknown names throw BadInputError.
    std::vector<std::string> fields = kDefaultHitFields;
    SortOrder sort;
    std::size_t excerpt_chars = 300;  // excerpt length to aim for, in characters; cut at sentence ends
    // Put around each highlighted word of the excerpt in JSON output (search_result_to_json),
    // whose text is HTML-escaped; these are written as they are.
    std::string highlight_open = "<mark>";
    std::string highlight_close = "</mark>";
    // Facet fields to count over all matches: any of "level", "category", "tag", "lang"; empty for none.
    std::vector<std::string> facets = {"level", "category", "tag"};
    std::size_t facet_limit = kDefaultFacetLimit;  // per facet, only the most common values; 0: every value
    bool explain = false;         // fill Hit::explanation
};

// The passage of a hit that answers the query best, with the query's words marked
// by byte ranges into `text`, and the section it comes from.
struct Excerpt {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // [begin, end), ascending
    std::string section;                    // its heading; empty when the excerpt is the question
    SectionKind kind = SectionKind::Other;  // of that section
    std::optional<Level> level;             // of that section (a sample answer for one level)
};

// What one query term added to a hit's score.
struct TermScore {
    std::string term;                 // the word searched, or its stem when stemmed
    bool stemmed = false;             // matched any word with this stem ("scale" for "scaling")
    // Where the hit holds it: "title", "question", "heading", "answer", "tag", "category";
    // "lang" for the bonus of a hit in the searcher's language (the term is that language);
    // "near" for the bonus of two query words the hit holds together (the term is both words).
    std::vector<std::string> fields;
    double score = 0;                 // its part of Hit::score (BM25)
};

struct Hit {
    std::size_t rank = 0;  // 1-based position in the whole result list
    double score = 0;      // relevance; larger is better
    // Holds only some of the query's words: every hit of a relaxed search, and the
    // hits that fill a page past the `total` documents holding them all.
    bool partial = false;
    Record record;
    Excerpt excerpt;
    std::vector<TermScore> explanation;  // with SearchRequest::explain: matched terms, largest part first
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;  // matching documents that have it

    bool operator==(const FacetValue&) const = default;
};

// A facet's values, each once, the most common first (equal counts in byte order of value).
using FacetCounts = std::vector<FacetValue>;

// How many matching documents have `value` (0 when it is not among `counts`).
QBANK_API std::size_t count_of(const FacetCounts& counts, std::string_view value);

// A shard of a stub that did not answer: its results are not in a search's.
struct MissingShard {
    std::string shard;  // as the stub names it: "remote:HOST:PORT" or "local:PATH"
    std::string error;  // why ("Couldn't connect: Connection refused")

    bool operator==(const MissingShard&) const = default;
};

struct SearchResult {
    std::string query;
    // Set when this spelling correction was searched instead of the query: it found
    // nothing, few pages, only pages without a misspelt word no page holds, or the
    // pages the correction finds, by the misspelt words' stems.
    std::optional<std::string> corrected_query;
    // A likely correction of a query that found something (words the index does not hold).
    std::optional<std::string> did_you_mean;
    // No document holds every word: hits hold some of them, best first.
    bool relaxed = false;
    // Prefixes typed with '*' ("a*") that begin more words than one search takes:
    // only the commonest of those words were searched.
    std::vector<std::string> wide_prefixes;
    std::size_t total = 0;  // exact number of matching documents (partial hits past them not counted)
    std::vector<Hit> hits;
    std::map<std::string, FacetCounts> facets;  // those SearchRequest::facets asked for, over all matches
    // Shards of a stub that did not answer: everything above is from the others.
    std::vector<MissingShard> missing_shards;
};

struct IndexStats {
    std::size_t documents = 0;
    std::map<std::string, FacetCounts> facets;
    std::vector<MissingShard> missing_shards;  // as in SearchResult
};

struct SearcherOptions {
    // Files of synonym groups added to the shipped ones (format: query/synonyms.txt in the source).
    std::vector<std::string> synonym_files;
    // BM25 parameters, to tune ranking for another corpus; unset: qbank's tuned values.
    std::optional<double> bm25_k1;
    std::optional<double> bm25_b;
    // A stub's remote shards: seconds to connect and for each answer before the
    // shard counts as missing (SearchResult::missing_shards). Unset: 10.
    std::optional<double> shard_timeout;
};

class QBANK_API Searcher {
public:
    // Opens the index at `db_path` read-only, or the stub of shards there (qbank/shards.h):
    // a shard that does not answer is left out and named in each result, and tried
    // again on reopen(); IndexIOError when none answers. Throws IndexMissingError when there is no
    // index there, IndexIncompatibleError when it was written with another schema version
    // (the message names the command that rebuilds it), BadInputError for a synonyms file
    // that cannot be read or parsed (naming its line), IndexCorruptError, IndexIOError.
    explicit Searcher(const std::string& db_path, SearcherOptions options = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    // Ranked hits with excerpts and facet counts over all matches. All words must
    // match (README "How words combine"); a misspelt query may be searched corrected
    // (corrected_query); when nothing matches, any of the words (relaxed); when fewer
    // than the page match, partial hits fill it. Throws BadInputError (query syntax, unknown
    // filter field or facet), IndexCorruptError (a damaged stored record), IndexIOError.
    SearchResult search(const SearchRequest& request);

    // The questions most like the one with this id (by the words that set it apart,
    // Xapian's relevance feedback), itself excluded, in the shape of a search whose
    // query is "related:ID"; nullopt when no question has that id. The request's
    // filters, offset, limit, excerpt length, facets and explain apply as in search;
    // its query is not used. Throws as search.
    std::optional<SearchResult> related(const std::string& id, const SearchRequest& request = {});

    // The stored record with this id, or nullopt. Throws IndexCorruptError, IndexIOError.
    std::optional<Record> find(const std::string& id);

    // Document count and facet totals over the whole index. Throws IndexIOError.
    IndexStats stats();

    // A Searcher answers from the index as last committed when it was opened or
    // last reopened: commits made since are not seen until reopen(), except that
    // a search whose snapshot a writer has recycled reopens once by itself.
    // Moves to the last commit; true when that differs from the one read before.
    // Throws as the constructor does (IndexCorruptError, IndexIOError, ...).
    bool reopen();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qbank

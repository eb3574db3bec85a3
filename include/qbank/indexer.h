#pragma once
// Writing pages into a qbank index on disk, incrementally and atomically.
//
// Threads and processes: one Indexer per index at a time; a second one (in any
// process) gets IndexLockedError. An Indexer is used by one thread at a time (it
// runs worker threads of its own). Searchers may read the index while it writes:
// they see the last committed state until commit() returns, never part of a run.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "qbank/export.h"
#include "qbank/page.h"

namespace qbank {

// How far a run has got, for progress displays. Called on the thread that calls commit().
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;  // files found so far in the paths given
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
};

struct IndexOptions {
    NormalizeOptions normalize;
    bool full = false;   // drop every document first and reparse everything
    bool prune = true;   // remove documents whose file is gone from a folder given to add_path
    unsigned jobs = 0;   // threads that read and parse pages; 0 = one per core
    std::uint64_t max_bytes = kDefaultMaxPageBytes;  // larger files are skipped
    Format format = Format::Auto;  // how files are read; Auto: by extension and content, per file
    // Shell globs of entries skipped in folders given to add_path ("LICENSE*", "drafts/*");
    // documents of files they match are pruned like those of files that are gone.
    std::vector<std::string> exclude;
    // Changes held in memory at once, which bounds memory (about 0.3 MB each for
    // pages of 10 KB). A run of more than half as many is written to a copy beside
    // the index, committed every flush_every changes, then compacted and swapped
    // in whole; that costs two copies of the index. 0: no bound, every run is
    // written in place.
    unsigned flush_every = 200;
    // A sentence or line on at least this many pages, and on at least this share of
    // the pages a run parses, is corpus-wide boilerplate and removed from every page.
    std::size_t boilerplate_min_pages = 5;
    double boilerplate_min_share = 0.1;
    std::function<void(const IndexProgress&)> on_progress;  // may be empty
    // Keep only the records whose id hashes to shard `index` (from 1) of `count`:
    // N batch jobs over the same corpus build the N shards of one collection,
    // which a stub database searches as one. An index keeps the shard it was
    // built as; a run as another is refused (BadInputError) unless `full`.
    struct Shard {
        unsigned index = 1;
        unsigned count = 1;
    } shard;
};

// Corpus-wide boilerplate removed in a run, and from how many pages.
struct BoilerplateReport {
    std::string text;
    std::size_t pages = 0;
};

// Counts are of records: a file is one record, or many (a Markdown handbook, JSON Lines).
struct IndexSummary {
    std::size_t files = 0;      // files read and parsed in this run
    std::size_t added = 0;      // records not indexed before
    std::size_t updated = 0;    // records whose content changed since they were indexed
    std::size_t unchanged = 0;  // records of files with the same size and time, or content, or of the same text
    std::size_t removed = 0;    // documents whose sources are all gone
    std::size_t duplicates = 0; // records merged into the document of the same question
    std::size_t ignored = 0;    // files that are not pages (code, data, images), passed over
    // Files that could not be indexed, and lines of JSON Lines files that were skipped, one each.
    std::vector<Diagnostic> problems;
    std::vector<BoilerplateReport> boilerplate;  // most pages first
    double seconds = 0;         // from opening the index to the end of commit()
};

class QBANK_API Indexer {
public:
    // Opens the index at `db_path` for writing, creating it (and its parent folders) if missing,
    // and holds its write lock until destroyed. With options.full, an index written with
    // another schema version is rebuilt; otherwise it is refused.
    // Throws IndexLockedError, IndexIncompatibleError, IndexIOError, IndexCorruptError.
    explicit Indexer(const std::string& db_path, IndexOptions options = {});
    ~Indexer();  // without commit(), nothing of the run is written
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    // Adds a file, or every regular file below a folder (recursively, hidden entries
    // skipped), to the run. Files are read when commit() runs; a path that does not
    // exist or cannot be read is reported in the summary's `problems`.
    void add_path(const std::string& path);

    // Stages a ready record as it is, replacing any document with the same id
    // (records from parse_records / read_records have ids; others need one).
    // Throws BadInputError for a record without an id, IndexIOError.
    void add_record(const Record& record);

    // Runs the batch: new files are added, changed ones reparsed, unchanged ones (same
    // size and modification time, or same content) left alone; boilerplate recurring
    // across the parsed pages is learned and removed; documents of files gone from
    // the folders given are removed (unless options.prune is false). Then the whole
    // run becomes visible at once. A file that cannot be indexed is reported in the
    // summary and the rest go on. The Indexer stays open: add more and commit again.
    // Throws IndexIOError when the index cannot be read or written (then nothing of the
    // run is), IndexCorruptError when what it holds is damaged.
    IndexSummary commit();

    // Replaces options.on_progress for the commits to come (empty: no calls).
    void set_progress(std::function<void(const IndexProgress&)> on_progress);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qbank

#include "qbank/indexer.h"

#include <xxhash.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <unordered_set>
#include <variant>

#include "indexer/corpus_walk.h"
#include "indexer/document_builder.h"
#include "indexer/file_probe.h"
#include "indexer/index_writer.h"
#include "indexer/ordered_pool.h"
#include "indexer/record_id.h"
#include "indexer/source_catalog.h"

namespace qbank {

namespace {

// What a worker found out about one file.
struct FileOutcome {
    enum class Kind { Unchanged, Touched, Indexed, Skipped } kind = Kind::Skipped;
    std::string canonical;  // empty when the file could not even be looked at
    std::uint64_t size = 0;
    Xapian::docid docid = 0;  // Touched: the document to update
    schema::SourceState state;
    std::string id;           // Indexed
    Xapian::Document doc;     // Indexed
    Diagnostic problem;       // Skipped
};

// Results a worker may have ready ahead of the writer, per worker: enough to keep
// workers busy, few enough to bound memory.
constexpr std::size_t kResultsPerWorker = 8;

}  // namespace

struct Indexer::Impl {
    Impl(const std::string& path, IndexOptions opts)
        : started(std::chrono::steady_clock::now()),
          db_path(path),
          options(std::move(opts)),
          writer(path, options.flush_every) {
        if (options.full) writer.remove_all();
        else catalog = indexer::SourceCatalog(writer.database());
    }

    std::chrono::steady_clock::time_point started;
    std::string db_path;
    IndexOptions options;
    indexer::IndexWriter writer;
    indexer::SourceCatalog catalog;
    std::unordered_set<std::string> seen;  // canonical paths met in this run
    std::vector<std::string> folders;      // canonical folders given, for pruning
    IndexSummary summary;
    IndexProgress progress;

    unsigned jobs() const {
        return options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    }

    // Runs on a worker thread: everything about one file except writing it.
    FileOutcome examine(const std::string& path) const {
        FileOutcome out;
        auto probed = indexer::probe_file(path);
        if (auto* problem = std::get_if<Diagnostic>(&probed)) {
            out.problem = std::move(*problem);
            return out;
        }
        const indexer::FileInfo& file = std::get<indexer::FileInfo>(probed);
        out.canonical = file.canonical;
        out.size = file.size;
        const indexer::SourceCatalog::Entry* known = catalog.find(file.canonical);
        if (known && known->state.size == file.size && known->state.mtime_ns == file.mtime_ns) {
            out.kind = FileOutcome::Kind::Unchanged;
            return out;
        }
        auto bytes = indexer::read_file_bytes(file, options.max_bytes);
        if (auto* problem = std::get_if<Diagnostic>(&bytes)) {
            out.problem = std::move(*problem);
            return out;
        }
        const std::string& content = std::get<std::string>(bytes);
        out.state = {file.canonical, content.size(), file.mtime_ns, XXH3_64bits(content.data(), content.size())};
        if (known && known->state.content_hash == out.state.content_hash) {
            out.kind = FileOutcome::Kind::Touched;
            out.docid = known->docid;
            return out;
        }
        try {
            out.id = indexer::record_id_for_canonical(file.canonical);
            PageResult page = parse_page(content, path, out.id, options.normalize);
            if (!page.record) {
                out.problem = std::move(page.diagnostics.front());
                return out;
            }
            thread_local indexer::DocumentBuilder builder;
            out.doc = builder.build(*page.record, &out.state);
            out.kind = FileOutcome::Kind::Indexed;
        } catch (const std::exception& e) {
            // One page the normalizer cannot handle must not stop the batch.
            out.problem = {path, 0, std::string("cannot parse: ") + e.what()};
        }
        return out;
    }

    // Runs on the caller's thread, in file order.
    void apply(FileOutcome& out) {
        if (!out.canonical.empty() && !seen.insert(out.canonical).second) return;  // listed twice
        switch (out.kind) {
            case FileOutcome::Kind::Unchanged: ++summary.unchanged; break;
            case FileOutcome::Kind::Touched:
                writer.set_source_state(out.docid, out.state);
                ++summary.unchanged;
                break;
            case FileOutcome::Kind::Indexed: ++(writer.put(out.id, out.doc) ? summary.updated : summary.added); break;
            // A file that is there but now unreadable keeps its last good document.
            case FileOutcome::Kind::Skipped: summary.skipped.push_back(std::move(out.problem)); break;
        }
        ++progress.files_done;
        progress.bytes_done += out.size;
        if (options.on_progress) options.on_progress(progress);
    }
};

Indexer::Indexer(const std::string& db_path, IndexOptions options)
    : impl_(std::make_unique<Impl>(db_path, std::move(options))) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add_path(const std::string& path) {
    Impl& impl = *impl_;
    indexer::CorpusFiles corpus = indexer::list_corpus_files(path, impl.db_path);
    for (Diagnostic& problem : corpus.problems) impl.summary.skipped.push_back(std::move(problem));
    if (corpus.is_folder) {
        std::error_code ec;
        impl.folders.push_back(std::filesystem::canonical(path, ec).string());
    }
    impl.progress.files_total += corpus.files.size();
    unsigned jobs = impl.jobs();
    indexer::ordered_parallel_for<FileOutcome>(
        corpus.files.size(), jobs, jobs * kResultsPerWorker,
        [&](std::size_t i) { return impl.examine(corpus.files[i]); },
        [&](std::size_t, FileOutcome out) { impl.apply(out); });
}

void Indexer::add_record(const Record& record) {
    ++(impl_->writer.put(record) ? impl_->summary.updated : impl_->summary.added);
}

IndexSummary Indexer::commit() {
    Impl& impl = *impl_;
    if (impl.options.prune) {
        for (Xapian::docid docid : impl.catalog.missing_below(impl.folders, impl.seen)) {
            impl.writer.remove(docid);
            ++impl.summary.removed;
        }
    }
    impl.writer.commit();
    impl.summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - impl.started).count();
    impl.seen.clear();
    impl.folders.clear();
    return std::exchange(impl.summary, {});
}

}  // namespace qbank

#include "qbank/indexer.h"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_set>
#include <variant>

#include "errors/index_errors.h"
#include "indexer/corpus_boilerplate.h"
#include "indexer/corpus_walk.h"
#include "indexer/document_builder.h"
#include "indexer/document_catalog.h"
#include "indexer/file_choice.h"
#include "indexer/file_probe.h"
#include "indexer/file_records.h"
#include "indexer/file_sync.h"
#include "indexer/fingerprint.h"
#include "indexer/index_writer.h"
#include "indexer/normalize.h"
#include "indexer/ordered_pool.h"
#include "qbank/error.h"
#include "schema/fields.h"

namespace qbank {

namespace {

// A run goes through its files twice: a survey finds what changed, then the
// changed files are parsed. In between, boilerplate is learned from a sample of them.
struct Surveyed {
    enum class Kind { Unchanged, Touched, ToParse, Skipped } kind = Kind::Skipped;
    indexer::FileInfo file;
    schema::SourceState state;  // Touched: the refreshed state
    Diagnostic problem;         // Skipped
};

struct ParsedRecord {
    Record record;
    std::string fragment;
    Xapian::Document doc;
    indexer::Fingerprint fingerprint;
};

struct Parsed {
    std::vector<ParsedRecord> records;
    std::vector<indexer::LentTitle> lent_titles;
    schema::SourceState state;          // the file's; each record adds its fragment
    std::vector<Diagnostic> problems;   // no records: why the file was skipped
    bool ignored = false;               // not a page (binary content under an unknown extension)
};

// How much of a file of unknown kind is read to tell text from binary.
constexpr std::size_t kSniffBytes = 4096;

// Results a worker may have ready ahead of the writer, per worker: enough to keep
// workers busy, few enough to bound memory.
constexpr std::size_t kResultsPerWorker = 8;
// Learning needs enough pages to tell a banner from a shared phrase; a run that
// parses fewer uses what an earlier run learned.
constexpr std::size_t kMinPagesToLearn = 20;
// Pages sampled for learning: a banner on 10% of pages shows up ~500 times.
constexpr std::size_t kLearningSample = 5000;

}  // namespace

struct Indexer::Impl {
    Impl(const std::string& path, IndexOptions opts)
        : started(std::chrono::steady_clock::now()),
          db_path(path),
          options(std::move(opts)),
          writer(path, options.flush_every,
                 options.full ? indexer::IndexWriter::Open::Rebuild : indexer::IndexWriter::Open::Update) {
        check_shard();
        if (!options.full) catalog = indexer::DocumentCatalog(writer.database());
    }

    // The shard this run builds, as the index records it: "K/N", or "" for a whole index.
    std::string shard_spec() const {
        const IndexOptions::Shard& s = options.shard;
        return s.count <= 1 ? std::string() : std::to_string(s.index) + "/" + std::to_string(s.count);
    }

    void check_shard() {
        const IndexOptions::Shard& s = options.shard;
        if (s.count == 0 || s.index == 0 || s.index > s.count)
            throw BadInputError("shard " + std::to_string(s.index) + "/" + std::to_string(s.count) +
                                " names no shard: give K/N with 1 <= K <= N");
        const std::string key(schema::kShardKey);
        std::string stored = writer.database().get_metadata(key);
        if (stored != shard_spec() && !options.full && writer.database().get_doccount() > 0)
            throw BadInputError("index " + db_path + " holds " +
                                (stored.empty() ? "every record" : "shard " + stored) + ", not " +
                                (shard_spec().empty() ? "every record" : "shard " + shard_spec()) +
                                ": run with " + (stored.empty() ? "no --shard" : "--shard " + stored) +
                                ", or rebuild it with --full");
        if (stored != shard_spec()) writer.set_metadata(key, shard_spec());
    }

    // Whether a record belongs to the shard this run builds: by its id, which is
    // the same in every copy of the corpus, so every job agrees.
    bool in_shard(const std::string& id) const {
        const IndexOptions::Shard& s = options.shard;
        return s.count <= 1 || XXH3_64bits(id.data(), id.size()) % s.count == s.index - 1;
    }

    std::chrono::steady_clock::time_point started;
    std::string db_path;
    IndexOptions options;
    indexer::IndexWriter writer;
    indexer::DocumentCatalog catalog;
    indexer::FileSync files{writer, catalog};
    std::vector<indexer::ListedFile> staged;  // files added to the run, in order
    std::vector<std::string> folders;      // canonical folders given, for pruning
    std::unordered_set<std::string> seen;  // canonical paths met in this run
    IndexSummary summary;
    std::map<std::string, std::size_t> boilerplate_pages;  // corpus-wide block -> pages it left
    // Titles lent by the files parsed, placed once every file is in (the linked file may come later).
    std::vector<std::pair<indexer::LentTitle, schema::SourceState>> lent_titles;
    IndexProgress progress;

    unsigned jobs() const {
        return options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    }

    template <typename Result, typename Work, typename Consume>
    void in_parallel(std::size_t n, Work work, Consume consume) {
        unsigned threads = jobs();
        indexer::ordered_parallel_for<Result>(n, threads, threads * kResultsPerWorker, work, consume);
    }

    void finished_file(std::uint64_t bytes) {
        ++progress.files_done;
        progress.bytes_done += bytes;
        if (options.on_progress) options.on_progress(progress);
    }

    // Worker: is the file new, changed or the same as when it was indexed?
    Surveyed survey(const indexer::ListedFile& listed) const {
        Surveyed out;
        const std::string& path = listed.path;
        auto probed = indexer::probe_file(path);
        if (auto* problem = std::get_if<indexer::ProbeProblem>(&probed)) {
            out.problem = std::move(problem->diagnostic);
            // A file that is there but cannot be looked at keeps its document: only
            // files that are gone are pruned.
            if (!problem->gone) out.file.canonical = std::filesystem::absolute(path).lexically_normal().string();
            return out;
        }
        out.file = std::move(std::get<indexer::FileInfo>(probed));
        const schema::SourceState* known = catalog.state_of(out.file.canonical);
        // A file keeps the name its ids came from, whichever folder it is indexed through now.
        out.file.name = known != nullptr ? known->name : listed.name;
        out.kind = Surveyed::Kind::ToParse;
        if (known == nullptr) return out;
        if (known->size == out.file.size && known->mtime_ns == out.file.mtime_ns) {
            out.kind = Surveyed::Kind::Unchanged;
            return out;
        }
        auto bytes = indexer::read_file_bytes(out.file, options.max_bytes);
        if (auto* content = std::get_if<std::string>(&bytes);
            content && XXH3_64bits(content->data(), content->size()) == known->content_hash) {
            out.kind = Surveyed::Kind::Touched;
            out.state = {out.file.canonical, out.file.name, content->size(), out.file.mtime_ns, known->content_hash};
        }
        return out;  // a read failure shows again, and is reported, when the file is parsed
    }

    // Worker: the records and documents of a new or changed file.
    Parsed parse(const indexer::FileInfo& file, const indexer::CorpusBoilerplate* corpus) const {
        Parsed out;
        auto bytes = indexer::read_file_bytes(file, options.max_bytes);
        if (auto* problem = std::get_if<Diagnostic>(&bytes)) {
            out.problems.push_back(std::move(*problem));
            return out;
        }
        const std::string& content = std::get<std::string>(bytes);
        if (options.format == Format::Auto && indexer::choose_by_name(file.path) == indexer::FileChoice::Sniff &&
            !indexer::looks_like_text(std::string_view(content).substr(0, kSniffBytes))) {
            out.ignored = true;
            return out;
        }
        out.state = {file.canonical, file.name, content.size(), file.mtime_ns,
                     XXH3_64bits(content.data(), content.size())};
        try {
            indexer::FileRecords parsed =
                indexer::parse_file_bytes(content, file, options.format, options.normalize, corpus);
            out.problems = std::move(parsed.problems);
            out.lent_titles = std::move(parsed.lent_titles);
            for (indexer::SplitRecord& split : parsed.records) {
                ParsedRecord r{std::move(split.record), std::move(split.fragment), {}, {}};
                r.doc = indexer::build_document(r.record);
                r.fingerprint = indexer::fingerprint(r.record);
                out.records.push_back(std::move(r));
            }
        } catch (const std::exception& e) {
            // One page the normalizer cannot handle must not stop the batch.
            out.records.clear();
            out.problems = {Diagnostic{file.path, 0, std::string("cannot parse: ") + e.what()}};
        }
        return out;
    }

    // Classifies every staged file, writes what needs no parsing, returns the rest.
    std::vector<indexer::FileInfo> survey_all() {
        std::vector<indexer::FileInfo> to_parse;
        // Workers read the catalog during the survey, so its updates wait until the end.
        std::vector<schema::SourceState> refreshed;
        in_parallel<Surveyed>(
            staged.size(), [&](std::size_t i) { return survey(staged[i]); },
            [&](std::size_t, Surveyed out) {
                if (!out.file.canonical.empty() && !seen.insert(out.file.canonical).second) {
                    finished_file(0);  // listed twice: done already
                    return;
                }
                switch (out.kind) {
                    case Surveyed::Kind::ToParse: to_parse.push_back(std::move(out.file)); return;
                    case Surveyed::Kind::Touched: refreshed.push_back(std::move(out.state)); [[fallthrough]];
                    case Surveyed::Kind::Unchanged: summary.unchanged += catalog.records_of(out.file.canonical); break;
                    // A file that is there but now unreadable keeps its last good document.
                    case Surveyed::Kind::Skipped: summary.problems.push_back(std::move(out.problem)); break;
                }
                finished_file(out.file.size);
            });
        for (const schema::SourceState& state : refreshed) files.refresh(state);
        return to_parse;
    }

    // Boilerplate recurring across the pages to parse, or what an earlier run learned.
    indexer::CorpusBoilerplate learn(const std::vector<indexer::FileInfo>& to_parse) {
        const std::string key(schema::kBoilerplateKey);
        auto stored = indexer::CorpusBoilerplate::deserialize(writer.database().get_metadata(key));
        if (to_parse.size() < kMinPagesToLearn) return stored;
        std::size_t step = (to_parse.size() + kLearningSample - 1) / kLearningSample;
        std::size_t samples = (to_parse.size() + step - 1) / step;
        std::vector<std::uint64_t> units;
        std::size_t pages = 0;
        in_parallel<std::vector<std::uint64_t>>(
            samples,
            [&](std::size_t i) -> std::vector<std::uint64_t> {
                auto bytes = indexer::read_file_bytes(to_parse[i * step], options.max_bytes);
                auto* content = std::get_if<std::string>(&bytes);
                if (content == nullptr) return {};
                try {
                    return indexer::file_learnable_units(*content, to_parse[i * step].path, options.format,
                                                         options.normalize);
                } catch (const std::exception&) {
                    return {};  // parsing reports this page; learning does without it
                }
            },
            [&](std::size_t, std::vector<std::uint64_t> page_units) {
                pages += page_units.empty() ? 0 : 1;
                units.insert(units.end(), page_units.begin(), page_units.end());
            });
        auto learned = indexer::CorpusBoilerplate::learn(
            std::move(units), pages, {options.boilerplate_min_pages, options.boilerplate_min_share});
        // A small batch must not unlearn what the whole corpus taught.
        if (!options.full && learned.pages() < stored.pages()) return stored;
        writer.set_metadata(key, learned.serialize());
        return learned;
    }

    // Writes the records of a parsed file. `again`: the file was counted by an earlier pass.
    void store(Parsed out, bool again) {
        if (out.ignored) {
            summary.ignored += again ? 0 : 1;
            return;
        }
        for (const Diagnostic& problem : out.problems) summary.problems.push_back(problem);
        // A file that yields nothing keeps what it gave before: it may be a bad save of a good file.
        if (out.records.empty()) return;
        if (!again) ++summary.files;
        std::vector<std::string> keys;
        for (ParsedRecord& r : out.records) {
            if (!in_shard(r.record.id)) continue;  // another job's shard: its key is not kept here either
            for (const RemovedBlock& block : r.record.removed)
                if (block.scope == RemovedBlock::Scope::Corpus) ++boilerplate_pages[block.text];
            schema::SourceState state = out.state;
            state.fragment = std::move(r.fragment);
            keys.push_back(state.key());
            switch (files.put_page(std::move(r.record), std::move(r.doc), r.fingerprint, state)) {
                case indexer::FileSync::Change::Added: ++summary.added; break;
                case indexer::FileSync::Change::Updated: ++summary.updated; break;
                case indexer::FileSync::Change::Unchanged: summary.unchanged += again ? 0 : 1; break;
                case indexer::FileSync::Change::Duplicate: summary.duplicates += again ? 0 : 1; break;
            }
        }
        for (indexer::LentTitle& lent : out.lent_titles) {
            schema::SourceState link = out.state;
            link.fragment = lent.fragment;
            link.link_title = lent.title;
            keys.push_back(link.key());  // kept where it is, unless it now links elsewhere
            lent_titles.emplace_back(std::move(lent), std::move(link));
        }
        // Questions that left the file leave the index; while some of its lines are
        // broken, their last good records stay.
        if (out.problems.empty()) summary.removed += files.drop_records_except(out.state.path, keys);
    }

    void parse_all(const std::vector<indexer::FileInfo>& to_parse, const indexer::CorpusBoilerplate& corpus,
                   bool again = false) {
        in_parallel<Parsed>(
            to_parse.size(), [&](std::size_t i) { return parse(to_parse[i], corpus.empty() ? nullptr : &corpus); },
            [&](std::size_t i, Parsed out) {
                store(std::move(out), again);
                finished_file(to_parse[i].size);
            });
    }

    void lend_titles() {
        for (auto& [lent, link] : lent_titles) {
            std::string target_key = schema::SourceState{lent.target, {}, 0, 0, 0, lent.target_fragment}.key();
            files.lend_title(target_key, lent.target, link);
        }
        lent_titles.clear();
    }

    void prune() {
        for (const std::string& path : catalog.missing_below(folders, seen)) summary.removed += files.drop_file(path);
    }

    IndexSummary commit();
};

namespace {

// The API boundary: a Xapian error that got past the writer (reading the catalog
// or the learned boilerplate) leaves as a qbank Error naming the index.
template <typename Work>
auto at_boundary(const std::string& db_path, Work work) {
    try {
        return work();
    } catch (const Xapian::Error& e) {
        errors::throw_index_error(e, db_path);
    }
}

}  // namespace

Indexer::Indexer(const std::string& db_path, IndexOptions options)
    : impl_(at_boundary(db_path, [&] { return std::make_unique<Impl>(db_path, std::move(options)); })) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add_path(const std::string& path) {
    Impl& impl = *impl_;
    indexer::CorpusFiles corpus = indexer::list_corpus_files(path, impl.db_path, impl.options.exclude);
    for (Diagnostic& problem : corpus.problems) impl.summary.problems.push_back(std::move(problem));
    if (corpus.is_folder && corpus.complete) impl.folders.push_back(corpus.canonical);
    // Code, data and images are not pages, unless a format is forced.
    if (impl.options.format == Format::Auto)
        std::erase_if(corpus.files, [&](const indexer::ListedFile& file) {
            bool page = indexer::choose_by_name(file.path) != indexer::FileChoice::NotPage;
            impl.summary.ignored += page ? 0 : 1;
            return !page;
        });
    impl.progress.files_total += corpus.files.size();
    impl.staged.insert(impl.staged.end(), std::make_move_iterator(corpus.files.begin()),
                       std::make_move_iterator(corpus.files.end()));
}

void Indexer::add_record(const Record& record) {
    if (record.id.empty()) throw BadInputError("a record added to index " + impl_->db_path + " needs an id");
    at_boundary(impl_->db_path,
                [&] { ++(impl_->writer.put(record).replaced ? impl_->summary.updated : impl_->summary.added); });
}

IndexSummary Indexer::commit() {
    return at_boundary(impl_->db_path, [&] { return impl_->commit(); });
}

void Indexer::set_progress(std::function<void(const IndexProgress&)> on_progress) {
    impl_->options.on_progress = std::move(on_progress);
}

IndexSummary Indexer::Impl::commit() {
    std::vector<indexer::FileInfo> to_parse = survey_all();
    indexer::CorpusBoilerplate corpus = learn(to_parse);
    parse_all(to_parse, corpus);
    if (options.prune) prune();
    // Duplicates that became their document's primary file bring their own content.
    for (auto promoted = files.take_reparse(); !promoted.empty(); promoted = files.take_reparse()) {
        std::vector<indexer::FileInfo> again;
        std::unordered_set<std::string> listed;  // a handbook may have several records promoted
        for (const schema::SourceState& s : promoted) {
            // Pruned since (a duplicate pair gone with its folder): nothing to bring.
            if (catalog.document_of(s.key()) == 0) continue;
            if (listed.insert(s.path).second) again.push_back({s.path, s.path, s.name, s.size, s.mtime_ns});
        }
        progress.files_total += again.size();
        parse_all(again, corpus, true);
    }
    lend_titles();
    writer.commit();
    for (auto& [text, pages] : boilerplate_pages) summary.boilerplate.push_back({text, pages});
    std::stable_sort(summary.boilerplate.begin(), summary.boilerplate.end(),
                     [](const auto& a, const auto& b) { return a.pages > b.pages; });
    boilerplate_pages.clear();
    // Files fail in the survey or while parsed; report them in path order either way.
    std::stable_sort(summary.problems.begin(), summary.problems.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.path < b.path; });
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    staged.clear();
    seen.clear();
    folders.clear();
    progress = {};
    return std::exchange(summary, {});
}

}  // namespace qbank

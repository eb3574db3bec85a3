#include "qbank/indexer.h"

#include "indexer/corpus_walk.h"
#include "indexer/index_writer.h"

namespace qbank {

struct Indexer::Impl {
    Impl(const std::string& path, NormalizeOptions opts) : db_path(path), writer(path), options(opts) {}

    std::string db_path;
    indexer::IndexWriter writer;
    NormalizeOptions options;
    IndexSummary summary;

    void put(const Record& record) { ++(writer.put(record) ? summary.replaced : summary.added); }

    void skip(std::vector<Diagnostic> diagnostics) {
        ++summary.files_skipped;
        for (Diagnostic& d : diagnostics) summary.skipped.push_back(std::move(d));
    }
};

Indexer::Indexer(const std::string& db_path, NormalizeOptions options)
    : impl_(std::make_unique<Impl>(db_path, options)) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add_path(const std::string& path) {
    indexer::CorpusFiles corpus = indexer::list_corpus_files(path, impl_->db_path);
    for (Diagnostic& problem : corpus.problems) impl_->skip({std::move(problem)});
    for (const std::string& file : corpus.files) {
        PageResult page;
        try {
            page = read_page(file, impl_->options);
        } catch (const std::exception& e) {
            // One page the normalizer cannot handle must not stop the batch.
            page.diagnostics.push_back({file, 0, std::string("cannot parse: ") + e.what()});
        }
        if (page.record) impl_->put(*page.record);
        else impl_->skip(std::move(page.diagnostics));
    }
}

void Indexer::add_record(const Record& record) { impl_->put(record); }

IndexSummary Indexer::commit() {
    impl_->writer.commit();
    return std::exchange(impl_->summary, {});
}

}  // namespace qbank

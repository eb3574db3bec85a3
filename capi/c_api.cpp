// The C API: every entry point runs the C++ API inside `guarded`, so no exception
// crosses into C; errors become a status and a message the caller frees.

#include "qbank.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>

#include "capi/api_json.h"
#include "indexer/json_lines.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/json.h"
#include "qbank/maintenance.h"
#include "qbank/page.h"
#include "qbank/searcher.h"
#include "qbank/version.h"

struct qbank_indexer {
    qbank::Indexer indexer;
};

struct qbank_searcher {
    qbank::Searcher searcher;
};

namespace {

// malloc'd so that qbank_free (free) releases it, whatever allocator the caller uses;
// nullptr when there is no memory for it.
char* duplicate(const std::string& text) noexcept {
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out != nullptr) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

char* copy_out(const std::string& text) {
    if (char* out = duplicate(text)) return out;
    throw std::bad_alloc();
}

qbank_status status_of(qbank::Error::Kind kind) {
    using Kind = qbank::Error::Kind;
    switch (kind) {
        case Kind::BadInput: return QBANK_BAD_INPUT;
        case Kind::IndexMissing: return QBANK_INDEX_MISSING;
        case Kind::IndexLocked: return QBANK_INDEX_LOCKED;
        case Kind::IndexIncompatible: return QBANK_INDEX_INCOMPATIBLE;
        case Kind::IndexCorrupt: return QBANK_INDEX_CORRUPT;
        case Kind::IndexIO: return QBANK_INDEX_IO;
    }
    return QBANK_INTERNAL;
}

qbank_status fail(qbank_status status, const std::string& message, char** error) {
    if (error != nullptr) *error = duplicate(message);
    return status;
}

template <typename Work>
qbank_status guarded(char** error, Work work) {
    try {
        work();
        return QBANK_OK;
    } catch (const qbank::Error& e) {
        return fail(status_of(e.kind()), e.what(), error);
    } catch (const std::bad_alloc&) {
        return fail(QBANK_INTERNAL, "out of memory", error);
    } catch (const std::exception& e) {
        return fail(QBANK_INTERNAL, std::string("internal error: ") + e.what(), error);
    } catch (...) {  // nothing may unwind into C
        return fail(QBANK_INTERNAL, "internal error: an unknown exception", error);
    }
}

// Arguments the caller must give: a missing one is bad input, not a crash.
void require(const void* argument, const char* name) {
    if (argument == nullptr) throw qbank::BadInputError(std::string(name) + " must not be NULL");
}

std::string_view optional_text(const char* text) { return text == nullptr ? std::string_view() : text; }


// A record in the shape of a JSON Lines line, read as the indexer reads such lines,
// under the source it names: a stand-alone record has no "#anchor".
qbank::Record record_from_api(const char* record_json) {
    qbank::capi::ApiRecord given = qbank::capi::api_record_from_json(record_json, "api");
    qbank::FileResult file = qbank::parse_records(given.line, given.source, qbank::Format::JsonLines);
    if (file.records.size() != 1) {
        std::string why = file.problems.empty() ? "no record" : file.problems.front().message;
        const std::string_view advice = qbank::indexer::kSkippedLineAdvice;  // meant for `qbank index` users
        if (why.ends_with(advice)) why.resize(why.size() - advice.size());
        throw qbank::BadInputError("record is not usable: " + why);
    }
    qbank::Record record = std::move(file.records.front());
    record.source = given.source;
    return record;
}

}  // namespace

extern "C" {

const char* qbank_version(void) { return qbank::version().data(); }  // a literal: NUL-terminated

int qbank_schema_version(void) { return qbank::schema_version(); }

const char* qbank_status_name(qbank_status status) {
    switch (status) {
        case QBANK_OK: return "ok";
        case QBANK_BAD_INPUT: return "bad_input";
        case QBANK_INDEX_MISSING: return "index_missing";
        case QBANK_INDEX_LOCKED: return "index_locked";
        case QBANK_INDEX_INCOMPATIBLE: return "index_incompatible";
        case QBANK_INDEX_CORRUPT: return "index_corrupt";
        case QBANK_INDEX_IO: return "index_io";
        case QBANK_NOT_FOUND: return "not_found";
        case QBANK_INTERNAL: return "internal";
    }
    return "unknown";
}

void qbank_free(void* text) { std::free(text); }

qbank_status qbank_normalize(const char* bytes, size_t size, const char* source, const char* format,
                             char** result_json, char** error) {
    return guarded(error, [&] {
        require(bytes, "bytes");
        require(source, "source");
        require(result_json, "result_json");
        qbank::Format chosen = format == nullptr ? qbank::Format::Auto : qbank::capi::format_from_name(format);
        qbank::FileResult file = qbank::parse_records(std::string_view(bytes, size), source, chosen);
        *result_json = copy_out(qbank::file_result_to_json(file));
    });
}

qbank_status qbank_indexer_open(const char* db_path, const char* options_json, qbank_indexer** indexer,
                                char** error) {
    return guarded(error, [&] {
        require(db_path, "db_path");
        require(indexer, "indexer");
        *indexer = nullptr;
        qbank::IndexOptions options = qbank::capi::index_options_from_json(optional_text(options_json));
        *indexer = new qbank_indexer{qbank::Indexer(db_path, std::move(options))};
    });
}

qbank_status qbank_indexer_add_path(qbank_indexer* indexer, const char* path, char** error) {
    return guarded(error, [&] {
        require(indexer, "indexer");
        require(path, "path");
        indexer->indexer.add_path(path);
    });
}

qbank_status qbank_indexer_set_progress(qbank_indexer* indexer, qbank_progress_fn callback, void* user,
                                        char** error) {
    return guarded(error, [&] {
        require(indexer, "indexer");
        if (callback == nullptr) return indexer->indexer.set_progress({});
        indexer->indexer.set_progress([callback, user](const qbank::IndexProgress& p) {
            const qbank_progress progress{p.files_done, p.files_total, p.bytes_done, p.bytes_total};
            callback(user, &progress);
        });
    });
}

qbank_status qbank_indexer_add_record(qbank_indexer* indexer, const char* record_json, char** error) {
    return guarded(error, [&] {
        require(indexer, "indexer");
        require(record_json, "record_json");
        indexer->indexer.add_record(record_from_api(record_json));
    });
}

qbank_status qbank_indexer_commit(qbank_indexer* indexer, char** summary_json, char** error) {
    return guarded(error, [&] {
        require(indexer, "indexer");
        qbank::IndexSummary summary = indexer->indexer.commit();
        if (summary_json != nullptr) *summary_json = copy_out(qbank::index_summary_to_json(summary, -1));
    });
}

void qbank_indexer_close(qbank_indexer* indexer) { delete indexer; }

qbank_status qbank_searcher_open(const char* db_path, const char* options_json, qbank_searcher** searcher,
                                 char** error) {
    return guarded(error, [&] {
        require(db_path, "db_path");
        require(searcher, "searcher");
        *searcher = nullptr;
        qbank::SearcherOptions options = qbank::capi::searcher_options_from_json(optional_text(options_json));
        *searcher = new qbank_searcher{qbank::Searcher(db_path, std::move(options))};
    });
}

qbank_status qbank_search(qbank_searcher* searcher, const char* request_json, char** result_json, char** error) {
    return guarded(error, [&] {
        require(searcher, "searcher");
        require(result_json, "result_json");
        qbank::SearchRequest request = qbank::capi::search_request_from_json(optional_text(request_json));
        qbank::SearchResult result = searcher->searcher.search(request);
        *result_json = copy_out(qbank::search_result_to_json(result, request, -1));
    });
}

qbank_status qbank_search_text(qbank_searcher* searcher, const char* query, size_t limit, size_t offset,
                               char** result_json, char** error) {
    return guarded(error, [&] {
        require(searcher, "searcher");
        require(query, "query");
        require(result_json, "result_json");
        qbank::SearchRequest request;
        request.query = query;
        request.limit = limit;
        request.offset = offset;
        *result_json = copy_out(qbank::search_result_to_json(searcher->searcher.search(request), request, -1));
    });
}

qbank_status qbank_related(qbank_searcher* searcher, const char* id, size_t limit, char** result_json, char** error) {
    qbank_status found = QBANK_OK;
    qbank_status status = guarded(error, [&] {
        require(searcher, "searcher");
        require(id, "id");
        require(result_json, "result_json");
        std::optional<qbank::SearchResult> related = searcher->searcher.related(id, {.limit = limit});
        if (!related) {
            found = fail(QBANK_NOT_FOUND, std::string("no question with id '") + id + "'", error);
            return;
        }
        *result_json = copy_out(qbank::search_result_to_json(*related, {}, -1));
    });
    return status == QBANK_OK ? found : status;
}

qbank_status qbank_find(qbank_searcher* searcher, const char* id, char** record_json, char** error) {
    qbank_status found = QBANK_OK;
    qbank_status status = guarded(error, [&] {
        require(searcher, "searcher");
        require(id, "id");
        require(record_json, "record_json");
        std::optional<qbank::Record> record = searcher->searcher.find(id);
        if (!record) {
            found = fail(QBANK_NOT_FOUND, std::string("no question with id '") + id + "'", error);
            return;
        }
        *record_json = copy_out(qbank::record_to_json(*record));
    });
    return status == QBANK_OK ? found : status;
}

qbank_status qbank_stats(qbank_searcher* searcher, char** stats_json, char** error) {
    return guarded(error, [&] {
        require(searcher, "searcher");
        require(stats_json, "stats_json");
        *stats_json = copy_out(qbank::stats_to_json(searcher->searcher.stats(), -1));
    });
}

qbank_status qbank_searcher_reopen(qbank_searcher* searcher, int* changed, char** error) {
    return guarded(error, [&] {
        require(searcher, "searcher");
        require(changed, "changed");
        *changed = searcher->searcher.reopen() ? 1 : 0;
    });
}

void qbank_searcher_close(qbank_searcher* searcher) { delete searcher; }

qbank_status qbank_check(const char* db_path, char** report_json, char** error) {
    return guarded(error, [&] {
        require(db_path, "db_path");
        require(report_json, "report_json");
        *report_json = copy_out(qbank::check_report_to_json(qbank::check_index(db_path), -1));
    });
}

qbank_status qbank_compact(const char* db_path, char** error) {
    return guarded(error, [&] {
        require(db_path, "db_path");
        qbank::compact_index(db_path);
    });
}

}  // extern "C"

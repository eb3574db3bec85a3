/* qbank's C API: index interview pages and search them from C, or from any
 * language that calls C (Python ctypes, Go cgo, Rust).
 *
 * Rules that hold for every function:
 * - Functions that can fail return a qbank_status. On failure, when `error` is
 *   not NULL, *error is set to a message (UTF-8) that names the path, query or
 *   key at fault; free it with qbank_free. On success *error is left alone.
 * - Results are JSON text (UTF-8, NUL-terminated) in the shapes of the JSON
 *   Schemas installed in share/qbank/schema; free them with qbank_free.
 * - options_json may be NULL for the defaults. In any JSON given, an unknown key,
 *   or a value of the wrong type or out of range, is QBANK_BAD_INPUT.
 * - On failure, *indexer and *searcher are set to NULL and other outputs are left
 *   alone; *error is NULL if there was no memory even for the message.
 * - Threads: a handle is used by one thread at a time. Any number of searchers,
 *   in any threads or processes, may read one index at once, also while one
 *   indexer writes to it; a second indexer gets QBANK_INDEX_LOCKED. The
 *   functions without a handle are safe from any thread. Nothing changes the
 *   process's environment.
 * - No function keeps a pointer it was given after it returns. */
#ifndef QBANK_H
#define QBANK_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define QBANK_C_API __attribute__((visibility("default")))
#else
#define QBANK_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum qbank_status {
    QBANK_OK = 0,
    QBANK_BAD_INPUT = 1,           /* a query, filter, record, option or argument is unusable */
    QBANK_INDEX_MISSING = 2,       /* no index at the path */
    QBANK_INDEX_LOCKED = 3,        /* another indexer is writing the index */
    QBANK_INDEX_INCOMPATIBLE = 4,  /* written by a qbank of another schema version: the message says how to rebuild */
    QBANK_INDEX_CORRUPT = 5,       /* the index or a record stored in it is damaged */
    QBANK_INDEX_IO = 6,            /* the index could not be read or written (permissions, disk full) */
    QBANK_NOT_FOUND = 7,           /* qbank_find, qbank_related: no question with that id */
    QBANK_INTERNAL = 8             /* out of memory, or a bug: please report the message */
} qbank_status;

typedef struct qbank_indexer qbank_indexer;
typedef struct qbank_searcher qbank_searcher;

/* The library's version ("0.1.0") and the index schema version it reads and writes. */
QBANK_C_API const char* qbank_version(void);
QBANK_C_API int qbank_schema_version(void);
/* The status as a word: "ok", "bad_input", "index_missing", ...; never NULL. */
QBANK_C_API const char* qbank_status_name(qbank_status status);
/* Frees a message or result from this API; NULL is ignored. */
QBANK_C_API void qbank_free(void* text);

/* Normalizes the `size` bytes at `bytes` as one file named `source`, without an
 * index. `format`: "auto" (or NULL), "text", "markdown", "html" or "jsonl".
 * *result_json (file_result.schema.json): {"records": [record...], "problems":
 * [{"path", "line" when known, "message"}]};
 * a file that yields no record is QBANK_OK with problems saying why. */
QBANK_C_API qbank_status qbank_normalize(const char* bytes, size_t size, const char* source, const char* format,
                                         char** result_json, char** error);

/* Opens the index at `db_path` for writing, creating it if missing. options_json keys
 * (all optional): "full", "prune" (booleans), "jobs", "max_bytes", "flush_every",
 * "boilerplate_min_pages", "min_boilerplate_chars" (integers), "boilerplate_min_share"
 * (number), "format" (as for qbank_normalize), "exclude" (array of globs), "shard"
 * ({"index": K, "count": N}); meanings as IndexOptions in qbank/indexer.h. Nothing is
 * written until qbank_indexer_commit. */
QBANK_C_API qbank_status qbank_indexer_open(const char* db_path, const char* options_json, qbank_indexer** indexer,
                                            char** error);
/* Adds a file, or every file below a folder, to the run; files are read on commit. */
QBANK_C_API qbank_status qbank_indexer_add_path(qbank_indexer* indexer, const char* path, char** error);
/* Stages one record, replacing any with the same id. The record is a JSON object in
 * the shape of a line of a JSON Lines file that `qbank index` reads: "title" or
 * "question" required; "id", "category", "level", "tags", "sections" optional, text
 * cleaned and sections classified as for such lines; "source" (default "api") names
 * it; "removed" and "duplicates" belong to the indexer and are ignored. Without an
 * "id", the id comes from the source and title. */
QBANK_C_API qbank_status qbank_indexer_add_record(qbank_indexer* indexer, const char* record_json, char** error);
/* How far a commit has got: files read and parsed, of those found so far. */
typedef struct qbank_progress {
    size_t files_done;
    size_t files_total;
    uint64_t bytes_done;
    uint64_t bytes_total;
} qbank_progress;
typedef void (*qbank_progress_fn)(void* user, const qbank_progress* progress);
/* Calls callback(user, progress) as commits go on, on the thread that calls
 * qbank_indexer_commit, after each file; NULL stops the calls. */
QBANK_C_API qbank_status qbank_indexer_set_progress(qbank_indexer* indexer, qbank_progress_fn callback, void* user,
                                                    char** error);
/* Writes the run at once and sets *summary_json (index_summary.schema.json; NULL: not
 * wanted). Files that could not be indexed are listed in its "skipped", not failures.
 * The indexer stays open for another run. */
QBANK_C_API qbank_status qbank_indexer_commit(qbank_indexer* indexer, char** summary_json, char** error);
/* Releases the indexer and its lock; what was not committed is dropped. NULL is ignored. */
QBANK_C_API void qbank_indexer_close(qbank_indexer* indexer);

/* Opens the index at `db_path` for searching. options_json keys (all optional):
 * "synonym_files" (array of paths), "bm25_k1", "bm25_b", "shard_timeout" (seconds) (numbers). */
QBANK_C_API qbank_status qbank_searcher_open(const char* db_path, const char* options_json, qbank_searcher** searcher,
                                             char** error);
/* Searches for `query` as typed (words, "phrases", operators, field:value; no JSON
 * escaping) and returns hits offset+1 to offset+limit with the default facets, as
 * qbank_search does. */
QBANK_C_API qbank_status qbank_search_text(qbank_searcher* searcher, const char* query, size_t limit, size_t offset,
                                           char** result_json, char** error);
/* Searches; *result_json in the shape of search.schema.json. request_json keys: "query"
 * (string, required), "filters" (array of "FIELD:VALUE"), "offset", "limit",
 * "excerpt_chars" (integers), "fields" (array of the hit fields to return, as
 * SearchRequest::fields: "title", "sections", "excerpt", ...), "sort" ("relevance",
 * "level" or "source", with ":desc" to reverse), "highlight_open", "highlight_close"
 * (strings put around highlighted words; default <mark> and </mark>), "facets" (array
 * of "level", "category", "tag", "lang"), "facet_limit" (the most common values kept
 * per facet; default 10, 0: all), "explain" (boolean). Facet values come most common first. */
QBANK_C_API qbank_status qbank_search(qbank_searcher* searcher, const char* request_json, char** result_json,
                                      char** error);
/* The `limit` questions most like the one with this id, as a search result. */
QBANK_C_API qbank_status qbank_related(qbank_searcher* searcher, const char* id, size_t limit, char** result_json,
                                       char** error);
/* The stored record with this id (record.schema.json), or QBANK_NOT_FOUND. */
QBANK_C_API qbank_status qbank_find(qbank_searcher* searcher, const char* id, char** record_json, char** error);
/* Document count and facet totals (stats.schema.json). */
QBANK_C_API qbank_status qbank_stats(qbank_searcher* searcher, char** stats_json, char** error);
/* Moves the searcher to the index's last commit (a searcher sees commits made
 * after it opened only then); *changed is 1 when that commit differs from the
 * one it read before, else 0. */
QBANK_C_API qbank_status qbank_searcher_reopen(qbank_searcher* searcher, int* changed, char** error);
/* Releases the searcher. NULL is ignored. */
QBANK_C_API void qbank_searcher_close(qbank_searcher* searcher);

/* Checks the index for damage; *report_json in the shape of check.schema.json. Damage is
 * QBANK_OK with "ok": false; only a missing index fails. */
QBANK_C_API qbank_status qbank_check(const char* db_path, char** report_json, char** error);
/* Compacts the index in place while searchers go on (see compact_index in qbank/maintenance.h). */
QBANK_C_API qbank_status qbank_compact(const char* db_path, char** error);

#ifdef __cplusplus
}
#endif

#endif /* QBANK_H */

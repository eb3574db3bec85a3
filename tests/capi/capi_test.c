/* The C API end to end, from C: index the seed pages and one record given as JSON,
 * search them, and get each kind of failure with its status and message.
 * Usage: capi_test SEEDS_DIR WORK_DIR (WORK_DIR must not exist yet). */
#include <qbank.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                  \
    do {                                                             \
        if (!(cond)) {                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                              \
        }                                                            \
    } while (0)

static int contains(const char* text, const char* part) { return text != NULL && strstr(text, part) != NULL; }

static int starts_with(const char* text, const char* prefix) {
    return text != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Checks the status of a call that set *error on failure; returns the message (the
 * caller frees it) and clears *error for the next call. */
static char* expect_status(qbank_status got, qbank_status expected, char** error, const char* what) {
    char* message = *error;
    *error = NULL;
    if (got != expected) {
        fprintf(stderr, "%s: got %s (%s), expected %s\n", what, qbank_status_name(got), message ? message : "",
                qbank_status_name(expected));
        ++failures;
    }
    if (expected != QBANK_OK && (message == NULL || message[0] == '\0')) {
        fprintf(stderr, "%s: failed without a message\n", what);
        ++failures;
    }
    return message;
}

static void test_versions(void) {
    CHECK(strcmp(qbank_version(), "") != 0);
    CHECK(qbank_schema_version() >= 3);
    CHECK(strcmp(qbank_status_name(QBANK_INDEX_LOCKED), "index_locked") == 0);
    qbank_free(NULL);
}

static void test_normalize(void) {
    const char page[] = "How do you handle conflict in a team?\n\nSample Answer (Senior):\nI listen first.\n";
    char* json = NULL;
    char* error = NULL;
    expect_status(qbank_normalize(page, sizeof page - 1, "conflict.txt", "text", &json, &error), QBANK_OK, &error,
                  "normalize");
    CHECK(contains(json, "\"question\":\"How do you handle conflict in a team?\""));
    CHECK(contains(json, "\"problems\":[]"));
    qbank_free(json);

    json = NULL;
    const char latin1[] = "caf\xE9 question?\n";
    expect_status(qbank_normalize(latin1, sizeof latin1 - 1, "latin1.txt", NULL, &json, &error), QBANK_OK, &error,
                  "normalize latin1");
    CHECK(contains(json, "\"records\":[]"));
    CHECK(contains(json, "invalid UTF-8"));
    qbank_free(json);

    char* message = expect_status(qbank_normalize(page, 3, "x.txt", "word", &json, &error), QBANK_BAD_INPUT, &error,
                                  "normalize with an unknown format");
    CHECK(contains(message, "'word'"));
    qbank_free(message);
}

/* What the progress callback saw. */
struct progress_seen {
    int calls;
    qbank_progress last;
};

static void count_progress(void* user, const qbank_progress* progress) {
    struct progress_seen* seen = user;
    ++seen->calls;
    seen->last = *progress;
}

static void test_index(const char* seeds, const char* db) {
    char* error = NULL;
    qbank_indexer* indexer = NULL;

    char* message = expect_status(qbank_indexer_open(db, "{\"jbos\": 1}", &indexer, &error), QBANK_BAD_INPUT, &error,
                                  "indexer with a misspelled option");
    CHECK(indexer == NULL);
    CHECK(contains(message, "unknown key 'jbos' in indexer options"));
    qbank_free(message);

    expect_status(qbank_indexer_open(db, "{\"jobs\": 1}", &indexer, &error), QBANK_OK, &error, "indexer open");
    if (indexer == NULL) return;

    qbank_indexer* second = NULL;
    message = expect_status(qbank_indexer_open(db, NULL, &second, &error), QBANK_INDEX_LOCKED, &error,
                            "second indexer");
    CHECK(second == NULL);
    qbank_free(message);

    struct progress_seen seen = {0, {0, 0, 0, 0}};
    expect_status(qbank_indexer_set_progress(indexer, count_progress, &seen, &error), QBANK_OK, &error, "set_progress");
    expect_status(qbank_indexer_add_path(indexer, seeds, &error), QBANK_OK, &error, "add_path");
    const char* record =
        "{\"source\": \"notes/rate-limiter.md\",\n"
        " \"title\": \"Design a rate limiter\",\n"
        " \"question\": \"How would you design a distributed rate limiter for an API gateway?\",\n"
        " \"level\": \"Senior\", \"tags\": [\"System Design\"],\n"
        " \"sections\": [{\"heading\": \"Sample Answer\", \"text\": \"Use a token bucket per client in Redis.\"}]}";
    expect_status(qbank_indexer_add_record(indexer, record, &error), QBANK_OK, &error, "add_record");

    message = expect_status(qbank_indexer_add_record(indexer, "{\"title\": 5}", &error), QBANK_BAD_INPUT, &error,
                            "add_record of a bad record");
    CHECK(contains(message, "record is not usable: field 'title' must be a string"));
    CHECK(!contains(message, "line skipped"));
    qbank_free(message);

    char* summary = NULL;
    expect_status(qbank_indexer_commit(indexer, &summary, &error), QBANK_OK, &error, "commit");
    CHECK(contains(summary, "\"files\":4"));
    CHECK(seen.calls == 4 && seen.last.files_done == 4 && seen.last.files_total == 4 && seen.last.bytes_done > 0);
    CHECK(contains(summary, "\"added\":5"));
    CHECK(contains(summary, "\"problems\":[]"));
    qbank_free(summary);
    qbank_indexer_close(indexer);
}

static void test_search(const char* db) {
    char* error = NULL;
    qbank_searcher* searcher = NULL;
    expect_status(qbank_searcher_open(db, "{\"bm25_b\": 0.3}", &searcher, &error), QBANK_OK, &error, "searcher open");
    if (searcher == NULL) return;
    char* result = NULL;

    /* The query as typed: quotes make a phrase and need no JSON escaping. */
    expect_status(qbank_search_text(searcher, "\"rate limiter\" \"say hi", 2, 0, &result, &error), QBANK_OK, &error,
                  "search_text");
    CHECK(contains(result, "\"query\":\"\\\"rate limiter\\\" \\\"say hi\""));
    qbank_free(result);
    result = NULL;

    int changed = -1;
    expect_status(qbank_searcher_reopen(searcher, &changed, &error), QBANK_OK, &error, "reopen");
    CHECK(changed == 0);  /* nothing was committed since it opened */
    qbank_free(expect_status(qbank_searcher_reopen(searcher, NULL, &error), QBANK_BAD_INPUT, &error, "reopen without changed"));

    expect_status(qbank_search(searcher, "{\"query\": \"rate limiter\", \"limit\": 5}", &result, &error), QBANK_OK,
                  &error, "search");
    /* Best first: the record added as JSON; a seed page mentions a "limit" and a "rate". */
    CHECK(starts_with(strstr(result, "\"title\":"), "\"title\":\"Design a rate limiter\""));
    CHECK(contains(result, "\"source\":\"notes/rate-limiter.md\""));
    CHECK(contains(result, "<mark>"));
    qbank_free(result);

    expect_status(qbank_search(searcher, "{\"query\": \"conflict\", \"filters\": [\"level:Senior\"], \"facets\": []}",
                               &result, &error),
                  QBANK_OK, &error, "filtered search without facets");
    CHECK(contains(result, "\"facets\":{}"));
    qbank_free(result);

    char* message = expect_status(qbank_search(searcher, "{\"query\": \"x\", \"filters\": [\"nocolon\"]}", &result, &error),
                                  QBANK_BAD_INPUT, &error, "bad filter");
    CHECK(contains(message, "FIELD:VALUE"));
    qbank_free(message);
    message = expect_status(qbank_search(searcher, "{\"limit\": 3}", &result, &error), QBANK_BAD_INPUT, &error,
                            "no query");
    CHECK(contains(message, "needs a \"query\""));
    qbank_free(message);
    message = expect_status(qbank_search(searcher, "{\"query\": \"x\", \"limit\": -1}", &result, &error),
                            QBANK_BAD_INPUT, &error, "negative limit");
    CHECK(contains(message, "key 'limit' in search request has the wrong type: -1"));
    qbank_free(message);
    message = expect_status(qbank_search(searcher, "{\"query\": \"x\", \"facets\": [\"color\"]}", &result, &error),
                            QBANK_BAD_INPUT, &error, "unknown facet");
    CHECK(contains(message, "cannot count facet 'color'"));
    qbank_free(message);
    /* A NULL error pointer is allowed: the status alone tells what happened. */
    CHECK(qbank_search(searcher, "not json", &result, NULL) == QBANK_BAD_INPUT);

    message = expect_status(qbank_find(searcher, "0000000000000000", &result, &error), QBANK_NOT_FOUND, &error,
                            "find unknown id");
    qbank_free(message);
    message = expect_status(qbank_related(searcher, "0000000000000000", 3, &result, &error), QBANK_NOT_FOUND, &error,
                            "related to unknown id");
    qbank_free(message);

    char* stats = NULL;
    expect_status(qbank_stats(searcher, &stats, &error), QBANK_OK, &error, "stats");
    CHECK(contains(stats, "\"documents\":5"));
    CHECK(contains(stats, "\"System Design\":1"));
    qbank_free(stats);
    qbank_searcher_close(searcher);

    char* report = NULL;
    expect_status(qbank_check(db, &report, &error), QBANK_OK, &error, "check");
    CHECK(contains(report, "\"ok\":true"));
    qbank_free(report);
}

static void test_missing_index(const char* work) {
    char path[4096];
    snprintf(path, sizeof path, "%s/no-such-index", work);
    char* error = NULL;
    qbank_searcher* searcher = NULL;
    char* message = expect_status(qbank_searcher_open(path, NULL, &searcher, &error), QBANK_INDEX_MISSING, &error,
                                  "searcher on a missing index");
    CHECK(searcher == NULL);
    CHECK(starts_with(message, "no index at "));
    qbank_free(message);
    CHECK(qbank_searcher_open(NULL, NULL, &searcher, NULL) == QBANK_BAD_INPUT);
    qbank_searcher_close(NULL);
    qbank_indexer_close(NULL);
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s SEEDS_DIR WORK_DIR\n", argv[0]);
        return 2;
    }
    char db[4096];
    snprintf(db, sizeof db, "%s/index", argv[2]);
    test_versions();
    test_normalize();
    test_index(argv[1], db);
    test_search(db);
    test_missing_index(argv[2]);
    if (failures > 0) fprintf(stderr, "%d checks failed\n", failures);
    return failures == 0 ? 0 : 1;
}

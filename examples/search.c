/* qbank's C API in brief: index a folder of interview pages, then search it.
 * Usage: search_c INDEX_DIR CORPUS_DIR QUERY */
#include <qbank.h>

#include <stdio.h>

/* Progress on stderr while the commit reads the corpus. */
static void show_progress(void* user, const qbank_progress* progress) {
    (void)user;
    fprintf(stderr, "\rread %zu of %zu files", progress->files_done, progress->files_total);
}

static int fail(qbank_status status, char* error) {
    fprintf(stderr, "%s: %s\n", qbank_status_name(status), error ? error : "out of memory");
    qbank_free(error);
    return 1;
}

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s INDEX_DIR CORPUS_DIR QUERY\n", argv[0]);
        return 2;
    }
    char* error = NULL;
    char* json = NULL;
    qbank_indexer* indexer = NULL;
    qbank_status status = qbank_indexer_open(argv[1], NULL, &indexer, &error);
    if (status == QBANK_OK) status = qbank_indexer_set_progress(indexer, show_progress, NULL, &error);
    if (status == QBANK_OK) status = qbank_indexer_add_path(indexer, argv[2], &error);
    if (status == QBANK_OK) status = qbank_indexer_commit(indexer, &json, &error);
    fprintf(stderr, "\n");
    qbank_indexer_close(indexer);
    if (status != QBANK_OK) return fail(status, error);
    printf("indexed: %s\n", json);
    qbank_free(json);

    qbank_searcher* searcher = NULL;
    status = qbank_searcher_open(argv[1], NULL, &searcher, &error);
    /* The query as typed, quotes and all; qbank_search takes a JSON request for more options. */
    if (status == QBANK_OK) status = qbank_search_text(searcher, argv[3], 3, 0, &json, &error);
    qbank_searcher_close(searcher);
    if (status != QBANK_OK) return fail(status, error);
    printf("%s\n", json);  /* search.schema.json */
    qbank_free(json);
    return 0;
}

/* Fault injection for tests/hostile/faults_test.py, loaded with LD_PRELOAD: the
 * Nth call (counted from 1, QBANK_FAULT_AT=N) of the kinds named in
 * QBANK_FAULT_CALLS (a comma list of write, sync, rename) fails with the errno
 * named in QBANK_FAULT_ERRNO (ENOSPC, EIO or EROFS), as a full disk, a failing
 * device or a read-only mount would. Writes to the standard streams are not
 * counted, so messages still reach the test. The number of calls counted is
 * written to QBANK_FAULT_COUNT_FILE at exit, so the test knows how many points
 * one run has. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static atomic_long calls;
static long fail_at = -1;
static int fail_errno = ENOSPC;
static int count_writes, count_syncs, count_renames;

__attribute__((constructor)) static void setup(void) {
    const char* at = getenv("QBANK_FAULT_AT");
    const char* kinds = getenv("QBANK_FAULT_CALLS");
    const char* err = getenv("QBANK_FAULT_ERRNO");
    if (at != NULL) fail_at = atol(at);
    if (kinds == NULL) kinds = "write,sync,rename";
    count_writes = strstr(kinds, "write") != NULL;
    count_syncs = strstr(kinds, "sync") != NULL;
    count_renames = strstr(kinds, "rename") != NULL;
    if (err != NULL && strcmp(err, "EIO") == 0) fail_errno = EIO;
    if (err != NULL && strcmp(err, "EROFS") == 0) fail_errno = EROFS;
}

__attribute__((destructor)) static void report(void) {
    const char* path = getenv("QBANK_FAULT_COUNT_FILE");
    if (path == NULL) return;
    FILE* f = fopen(path, "w");
    if (f == NULL) return;
    fprintf(f, "%ld\n", atomic_load(&calls));
    fclose(f);
}

/* Whether this call is the one to fail (and counts it). */
static int fails(int counted) {
    if (!counted) return 0;
    return atomic_fetch_add(&calls, 1) + 1 == fail_at;
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void* buf, size_t n) {
    if (fd > 2 && fails(count_writes)) return errno = fail_errno, -1;
    return NEXT(write)(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset) {
    if (fails(count_writes)) return errno = fail_errno, -1;
    return NEXT(pwrite)(fd, buf, n, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t offset) {
    if (fails(count_writes)) return errno = fail_errno, -1;
    return NEXT(pwrite64)(fd, buf, n, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
    if (fd > 2 && fails(count_writes)) return errno = fail_errno, -1;
    return NEXT(writev)(fd, iov, count);
}

int fsync(int fd) {
    if (fails(count_syncs)) return errno = fail_errno, -1;
    return NEXT(fsync)(fd);
}

int fdatasync(int fd) {
    if (fails(count_syncs)) return errno = fail_errno, -1;
    return NEXT(fdatasync)(fd);
}

int rename(const char* from, const char* to) {
    if (fails(count_renames)) return errno = fail_errno, -1;
    return NEXT(rename)(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
    if (fails(count_renames)) return errno = fail_errno, -1;
    return NEXT(renameat)(from_dir, from, to_dir, to);
}

int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned flags) {
    if (fails(count_renames)) return errno = fail_errno, -1;
    return NEXT(renameat2)(from_dir, from, to_dir, to, flags);
}

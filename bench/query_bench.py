#!/usr/bin/env python3
"""Query latency in process: qbank's C API (through ctypes, JSON in and out) on the
judged queries of bench/relevance/queries.jsonl over corpus/, beside SQLite FTS5
answering the same queries over the same records in the same run. Also the wall
time of one `qbank search` command, process start included.

Figures are medians and 95th percentiles over every query and repeat, and the
ratio qbank / FTS5, since machines are shared and noisy.

Usage: bench/query_bench.py [--repeats N] [--library build/package/libqbank.so] [--qbank build/cli/qbank]
"""

import argparse
import ctypes
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import relevance  # noqa: E402  (the corpus, queries and FTS5 baseline are shared)

ROOT = relevance.ROOT


def load_library(path):
    lib = ctypes.CDLL(path)
    out = ctypes.POINTER(ctypes.c_char)
    lib.qbank_searcher_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p),
                                        ctypes.POINTER(out)]
    lib.qbank_search.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(out), ctypes.POINTER(out)]
    lib.qbank_free.argtypes = [ctypes.c_void_p]
    lib.qbank_searcher_close.argtypes = [ctypes.c_void_p]
    return lib, out


def percentiles(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def qbank_latencies(lib, out, db, requests, repeats):
    searcher, error = ctypes.c_void_p(), out()
    if lib.qbank_searcher_open(db.encode(), None, ctypes.byref(searcher), ctypes.byref(error)) != 0:
        sys.exit("cannot open the index: " + ctypes.string_at(error).decode())
    samples = []
    for _ in range(repeats):
        for request in requests:
            result = out()
            start = time.perf_counter()
            status = lib.qbank_search(searcher, request, ctypes.byref(result), ctypes.byref(error))
            if status != 0:
                sys.exit(f"search {request.decode()} failed ({status}): " + ctypes.string_at(error).decode())
            json.loads(ctypes.string_at(result))
            samples.append(time.perf_counter() - start)
            lib.qbank_free(result)
    lib.qbank_searcher_close(searcher)
    return samples


def fts5_latencies(con, queries, repeats):
    samples = []
    for _ in range(repeats):
        for q in queries:
            start = time.perf_counter()
            relevance.fts5_search(con, q)
            samples.append(time.perf_counter() - start)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--library", default=str(ROOT / "build" / "package" / "libqbank.so"))
    parser.add_argument("--qbank", default=str(ROOT / "build" / "cli" / "qbank"))
    args = parser.parse_args()

    queries = [json.loads(line) for line in open(ROOT / "bench" / "relevance" / "queries.jsonl", encoding="utf-8")
               if line.strip()]
    requests = [json.dumps({"query": q["query"], "filters": q["filters"], "limit": relevance.K}).encode()
                for q in queries]
    lib, out = load_library(args.library)
    with tempfile.TemporaryDirectory(prefix="qbank-query-bench-") as tmp:
        db = str(Path(tmp) / "index")
        relevance.run([args.qbank, "index", relevance.CORPUS, "--exclude", "LICENSE*", "--db", db])
        con = relevance.fts5_load(args.qbank, relevance.corpus_files())
        # Alternate the systems so that a noisy neighbour hits both alike.
        qbank_samples, fts5_samples = [], []
        for _ in range(args.repeats):
            qbank_samples += qbank_latencies(lib, out, db, requests, 1)
            fts5_samples += fts5_latencies(con, queries, 1)
        cli_samples = []
        for q in queries[:16]:
            start = time.perf_counter()
            subprocess.run([args.qbank, "search", q["query"], "--db", db, "--json"], capture_output=True)
            cli_samples.append(time.perf_counter() - start)

    qm, q95 = percentiles(qbank_samples)
    fm, f95 = percentiles(fts5_samples)
    cm, c95 = percentiles(cli_samples)
    print(f"{len(queries)} queries x {args.repeats} repeats over corpus/, in process")
    print(f"{'':34}{'median ms':>10}{'p95 ms':>9}")
    print(f"{'qbank C API (JSON in and out)':34}{qm * 1e3:10.2f}{q95 * 1e3:9.2f}")
    print(f"{'SQLite FTS5 bm25()':34}{fm * 1e3:10.2f}{f95 * 1e3:9.2f}")
    print(f"{'ratio qbank / FTS5':34}{qm / fm:10.1f}{q95 / f95:9.1f}")
    print(f"{'qbank search command (16 queries)':34}{cm * 1e3:10.2f}{c95 * 1e3:9.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Indexing benchmark: qbank's first run, its second (incremental) run over the
same files, and peak memory, beside SQLite FTS5 loading the same files in the
same run as a plain baseline. Figures are ratios, since machines are shared.

Usage: bench/index_bench.py [--pages N] [--jobs J] [--qbank BIN] [--keep DIR]
"""

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_child(args):
    """Runs a command; returns (seconds, peak RSS in MiB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far: only meaningful when it grew.
    return seconds, max(peak, before) / 1024


def fts5_load(pages, db_path):
    start = time.perf_counter()
    con = sqlite3.connect(db_path)
    con.execute("CREATE VIRTUAL TABLE pages USING fts5(path, body, tokenize='porter unicode61')")
    with con:
        for page in sorted(pages.iterdir()):
            con.execute("INSERT INTO pages VALUES (?, ?)", (str(page), page.read_text(encoding="utf-8")))
    con.close()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=0, help="qbank --jobs (default: one per core)")
    parser.add_argument("--qbank", default=str(ROOT / "build" / "cli" / "qbank"))
    parser.add_argument("--keep", help="use this folder instead of a temporary one")
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="qbank-bench-"))
    pages, index = work / "pages", work / "index"
    if not pages.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(args.pages), str(pages)], check=True)
    size_mb = sum(p.stat().st_size for p in pages.iterdir()) / 1e6
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    command = [args.qbank, "index", str(pages), "--db", str(index), *jobs]

    subprocess.run(["rm", "-rf", str(index)], check=True)
    first, first_rss = timed_child(command)
    second, _ = timed_child(command)
    fts5 = fts5_load(pages, str(work / "fts5.db"))

    print(f"pages: {args.pages} ({size_mb:.1f} MB), qbank jobs: {args.jobs or os.cpu_count()}")
    print(f"qbank first run:        {first:8.2f} s  ({args.pages / first:7.0f} pages/s, peak RSS {first_rss:.0f} MiB)")
    print(f"qbank second run:       {second:8.2f} s  (second/first = {second / first:.3f})")
    print(f"SQLite FTS5 load:       {fts5:8.2f} s  (qbank first/FTS5 = {first / fts5:.2f})")


if __name__ == "__main__":
    main()

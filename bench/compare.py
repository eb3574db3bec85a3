#!/usr/bin/env python3
"""qbank beside the tools a user would pick instead, in one run over the same
generated pages: indexing (qbank, Xapian's omindex, SQLite FTS5), queries in
process (qbank's C API with excerpts and exact facet counts; FTS5 AND with
snippet(); raw Xapian through python3-xapian over omindex's database, with
MSet::snippet and every match visited, the floor), and one search as a whole
process (`qbank search`, `quest`, the sqlite3 command, timed by hyperfine).

Writes the tables, with ratios and the machine, between the markers of
bench/RESULTS.md (the notes around them are kept). The 10,000-page run takes a
few minutes; 100,000 pages (--pages 100000) about an hour.

Usage: bench/compare.py [--pages N ...] [--queries Q] [--work DIR] [--no-write]
"""

import argparse
import ctypes
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xapian

sys.path.insert(0, str(Path(__file__).resolve().parent))
import query_bench  # noqa: E402  (the C API through ctypes)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- compare.py: begin -->", "<!-- compare.py: end -->"
TOP = 10
STOPWORDS = {"this", "that", "with", "what", "when", "which", "would", "your", "have", "from", "they", "were",
             "there", "their", "about", "into", "than", "then", "them", "will", "been", "also", "each"}


def child(args, cwd=None):
    """Runs a command to its end; returns (wall s, CPU s, peak RSS MiB) of it alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(map(str, args))} failed: {stderr[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def folder_bytes(path):
    path = Path(path)
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


FTS5_LOAD = """
import sqlite3, sys
from pathlib import Path
con = sqlite3.connect(sys.argv[2])
con.execute("CREATE VIRTUAL TABLE pages USING fts5(path UNINDEXED, body, tokenize='porter unicode61')")
with con:
    for page in sorted(Path(sys.argv[1]).iterdir()):
        con.execute("INSERT INTO pages VALUES (?, ?)", (str(page), page.read_text(encoding="utf-8")))
con.close()
"""


def make_queries(pages, count, seed):
    """`count` queries of one to three words drawn from the pages' own words (seeded)."""
    words = set()
    for page in sorted(Path(pages).iterdir())[:200]:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", page.read_text(encoding="utf-8")))
    vocabulary = sorted(words - STOPWORDS)
    rng = random.Random(seed)
    return [" ".join(rng.sample(vocabulary, rng.choice((1, 2, 2, 3)))) for _ in range(count)]


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def latencies(search, queries, repeats):
    samples = []
    for _ in range(repeats):
        for q in queries:
            start = time.perf_counter()
            search(q)
            samples.append(time.perf_counter() - start)
    return samples


def qbank_searcher(library, db, facets=None):
    """Searches through the C API; `facets`: the facets to count (default: the library's)."""
    lib, out = query_bench.load_library(library)
    searcher, error = ctypes.c_void_p(), out()
    if lib.qbank_searcher_open(db.encode(), None, ctypes.byref(searcher), ctypes.byref(error)) != 0:
        sys.exit("cannot open the index: " + ctypes.string_at(error).decode())

    def search(q):
        result = out()
        request = json.dumps({"query": q, "limit": TOP} | ({"facets": facets} if facets else {})).encode()
        if lib.qbank_search(searcher, request, ctypes.byref(result), ctypes.byref(error)) != 0:
            sys.exit(f"search {q!r} failed: " + ctypes.string_at(error).decode())
        json.loads(ctypes.string_at(result))
        lib.qbank_free(result)

    return search


def fts5_searcher(path):
    con = sqlite3.connect(path)

    def search(q):
        match = " AND ".join('"' + w + '"' for w in q.split())
        return con.execute("SELECT path, snippet(pages, 1, '[', ']', '…', 16) FROM pages WHERE pages MATCH ? "
                           "ORDER BY rank LIMIT ?", (match, TOP)).fetchall()

    return search


def xapian_searcher(path):
    db = xapian.Database(path)
    parser = xapian.QueryParser()
    parser.set_stemmer(xapian.Stem("english"))
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    parser.set_default_op(xapian.Query.OP_AND)
    parser.set_database(db)
    stemmer = xapian.Stem("english")

    def search(q):
        enquire = xapian.Enquire(db)
        enquire.set_query(parser.parse_query(q))
        mset = enquire.get_mset(0, TOP, db.get_doccount())  # every match visited, as exact counts need
        return [mset.snippet(m.document.get_data().decode(errors="replace"), 200, stemmer) for m in mset]

    return search


def hyperfine(commands, work):
    out = Path(work) / "hyperfine.json"
    subprocess.run(["hyperfine", "--shell=none", "--warmup", "3", "--runs", "30", "--style", "none",
                    "--export-json", str(out), *commands], check=True, stdout=subprocess.DEVNULL)
    return [r["median"] for r in json.loads(out.read_text())["results"]]


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 2**20
    sqlite_version = sqlite3.sqlite_version
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Linux {platform.release()}; "
            f"Xapian {xapian.version_string()}, SQLite {sqlite_version}")


def run_size(args, pages_count, work):
    pages = work / f"pages-{pages_count}"
    if not pages.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(pages_count), str(pages)],
                       check=True)
    qdb, odb, fdb = work / f"qbank-{pages_count}", work / f"omindex-{pages_count}", work / f"fts5-{pages_count}.db"
    for old in (qdb, odb, fdb):
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    print(f"{pages_count} pages: indexing", file=sys.stderr)
    index = {
        "qbank": child([args.qbank, "index", str(pages), "--db", str(qdb)]),
        "omindex": child(["omindex", "--db", str(odb), "--url", "/", str(pages)]),
        "SQLite FTS5": child([sys.executable, "-c", FTS5_LOAD, str(pages), str(fdb)]),
    }
    compacted = work / f"omindex-{pages_count}-compact"
    shutil.rmtree(compacted, ignore_errors=True)
    subprocess.run(["xapian-compact", str(odb), str(compacted)], check=True, stdout=subprocess.DEVNULL)
    sizes = {"qbank": folder_bytes(qdb), "omindex": folder_bytes(odb), "SQLite FTS5": folder_bytes(fdb)}
    omindex_compact = folder_bytes(compacted)
    shutil.rmtree(compacted)

    print(f"{pages_count} pages: queries", file=sys.stderr)
    queries = make_queries(pages, args.queries, seed=pages_count)
    systems = {"qbank": qbank_searcher(args.library, str(qdb)), "SQLite FTS5": fts5_searcher(str(fdb)),
               "raw Xapian": xapian_searcher(str(odb))}
    samples = {name: [] for name in systems}
    for _ in range(args.repeats):  # alternated, so that a noisy neighbour hits all alike
        for name, search in systems.items():
            samples[name] += latencies(search, queries, 1)

    print(f"{pages_count} pages: whole processes", file=sys.stderr)
    q = queries[1]
    match = " AND ".join('"' + w + '"' for w in q.split())
    process = hyperfine([
        f"{args.qbank} search '{q}' --db {qdb} --limit {TOP}",
        f"quest -d {odb} -o and -m {TOP} '{q}'",
        f"sqlite3 {fdb} \"SELECT path, snippet(pages, 1, '[', ']', '…', 16) FROM pages WHERE pages MATCH "
        f"'{match}' ORDER BY rank LIMIT {TOP}\"",
    ], work)
    return {"pages": pages_count, "megabytes": folder_bytes(pages) / 1e6, "index": index, "sizes": sizes,
            "omindex_compact": omindex_compact, "queries": len(queries), "repeats": args.repeats,
            "samples": samples, "process": dict(zip(("qbank search", "quest", "sqlite3"), process)), "query": q}


def table(r):
    n = r["pages"]
    q_wall = r["index"]["qbank"][0]
    lines = [f"### {n:,} pages ({r['megabytes']:.0f} MB)", "",
             "| indexing | wall s | CPU s | pages/s | pages/s vs qbank | peak RSS MiB | index MB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, (wall, cpu, rss) in r["index"].items():
        size = r["sizes"][name] / 1e6
        note = f" ({r['omindex_compact'] / 1e6:.0f} compacted)" if name == "omindex" else ""
        lines.append(f"| {name} | {wall:.1f} | {cpu:.1f} | {n / wall:,.0f} | {q_wall / wall:.2f} | {rss:.0f} | "
                     f"{size:.0f}{note} |")
    lines += ["", f"| {r['queries']} queries × {r['repeats']}, top {TOP}, in process | p50 ms | p95 ms | p99 ms | "
              "p99 vs qbank |", "|---|---:|---:|---:|---:|"]
    q99 = percentile(r["samples"]["qbank"], 0.99)
    for name, s in r["samples"].items():
        p50, p95, p99 = (percentile(s, p) * 1e3 for p in (0.5, 0.95, 0.99))
        lines.append(f"| {name} | {p50:.2f} | {p95:.2f} | {p99:.2f} | {p99 / 1e3 / q99:.2f} |")
    lines += ["", f"| one search as a process (`{r['query']}`), median of 30 | ms | vs qbank |", "|---|---:|---:|"]
    q_proc = r["process"]["qbank search"]
    for name, seconds in r["process"].items():
        lines.append(f"| {name} | {seconds * 1e3:.1f} | {seconds / q_proc:.2f} |")
    return lines


def add_run_options(parser):
    """The options every benchmark run takes: queries, binaries, where to work, whether to write."""
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--qbank", default=str(ROOT / "build" / "cli" / "qbank"))
    parser.add_argument("--library", default=str(ROOT / "build" / "package" / "libqbank.so"))
    parser.add_argument("--work", help="keep pages and indexes in this folder (default: a temporary one)")
    parser.add_argument("--no-write", action="store_true", help="print the tables only")


def work_folder(args, name):
    """The folder a run keeps its pages and indexes in: --work, or a new temporary one."""
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix=f"qbank-{name}-"))
    work.mkdir(parents=True, exist_ok=True)
    return work


def write_results(begin, end, text, section="Results"):
    """Puts `text` between the markers `begin` and `end` of bench/RESULTS.md, keeping
    what is around them; a new section headed `section` when the markers are not there."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Results\n"
    if begin not in old:
        old += f"\n## {section}\n\n{begin}\n{end}\n"
    head, _, rest = old.partition(begin)
    _, _, tail = rest.partition(end)
    RESULTS.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10000])
    add_run_options(parser)
    args = parser.parse_args()
    for tool in ("omindex", "quest", "xapian-compact", "hyperfine", "sqlite3"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: run scripts/install-deps")

    work = work_folder(args, "compare")
    try:
        runs = [run_size(args, n, work) for n in args.pages]
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    lines = [f"Measured {time.strftime('%Y-%m-%d')} by `bench/compare.py --pages "
             f"{' '.join(map(str, args.pages))}` on {machine()}. Pages from `bench/make_corpus.py`; omindex with "
             "its defaults; FTS5 `porter unicode61`, AND of the words with `snippet()`; raw Xapian is python3-xapian "
             "over omindex's database, AND, `MSet::snippet` of each hit's stored sample, every match visited. "
             "qbank's queries go through its C API (JSON in and out, excerpts and exact facet counts).", ""]
    for r in runs:
        lines += table(r) + [""]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_results(BEGIN, END, text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""qbank over one index and over shards of the same generated pages, in one run.

Each shard is built by a job of its own (`qbank index --shard K/N`, every job
reading every page), as batch jobs on separate machines would build them; the
shards are searched through a stub of local shards and through a stub of shards
served by xapian-tcpsrv on loopback. Reports each job's wall and CPU time, peak
RSS and index size, and query p50/p95/p99 in process (qbank's C API, with
excerpts and exact facet counts) for each setup: the figures README "Shards"
scales from.

Writes its table between the markers of bench/RESULTS.md (the notes around
them are kept). 100,000 pages in 3 shards take about 40 minutes on 2 cores.

Usage: bench/shards.py [--pages N] [--shards N] [--queries Q] [--work DIR] [--no-write]
"""

import argparse
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare  # noqa: E402  (pages, queries, timing and the C API searcher)

ROOT = compare.ROOT
BEGIN, END = "<!-- shards.py: begin -->", "<!-- shards.py: end -->"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db):
    """xapian-tcpsrv serving `db` on loopback, once it accepts connections."""
    port = free_port()
    server = subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port), str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(500):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, f"remote:127.0.0.1:{port}"
        except OSError:
            time.sleep(0.01)
    sys.exit(f"xapian-tcpsrv did not start for {db}")


def run(args, work):
    n, k = args.pages, args.shards
    pages = work / f"pages-{n}"
    if not pages.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(pages)], check=True)
    whole = work / f"qbank-{n}"
    shards = [work / f"qbank-{n}-shard-{i}-of-{k}" for i in range(1, k + 1)]
    for old in [whole, *shards]:
        shutil.rmtree(old, ignore_errors=True)
    print(f"{n} pages: one index, then {k} shard jobs", file=sys.stderr)
    jobs = {"one index": compare.child([args.qbank, "index", str(pages), "--db", str(whole)])}
    for i, shard in enumerate(shards, 1):
        jobs[f"shard {i}/{k}"] = compare.child([args.qbank, "index", str(pages), "--shard", f"{i}/{k}",
                                                "--db", str(shard)])
    sizes = {"one index": compare.folder_bytes(whole)}
    sizes.update({f"shard {i}/{k}": compare.folder_bytes(s) for i, s in enumerate(shards, 1)})

    servers = []
    try:
        remote = []
        for shard in shards:
            server, address = serve(shard)
            servers.append(server)
            remote.append(address)
        stubs = {f"{k} local shards": work / f"stub-{n}-local", f"{k} shards over loopback": work / f"stub-{n}-remote"}
        compare.child([args.qbank, "shards", "write", str(stubs[f"{k} local shards"]),
                       *(f"local:{s}" for s in shards)])
        compare.child([args.qbank, "shards", "write", str(stubs[f"{k} shards over loopback"]), *remote])
        print(f"{n} pages: queries", file=sys.stderr)
        queries = compare.make_queries(pages, args.queries, seed=n)
        systems = {"one index": compare.qbank_searcher(args.library, str(whole))}
        systems.update({name: compare.qbank_searcher(args.library, str(stub)) for name, stub in stubs.items()})
        samples = {name: [] for name in systems}
        for _ in range(args.repeats):  # alternated, so that a noisy neighbour hits all alike
            for name, search in systems.items():
                samples[name] += compare.latencies(search, queries, 1)
    finally:
        for server in servers:
            server.kill()
            server.wait()
    return {"pages": n, "shards": k, "megabytes": compare.folder_bytes(pages) / 1e6, "jobs": jobs, "sizes": sizes,
            "queries": len(queries), "repeats": args.repeats, "samples": samples}


def table(r):
    n = r["pages"]
    per_100k = 100_000 / n
    lines = [f"### {n:,} pages ({r['megabytes']:.0f} MB) in {r['shards']} shards", "",
             "| job | wall s | CPU s | peak RSS MiB | index MB | index MB per 100k pages |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, (wall, cpu, rss) in r["jobs"].items():
        size = r["sizes"][name] / 1e6
        share = 1 if name == "one index" else r["shards"]
        lines.append(f"| {name} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {size:.0f} | {size * per_100k * share:.0f} |")
    one99 = compare.percentile(r["samples"]["one index"], 0.99)
    lines += ["", f"| {r['queries']} queries × {r['repeats']}, top {compare.TOP}, in process | p50 ms | p95 ms | "
              "p99 ms | p99 vs one index |", "|---|---:|---:|---:|---:|"]
    for name, s in r["samples"].items():
        p50, p95, p99 = (compare.percentile(s, p) * 1e3 for p in (0.5, 0.95, 0.99))
        lines.append(f"| {name} | {p50:.2f} | {p95:.2f} | {p99:.2f} | {p99 / 1e3 / one99:.2f} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--shards", type=int, default=3)
    compare.add_run_options(parser)
    args = parser.parse_args()
    if shutil.which("xapian-tcpsrv") is None:
        sys.exit("xapian-tcpsrv is missing: run scripts/install-deps")
    work = compare.work_folder(args, "shards")
    try:
        r = run(args, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    lines = [f"Measured {time.strftime('%Y-%m-%d')} by `bench/shards.py --pages {args.pages} --shards {args.shards}` "
             f"on {compare.machine()}. Each shard job reads every page and keeps its own; the stubs list the shards "
             "as local folders, or as xapian-tcpsrv servers on 127.0.0.1. Queries go through qbank's C API "
             "(excerpts and exact facet counts over every shard).", ""]
    text = "\n".join(lines + table(r))
    print(text)
    if not args.no_write:
        compare.write_results(BEGIN, END, text, section="Shards")


if __name__ == "__main__":
    main()

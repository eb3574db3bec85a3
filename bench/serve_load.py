#!/usr/bin/env python3
"""Load on `qbank serve` over loopback, beside the same searches in process.

Indexes corpus/ (or takes --db), starts `qbank serve`, and lets wrk's clients
(default 8, on 2 threads) send the judged queries of bench/relevance/queries.jsonl
as /search requests for --seconds. Reports requests per second and latency
percentiles from wrk, non-2xx answers and socket errors, and the server's
resident memory after a 10-second warm-up and through the run (flat: no growth per
request). Beside it, the same requests through the C API in one thread in process:
what HTTP, JSON over the wire and concurrency on 2 cores add.

Writes its table between the markers of bench/RESULTS.md.

Usage: bench/serve_load.py [--clients 8] [--seconds 60] [--db DIR] [--no-write]
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare  # noqa: E402  (the C API searcher, percentiles, the machine line, RESULTS.md)

ROOT = compare.ROOT
BEGIN, END = "<!-- serve_load.py: begin -->", "<!-- serve_load.py: end -->"
FACETS = ["level", "category", "tag", "lang"]  # what the server counts by default

WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("QBANK_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
"""


def judged_queries():
    lines = (ROOT / "bench" / "relevance" / "queries.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["query"] for line in lines if line.strip()]


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk_figures(text):
    """Requests per second, latency percentiles (ms), non-2xx answers and socket errors from wrk's report."""
    def ms(value):
        number, unit = float(re.match(r"[\d.]+", value).group()), re.search(r"[a-z]+$", value).group()
        return number * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]

    percentiles = {int(p): ms(v) for p, v in re.findall(r"^\s+(\d+)%\s+(\S+)$", text, re.M)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)$", text, re.M)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "requests": int(re.search(r"(\d+) requests in", text).group(1)),
        "p50": percentiles[50], "p90": percentiles[90], "p99": percentiles[99],
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "none",
    }


def in_process(library, db, queries, repeats):
    search = compare.qbank_searcher(library, db, facets=FACETS)
    search(queries[0])  # opens what the first search opens
    samples = compare.latencies(search, queries, repeats)
    return {"rps": len(samples) / sum(samples), "p50": compare.percentile(samples, 0.50) * 1e3,
            "p90": compare.percentile(samples, 0.90) * 1e3, "p99": compare.percentile(samples, 0.99) * 1e3}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--db", help="an index to serve (default: corpus/, indexed afresh)")
    compare.add_run_options(parser)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run scripts/install-deps")

    work = compare.work_folder(args, "serve-load")
    db = args.db
    if db is None:
        db = str(work / "index")
        subprocess.run([args.qbank, "index", "corpus", "--exclude", "LICENSE*", "--exclude", "SOURCES.md",
                        "--db", db], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    queries = judged_queries()
    paths = work / "paths.txt"
    paths.write_text("".join(f"/search?{urllib.parse.urlencode({'q': q})}\n" for q in queries))
    script = work / "requests.lua"
    script.write_text(WRK_SCRIPT)

    server = subprocess.Popen([args.qbank, "serve", "--db", db, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = server.stdout.readline().split()[2].rstrip("/")
        wrk = ["wrk", "-t2", f"-c{args.clients}", "--latency", "-s", str(script), base]
        env = {"QBANK_PATHS": str(paths)}
        # Warm-up: every thread of the server opens its searcher and reads what the queries read.
        subprocess.run(wrk + ["-d10s"], env=env, capture_output=True, check=True)
        rss = [rss_mib(server.pid)]
        sampling = threading.Event()

        def sample():
            while not sampling.wait(1.0):
                rss.append(rss_mib(server.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        report = subprocess.run(wrk + [f"-d{args.seconds}s"], env=env, capture_output=True, text=True,
                                check=True).stdout
        sampling.set()
        sampler.join()
        rss.append(rss_mib(server.pid))
    finally:
        server.terminate()
        server.wait()

    http = wrk_figures(report)
    local = in_process(args.library, db, queries, args.repeats)
    lines = [
        f"Machine: {compare.machine()}",
        f"Index: {'corpus/' if args.db is None else args.db}; {len(queries)} judged queries in turn, top 10 with "
        f"excerpts and exact counts of {', '.join(FACETS)}.",
        "",
        "| | requests/s | p50 ms | p90 ms | p99 ms |",
        "|---|---:|---:|---:|---:|",
        f"| in process, 1 thread (C API) | {local['rps']:.0f} | {local['p50']:.2f} | {local['p90']:.2f} | "
        f"{local['p99']:.2f} |",
        f"| qbank serve, {args.clients} clients over loopback for {args.seconds} s | {http['rps']:.0f} | "
        f"{http['p50']:.2f} | {http['p90']:.2f} | {http['p99']:.2f} |",
        "",
        f"{http['requests']} requests: {http['non_2xx']} answered other than 2xx, socket errors: "
        f"{http['socket_errors']}. Server RSS after the warm-up {rss[0]:.1f} MiB, half-way {rss[len(rss) // 2]:.1f} MiB, "
        f"at the end {rss[-1]:.1f} MiB, at most {max(rss):.1f} MiB. Throughput over loopback / in process: {http['rps'] / local['rps']:.2f}.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        compare.write_results(BEGIN, END, text, section="qbank serve under load")
    if http["non_2xx"] or http["socket_errors"] != "none":
        sys.exit("the server failed requests under load")


if __name__ == "__main__":
    main()

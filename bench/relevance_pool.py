#!/usr/bin/env python3
"""The records to judge next for bench/relevance: for each judged query, the
records that qbank ranks in its top --depth or SQLite FTS5 in its top 10 and
that hold no judgment yet (a pool, as TREC builds one), written as JSON lines
with each record's text so that a judge reads it whole. The pool names no
system: a judge sees records, not who found them.

Grades go back into the queries' file (bench/relevance/queries.jsonl unless
--queries names another) with --merge FILE, a JSON line per graded record:
{"id": query id, "source": record, "grade": 0-3}.

Usage: bench/relevance_pool.py [--queries Q.jsonl] [--depth 20] --out pool.jsonl
       bench/relevance_pool.py [--queries Q.jsonl] --merge grades.jsonl
"""

import argparse
import json
import tempfile
from pathlib import Path

import relevance as R

QUERIES = R.ROOT / "bench" / "relevance" / "queries.jsonl"


def records_by_source(qbank, files):
    records = {}
    for f in files:
        for line in R.run([qbank, "normalize", f, "--json"], check=False).stdout.splitlines():
            r = json.loads(line)
            records[R.strip_corpus(r["source"])] = r
    return records


def judge_view(record, limit=2500):
    """What a judge reads: the record's title, question and sections, cut at `limit` characters."""
    text = "\n\n".join(f"## {s['heading']}\n{s['text']}" if s.get("heading") else s["text"]
                       for s in record.get("sections", []))
    return {"source": R.strip_corpus(record["source"]), "title": record["title"], "question": record["question"],
            "language": record.get("language", ""), "text": text[:limit] + (" …" if len(text) > limit else "")}


def write_pool(args, queries):
    files = R.corpus_files()
    records = records_by_source(args.qbank, files)
    with tempfile.TemporaryDirectory(prefix="qbank-pool-") as tmp:
        db = str(Path(tmp) / "index")
        R.run([args.qbank, "index", R.CORPUS, "--exclude", "LICENSE*", "--db", db])
        qbank_runs = {}
        for q in queries:
            out = R.run([args.qbank, "search", q["query"], "--db", db, "--json", "--limit", str(args.depth)]
                        + [a for f in q["filters"] for a in ("--filter", f)], check=False)
            qbank_runs[q["id"]] = [[R.strip_corpus(h["source"])] + [R.strip_corpus(d) for d in h["duplicates"]]
                                   for h in json.loads(out.stdout)["hits"]]
    con = R.fts5_load(args.qbank, files)
    fts5_runs = {q["id"]: R.fts5_search(con, q)[:R.K] for q in queries}
    total = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for q in queries:
            seen, pool = set(), []
            for hit in qbank_runs[q["id"]] + fts5_runs[q["id"]]:
                if any(s in q["judgments"] for s in hit) or hit[0] in seen or hit[0] not in records:
                    continue
                seen.add(hit[0])
                pool.append(judge_view(records[hit[0]]))
            pool.sort(key=lambda r: r["source"])  # no order that hints at a rank
            examples = [s for s, g in sorted(q["judgments"].items(), key=lambda kv: -kv[1]) if g == 3][:3]
            out.write(json.dumps({"id": q["id"], "query": q["query"], "filters": q["filters"], "note": q["note"],
                                  "graded_3": [records[s]["title"] for s in examples if s in records],
                                  "to_judge": pool}, ensure_ascii=False) + "\n")
            total += len(pool)
    print(f"{total} records to judge for {len(queries)} queries in {args.out}")


def merge(path, queries, queries_path):
    by_id = {q["id"]: q for q in queries}
    added = 0
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        g = json.loads(line)
        if g["grade"] not in (0, 1, 2, 3):
            raise SystemExit(f"{path}: grade {g['grade']!r} for {g['id']} {g['source']} is not 0-3")
        judgments = by_id[g["id"]]["judgments"]
        if g["source"] not in judgments:  # 0s too: a record judged not relevant is not pooled again
            judgments[g["source"]] = g["grade"]
            added += 1
    with open(queries_path, "w", encoding="utf-8") as out:
        for q in queries:
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{added} judgments added to {queries_path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qbank", default=str(R.ROOT / "build" / "cli" / "qbank"))
    parser.add_argument("--queries", default=str(QUERIES), help="the judged queries (JSON lines)")
    parser.add_argument("--depth", type=int, default=20, help="how deep in qbank's ranking to pool")
    parser.add_argument("--out", help="where to write the pool")
    parser.add_argument("--merge", help="grades to add to the judged queries")
    args = parser.parse_args()
    queries = [json.loads(line) for line in open(args.queries, encoding="utf-8") if line.strip()]
    if args.merge:
        merge(args.merge, queries, args.queries)
    elif args.out:
        write_pool(args, queries)
    else:
        parser.error("give --out or --merge")


if __name__ == "__main__":
    main()

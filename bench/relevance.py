#!/usr/bin/env python3
"""Relevance of qbank's ranking on the judged queries in bench/relevance/queries.jsonl,
beside SQLite FTS5 ranked with bm25() over the same records in the same run.

Prints nDCG@10, MRR and recall@10 per system, overall and per kind of query.
With --check FILE, exits 1 if qbank's nDCG@10 is below the figure recorded there.
With --typos SEED, judges the same queries typed with one typo each (generated).
With --queries FILE, judges other queries: bench/relevance/heldout.jsonl holds
queries written and judged after the ranking rules, which no rule was tuned on.

Usage: bench/relevance.py [--qbank BIN] [--queries Q.jsonl] [--check bench/relevance/recorded.json] [--typos SEED]
"""

import argparse
import json
import math
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = "corpus"  # indexed from ROOT: the index gives sources as absolute paths, normalize as "corpus/<path>"
K = 10
RELEVANT = 2  # grades >= this count for MRR and recall: the record is substantially about the query


def run(args, check=True):
    return subprocess.run(args, cwd=ROOT, check=check, capture_output=True, text=True)


def corpus_files():
    files = []
    for path in sorted((ROOT / CORPUS).rglob("*")):
        if path.is_file() and not path.name.startswith("LICENSE") and path.name != "SOURCES.md":
            files.append(path.relative_to(ROOT).as_posix())
    return files


def strip_corpus(source):
    """The source's path below corpus/, the way judgments name it."""
    for prefix in (f"{ROOT / CORPUS}/", f"{CORPUS}/"):
        if source.startswith(prefix):
            return source[len(prefix):]
    return source


# ---- metrics ---------------------------------------------------------------

def dcg(grades):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def metrics(ranked_groups, judged):
    """ranked_groups: document groups in rank order; judged: group -> grade."""
    grades = [judged.get(g, 0) for g in ranked_groups[:K]]
    ideal = dcg(sorted(judged.values(), reverse=True)[:K])
    ndcg = dcg(grades) / ideal if ideal else 0.0
    rr = next((1.0 / (i + 1) for i, g in enumerate(grades) if g >= RELEVANT), 0.0)
    relevant = {g for g, grade in judged.items() if grade >= RELEVANT}
    found = relevant & set(ranked_groups[:K])
    recall = len(found) / len(relevant) if relevant else 0.0
    return ndcg, rr, recall


# ---- qbank -----------------------------------------------------------------

def qbank_search(qbank, db, query, bm25=()):
    args = [qbank, "search", query["query"], "--db", db, "--json", "--limit", str(K)]
    if bm25:
        args += ["--bm25-k1", str(bm25[0]), "--bm25-b", str(bm25[1])]
    for f in query["filters"]:
        args += ["--filter", f]
    out = run(args, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"qbank search {query['id']} failed ({out.returncode}): {out.stderr.strip()}")
    hits = json.loads(out.stdout)["hits"]
    return [[strip_corpus(h["source"])] + [strip_corpus(d) for d in h["duplicates"]] for h in hits]


# ---- SQLite FTS5 -------------------------------------------------------------

def levels_of(record):
    levels = {record["level"]} if record.get("level") else set()
    levels |= {s["level"] for s in record.get("sections", []) if s.get("level")}
    return levels


def fts5_load(qbank, files):
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE records USING fts5(source UNINDEXED, category UNINDEXED, tags UNINDEXED, "
                "levels UNINDEXED, title, question, body, tokenize='porter unicode61 remove_diacritics 2')")
    for f in files:
        out = run([qbank, "normalize", f, "--json"], check=False)
        for line in out.stdout.splitlines():
            r = json.loads(line)
            body = "\n".join(s["heading"] + "\n" + s["text"] for s in r.get("sections", []))
            body += "\n" + " ".join(r.get("tags", [])) + " " + (r.get("category") or "")
            con.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (strip_corpus(r["source"]), (r.get("category") or "").lower(),
                         "\x1f".join(t.lower() for t in r.get("tags", [])), "\x1f".join(sorted(levels_of(r))).lower(),
                         r["title"], r["question"], body))
    return con


def fts5_match(text):
    """The query as FTS5 syntax: quoted phrases kept, other words quoted (so punctuation is literal), ANDed."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        token = phrase if phrase else word
        token = token.replace('"', "")
        if token:
            parts.append('"' + token + '"')
    return " AND ".join(parts)


def fts5_search(con, query):
    where, params = ["records MATCH ?"], [fts5_match(query["query"])]
    for f in query["filters"]:
        field, value = f.split(":", 1)
        column = {"category": "category", "tag": "tags", "level": "levels"}[field]
        where.append(f"('\x1f' || {column} || '\x1f') LIKE ?")
        params.append("%\x1f" + value.lower() + "\x1f%")
    sql = f"SELECT source FROM records WHERE {' AND '.join(where)} ORDER BY bm25(records) LIMIT {K * 3}"
    try:
        return [[row[0]] for row in con.execute(sql, params)]
    except sqlite3.OperationalError:
        return []  # FTS5 refuses the query text (e.g. a lone symbol): it finds nothing


# ---- report ----------------------------------------------------------------

def evaluate(queries, rankings, group_of):
    """rankings: query id -> list of hits, each a list of sources. Returns per-query metrics."""
    per_query = {}
    for q in queries:
        judged = defaultdict(int)
        for source, grade in q["judgments"].items():
            g = group_of.get(source, source)
            judged[g] = max(judged[g], grade)
        groups = []
        for hit in rankings[q["id"]]:
            g = next((group_of.get(s, s) for s in hit if group_of.get(s, s) in judged), group_of.get(hit[0], hit[0]))
            if g not in groups:
                groups.append(g)
        per_query[q["id"]] = metrics(groups, judged)
    return per_query


def summarize(per_query, ids):
    n = len(ids)
    return tuple(sum(per_query[i][m] for i in ids) / n for m in range(3)) if n else (0.0, 0.0, 0.0)


def tune(qbank, db, queries, group_of):
    ids = [q["id"] for q in queries]
    print("nDCG@10 by BM25 k1 (rows) and b (columns)")
    bs = (0.3, 0.5, 0.75, 0.9)
    print(f"{'k1':>6}" + "".join(f"{b:>8}" for b in bs))
    for k1 in (0.6, 1.0, 1.4, 2.0, 3.0):
        row = []
        for b in bs:
            runs = {q["id"]: qbank_search(qbank, db, q, (k1, b)) for q in queries}
            row.append(summarize(evaluate(queries, runs, group_of), ids)[0])
        print(f"{k1:>6}" + "".join(f"{v:8.3f}" for v in row))


def with_typos(queries, seed):
    """The English queries, each with one typo in its longest word of six letters
    or more (a swapped, dropped or doubled letter, seeded); their judgments stay.
    Phrases and queries already misspelt are left out."""
    rng = random.Random(seed)
    out = []
    for q in queries:
        if q["kind"] in ("non-english", "phrase", "misspelling"):
            continue
        words = q["query"].split()
        long_words = [i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{6,}", w)]
        if not long_words:
            continue
        i = max(long_words, key=lambda i: len(words[i]))
        w, k = words[i], rng.randrange(1, len(words[i]) - 2)
        words[i] = rng.choice([w[:k] + w[k + 1] + w[k] + w[k + 2:], w[:k] + w[k + 1:], w[:k] + w[k] + w[k:]])
        out.append(dict(q, query=" ".join(words)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qbank", default=str(ROOT / "build" / "cli" / "qbank"))
    parser.add_argument("--queries", default=str(ROOT / "bench" / "relevance" / "queries.jsonl"))
    parser.add_argument("--check", help="JSON file with the recorded qbank nDCG@10 it must not fall below")
    parser.add_argument("--per-query", action="store_true", help="print each query's figures")
    parser.add_argument("--tune", action="store_true", help="print qbank's nDCG@10 over a grid of BM25 k1 and b")
    parser.add_argument("--typos", type=int, metavar="SEED", help="judge the English queries typed with one typo each")
    args = parser.parse_args()

    queries = [json.loads(line) for line in open(args.queries, encoding="utf-8") if line.strip()]
    if args.typos is not None:
        queries = with_typos(queries, args.typos)
    files = corpus_files()
    with tempfile.TemporaryDirectory(prefix="qbank-relevance-") as tmp:
        db = str(Path(tmp) / "index")
        run([args.qbank, "index", CORPUS, "--exclude", "LICENSE*", "--db", db])
        all_docs = json.loads(run([args.qbank, "search", "", "--db", db, "--json", "--limit", "10000"]).stdout)["hits"]
        # Documents are qbank's: a question merged from several files is one document for both systems.
        group_of = {}
        for h in all_docs:
            sources = [strip_corpus(h["source"])] + [strip_corpus(d) for d in h["duplicates"]]
            for s in sources:
                group_of[s] = sources[0]
        qbank_runs = {q["id"]: qbank_search(args.qbank, db, q) for q in queries}
        if args.tune:
            tune(args.qbank, db, queries, group_of)
            return
    con = fts5_load(args.qbank, files)
    fts5_runs = {q["id"]: fts5_search(con, q) for q in queries}

    results = {"qbank": evaluate(queries, qbank_runs, group_of), "SQLite FTS5 bm25()": evaluate(queries, fts5_runs, group_of)}
    kinds = defaultdict(list)
    for q in queries:
        kinds[q["kind"]].append(q["id"])
    all_ids = [q["id"] for q in queries]

    print(f"{len(queries)} judged queries, {len(group_of)} documents; relevant = grade >= {RELEVANT} for MRR and recall")
    print(f"{'':22}{'nDCG@10':>9}{'MRR':>7}{'R@10':>7}")
    for name, per_query in results.items():
        print(f"{name:22}" + "".join(f"{v:{w}.3f}" for v, w in zip(summarize(per_query, all_ids), (9, 7, 7))))
    print()
    print(f"{'nDCG@10 by kind':22}" + "".join(f"{name[:12]:>14}" for name in results))
    for kind, ids in sorted(kinds.items()):
        print(f"{kind + f' ({len(ids)})':22}" + "".join(f"{summarize(pq, ids)[0]:14.3f}" for pq in results.values()))
    if args.per_query:
        print()
        for q in queries:
            print(f"{q['id']:5} {q['kind']:12} " + " ".join(f"{pq[q['id']][0]:.2f}" for pq in results.values()) + f"  {q['query']}")

    if args.check:
        recorded = json.load(open(args.check, encoding="utf-8"))["qbank_ndcg_at_10"]
        measured = summarize(results["qbank"], all_ids)[0]
        if measured + 1e-9 < recorded:
            print(f"\nFAIL: qbank nDCG@10 {measured:.3f} is below the recorded {recorded:.3f} ({args.check})")
            sys.exit(1)
        print(f"\nok: qbank nDCG@10 {measured:.3f} >= recorded {recorded:.3f}")


if __name__ == "__main__":
    main()

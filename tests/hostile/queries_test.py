"""Hostile queries: the strings in queries.txt, as people paste them, and variants
made of each (a word added, brackets, a quote, capitals): well over 500 in all.
Every one must be answered, with exit 0 (found) or 1 (nothing found) and JSON
that follows schema/search.schema.json, never a hang (a generous per-query limit
catches one; speed is measured in bench/, not here) and never exit 2 but for a
filter value that can name nothing (`level:wizard`): a query that breaks the
syntax is searched for its words. Run from the source root with
QBANK_BIN pointing at the built binary (ctest does this)."""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema

BIN = os.environ.get("QBANK_BIN", "build/cli/qbank")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from json_schemas import validator  # noqa: E402
HANG_SECONDS = 60  # far beyond any answer, even under sanitizers: only a hang reaches it


def queries():
    lines = (ROOT / "tests" / "hostile" / "queries.txt").read_text(encoding="utf-8").split("\n")
    base = [line for line in lines if line and not line.startswith("#")]
    out = list(base)
    for q in base:
        out += [q + " closure", "(" + q, q.upper(), '"' + q]
    return list(dict.fromkeys(out))


class HostileQueriesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "index")
        for folder in ("corpus/seeds", "tests/gallery/pages"):
            subprocess.run([BIN, "index", str(ROOT / folder), "--db", cls.db, "--json"], check=True,
                           capture_output=True)
        cls.search_schema = validator(ROOT / "schema", "search.schema.json")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def answer(self, query):
        try:
            # "--" ends the options: a query may start with "-".
            result = subprocess.run([BIN, "search", "--db", self.db, "--json", "--", query], capture_output=True,
                                    timeout=HANG_SECONDS)
        except subprocess.TimeoutExpired:
            return query, "no answer within %d s" % HANG_SECONDS
        stderr = result.stderr.decode(errors="replace")
        # A filter on a real field with a value that can name nothing is the one refusal.
        impossible_filter = result.returncode == 2 and ("unknown level" in stderr or "empty" in stderr) and \
            stderr.startswith('qbank: cannot parse query "')
        if impossible_filter:
            return query, None
        if result.returncode not in (0, 1):
            return query, "exit %d: %s" % (result.returncode, result.stderr.decode(errors="replace").strip())
        try:
            self.search_schema.validate(json.loads(result.stdout))
        except (ValueError, jsonschema.ValidationError) as e:
            return query, "bad JSON: %s" % str(e).split("\n")[0]
        return query, None

    def test_every_query_is_answered(self):
        all_queries = queries()
        self.assertGreaterEqual(len(all_queries), 500)
        with ThreadPoolExecutor(max_workers=2) as pool:
            failures = [(q, why) for q, why in pool.map(self.answer, all_queries) if why]
        self.assertEqual(failures, [], "\n".join("%r: %s" % f for f in failures[:20]))


if __name__ == "__main__":
    unittest.main()

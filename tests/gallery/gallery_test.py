"""The page gallery: hand-written pages (tests/gallery/pages/NN_name.{txt,html,md}),
each with the fields qbank must read from it (tests/gallery/expected/NN_name.json),
and the same questions rewritten in many layouts by mutate.py.

Every page must give exactly one record, valid against schema/record.schema.json, with
the expected title (exact), question (white space runs collapsed), category, level,
tags (as a set), lang (checked once records carry it) and none of the `absent` chrome
snippets in any field or section. Each test collects every mismatch of every page and
fails once, with a report of all of them and "N of M pages, K of L fields right".

The gallery and mutation tests are expected to fail until the parser reads these
layouts; two more tests guard what must hold meanwhile: every record of every page
matches the JSON Schema, and mutate.py writes the same bytes on every run.

Run from the source root with QBANK_BIN set:
    QBANK_BIN=build/cli/qbank python3 -m unittest -v tests/gallery/gallery_test.py
or print the per-page and per-layout report without failing (--out DIR keeps the
generated variants in DIR to look at):
    python3 tests/gallery/gallery_test.py --report [--out DIR]
"""

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from collections import Counter, OrderedDict
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "cli"))
sys.path.insert(0, str(HERE))

from cli_test import BIN, RECORD, ROOT, run  # noqa: E402
import mutate  # noqa: E402

EXPECTED = HERE / "expected"
EXPECTED_KEYS = {"title", "question", "category", "level", "tags", "lang", "absent"}
LEVELS = {"Junior", "Mid", "Senior", "Staff+", None}
# The checks made of every page, in report order; "lang" only once records carry it,
# "expected" only when a gallery page's expected file is missing or malformed.
FIELDS = ["expected", "records", "schema", "title", "question", "category", "level", "tags", "lang", "absent"]
VALUE_FIELDS = {"title", "question", "category", "level", "lang"}  # reported as values; others as descriptions


def collapse(text):
    return " ".join(text.split()) if isinstance(text, str) else text


def show(value, limit=160):
    """A value for the report: repr, long strings cut in the middle."""
    text = repr(value)
    if len(text) > limit:
        text = text[:limit - 40] + f" …[{len(text) - limit + 20} chars]… " + text[-20:]
    return text


def bad_expected(expected):
    """Why an expected file is not of the gallery's shape, or None."""
    if not isinstance(expected, dict):
        return "not a JSON object"
    if set(expected) != EXPECTED_KEYS:
        missing, extra = EXPECTED_KEYS - set(expected), set(expected) - EXPECTED_KEYS
        return f"keys: missing {sorted(missing)}, unexpected {sorted(extra)}"
    if not isinstance(expected["title"], str) or not isinstance(expected["question"], str):
        return "title and question must be strings"
    if expected["category"] is not None and not isinstance(expected["category"], str):
        return "category must be a string or null"
    if expected["level"] not in LEVELS:
        return f"level must be one of Junior, Mid, Senior, Staff+ or null, got {expected['level']!r}"
    for key in ("tags", "absent"):
        if not isinstance(expected[key], list) or not all(isinstance(x, str) and x for x in expected[key]):
            return f"{key} must be a list of non-empty strings"
    return None


_normalized = {}


def normalize(path):
    """(records, problem): the records of one page, or why there are none. Each page is
    normalized once per run, however many tests look at it."""
    key = str(path)
    if key not in _normalized:
        _normalized[key] = _normalize(path)
    return _normalized[key]


def _normalize(path):
    shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    result = run("normalize", shown, "--json")
    if result.returncode != 0:
        return [], f"exit {result.returncode}: {result.stderr.strip()}"
    try:
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()], None
    except ValueError as e:
        return [], f"output is not JSON Lines: {e}"


def leaks(record, snippets):
    """[(snippet, where)] for each snippet found in a field or section of the record."""
    places = [("title", record.get("title", "")), ("question", record.get("question", "")),
              ("category", record.get("category") or "")]
    places += [(f"tag {t!r}", t) for t in record.get("tags", [])]
    for i, s in enumerate(record.get("sections", [])):
        places.append((f"section {i} heading {s.get('heading', '')!r}", s.get("heading", "")))
        places.append((f"section {i} {s.get('heading', '')!r} text", s.get("text", "")))
    return [(snip, where) for snip in snippets for where, text in places if snip in text]


def check_page(path, expected):
    """OrderedDict field -> None when right, else (expected, got) for the report."""
    out = OrderedDict()
    records, problem = normalize(path)
    if problem or len(records) != 1:
        out["records"] = ("1 record", problem or f"{len(records)} records: {[r.get('title') for r in records]}")
    else:
        out["records"] = None
    if not records:
        for f in FIELDS[2:]:
            if f != "lang":
                want = expected.get(f) if f in VALUE_FIELDS else "valid" if f == "schema" else repr(expected.get(f))
                out[f] = (want, "no record")
        return out
    record = records[0]
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
              for e in RECORD.iter_errors(record)]
    out["schema"] = ("valid", "; ".join(errors)) if errors else None
    got = record.get("title")
    out["title"] = None if got == expected["title"] else (expected["title"], got)
    got = record.get("question")
    out["question"] = None if collapse(got) == collapse(expected["question"]) else (expected["question"], got)
    for f in ("category", "level"):
        got = record.get(f)
        out[f] = None if got == expected[f] else (expected[f], got)
    got = record.get("tags", [])
    if set(got) == set(expected["tags"]):
        out["tags"] = None
    else:
        missing = [t for t in expected["tags"] if t not in got]
        extra = [t for t in got if t not in expected["tags"]]
        out["tags"] = (repr(expected["tags"]), f"{got!r} (missing {missing!r}, extra {extra!r})")
    if "lang" in record:
        out["lang"] = None if record["lang"] == expected["lang"] else (expected["lang"], record["lang"])
    found = leaks(record, expected["absent"])
    out["absent"] = None if not found else (
        "none of the absent snippets", "; ".join(f"{snip!r} in {where}" for snip, where in found))
    return out


class Results:
    """Checks of many pages, grouped (by page or by layout), and their report."""

    def __init__(self):
        self.pages = OrderedDict()  # name -> (group, checks)

    def add(self, name, group, checks):
        self.pages[name] = (group, checks)

    def counts(self, group=None):
        """(pages, right pages, fields, right fields); a page without a usable expected file
        counts as a wrong page with no fields."""
        pages = right_pages = fields = right_fields = 0
        for g, checks in self.pages.values():
            if group is not None and g != group:
                continue
            pages += 1
            if "expected" in checks:
                continue
            right_pages += all(v is None for v in checks.values())
            fields += len(checks)
            right_fields += sum(v is None for v in checks.values())
        return pages, right_pages, fields, right_fields

    def summary(self):
        pages, right_pages, fields, right_fields = self.counts()
        unchecked = sum("expected" in checks for _, checks in self.pages.values())
        note = f" ({unchecked} without a usable expected file)" if unchecked else ""
        return f"{right_pages} of {pages} pages{note}, {right_fields} of {fields} fields right"

    def field_summary(self):
        total, right = Counter(), Counter()
        for _, checks in self.pages.values():
            if "expected" in checks:
                continue
            for f, v in checks.items():
                total[f] += 1
                right[f] += v is None
        return "by field: " + (", ".join(f"{f} {right[f]}/{total[f]}" for f in FIELDS if total[f]) or "none checked")

    def failures(self):
        lines = []
        for name, (_, checks) in self.pages.items():
            wrong = [(f, v) for f, v in checks.items() if v is not None]
            if not wrong:
                continue
            lines.append(f"FAIL {name}")
            for f, (want, got) in wrong:
                if f == "expected":
                    lines.append(f"    expected file: {got}")
                    continue
                pad = " " * len(f)
                lines.append(f"    {f}: expected {show(want) if f in VALUE_FIELDS else want}")
                lines.append(f"    {pad}       got {show(got) if f in VALUE_FIELDS else got}")
                if f in ("title", "question") and isinstance(got, str) and got:
                    a, b = collapse(want), collapse(got)
                    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                    lines.append(f"    {pad}       (white-space collapsed, they part at character {at}: "
                                 f"expected …{a[at:at + 30]!r}, got …{b[at:at + 30]!r})")
        return lines

    def page_lines(self):
        lines = []
        for name, (_, checks) in self.pages.items():
            wrong = [f for f, v in checks.items() if v is not None]
            right = len(checks) - len(wrong)
            if "expected" in checks:
                lines.append(f"FAIL {name}: not checked, {checks['expected'][1]}")
                continue
            lines.append(f"{'ok  ' if not wrong else 'FAIL'} {name}: {right}/{len(checks)} fields right"
                         + (f"; wrong: {', '.join(wrong)}" if wrong else ""))
        return lines

    def group_lines(self, label, family=None):
        """One line per group: right pages and fields, and how often each field was wrong.
        With `family` (group -> family name), a total line per family too."""
        lines = []
        groups = list(OrderedDict.fromkeys(g for g, _ in self.pages.values()))
        width = max((len(g) for g in groups), default=10) + 2
        families = OrderedDict()
        for g in groups:
            families.setdefault(family(g) if family else None, []).append(g)
        for fam, members in families.items():
            rows = [(f"  {g}", self.counts(g), self.wrong_fields(lambda gg: gg == g)) for g in members]
            if fam is not None:
                rows.append((f"{fam}-* (all)", self.counts_where(lambda gg: gg in members),
                             self.wrong_fields(lambda gg: gg in members)))
            for name, (pages, right_pages, fields, right_fields), wrong in rows:
                lines.append(f"{name:<{width}}  {right_pages:>3}/{pages:<3} {label}  {right_fields:>4}/{fields:<4} fields"
                             + (f"   wrong: {', '.join(f'{f} {n}' for f, n in wrong)}" if wrong else ""))
        return lines

    def counts_where(self, keep):
        totals = [0, 0, 0, 0]
        for g in OrderedDict.fromkeys(g for g, _ in self.pages.values()):
            if keep(g):
                totals = [a + b for a, b in zip(totals, self.counts(g))]
        return tuple(totals)

    def wrong_fields(self, keep):
        wrong = Counter(f for g, checks in self.pages.values() if keep(g) for f, v in checks.items() if v is not None)
        return sorted(wrong.items(), key=lambda x: FIELDS.index(x[0]))


def check_gallery():
    """Results of every page in tests/gallery/pages, grouped by page."""
    results = Results()
    for page in mutate.gallery_pages(HERE):
        expected_path = EXPECTED / (page.stem + ".json")
        try:
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            problem = bad_expected(expected)
        except FileNotFoundError:
            problem = f"no expected file {expected_path.relative_to(ROOT)}"
        except ValueError as e:
            problem = f"{expected_path.relative_to(ROOT)} is not JSON: {e}"
        if problem:
            results.add(page.name, page.name, OrderedDict(expected=("a usable expected file", problem)))
            continue
        results.add(page.name, page.name, check_page(page, expected))
    return results


def qbank_path():
    p = Path(BIN)
    return str(p if p.is_absolute() else ROOT / p)  # run() resolves a relative BIN from ROOT too


def generate(out_dir):
    """Runs mutate.py into out_dir: (what it printed, its notes); raises when it fails."""
    result = subprocess.run([sys.executable, str(HERE / "mutate.py"), str(out_dir), "--bin", qbank_path()],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"mutate.py failed ({result.returncode}):\n{result.stderr}")
    return result.stdout.strip(), result.stderr.strip()


def variant_pages(out_dir):
    return sorted((p for p in Path(out_dir).iterdir() if p.suffix in mutate.PAGE_EXTENSIONS),
                  key=lambda p: (mutate.layout_rank(mutate.layout_of(p)), p.name))


def check_mutations(out_dir):
    """Results of the variants mutate.py wrote into out_dir, grouped by layout."""
    results = Results()
    for page in variant_pages(out_dir):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        results.add(page.name, mutate.layout_of(page), check_page(page, expected))
    return results


def schema_problems(pages):
    """Lines naming every record of the pages that the record schema refuses."""
    lines = []
    for page in pages:
        records, _ = normalize(page)
        for i, record in enumerate(records):
            for e in RECORD.iter_errors(record):
                where = "/".join(map(str, e.absolute_path)) or "(record)"
                lines.append(f"{page.name} record {i}: {where}: {e.message}")
    return lines


def gallery_report(results, failures_only):
    lines = ["Gallery pages (tests/gallery/pages):"]
    lines += results.failures() if failures_only else results.page_lines() + [""] + results.failures()
    lines += ["", results.field_summary(), results.summary()]
    return "\n".join(lines)


def mutation_report(results, said, failures_only):
    lines = [f"Mutations (mutate.py: {said}; write them to look at with: "
             f"python3 tests/gallery/mutate.py OUT_DIR --bin {BIN}):"]
    if not failures_only:
        lines += results.page_lines() + [""]
    lines += results.failures()
    lines += ["", "by layout:"] + results.group_lines("variants", family=mutate.layout_family)
    lines += ["", results.field_summary(), results.summary()]
    return "\n".join(lines)


def binary_problem():
    """Why the qbank binary cannot be run, or None: one clear line instead of a page of failures."""
    try:
        result = run("--version")
    except OSError as e:
        return f"cannot run {BIN}: {e}"
    return None if result.returncode == 0 else f"{BIN} --version failed ({result.returncode}): {result.stderr.strip()}"


class GalleryTest(unittest.TestCase):
    """The variants are generated once for the class, into a temporary directory."""

    @classmethod
    def setUpClass(cls):
        cls.problem = binary_problem()
        cls.tmp = Path(tempfile.mkdtemp(prefix="qbank-gallery-"))
        cls.variants = cls.tmp / "variants"
        cls.said = cls.notes = ""
        if cls.problem is None:
            try:
                cls.said, cls.notes = generate(cls.variants)
            except RuntimeError as e:
                cls.problem = str(e)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def setUp(self):
        if self.problem:
            self.fail(self.problem)

    def test_gallery_pages(self):
        if not mutate.gallery_pages(HERE):
            self.skipTest("no gallery pages yet")
        results = check_gallery()
        if results.counts()[1] != len(results.pages):
            self.fail("\n" + gallery_report(results, failures_only=True))

    def test_mutations(self):
        results = check_mutations(self.variants)
        self.assertGreater(len(results.pages), 0, self.said)
        if results.counts()[1] != len(results.pages):
            self.fail("\n" + mutation_report(results, self.said, failures_only=True))

    def test_every_record_matches_the_schema(self):
        problems = schema_problems(mutate.gallery_pages(HERE) + variant_pages(self.variants))
        if problems:
            self.fail(f"\n{len(problems)} schema errors:\n" + "\n".join(problems))

    def test_generator_is_deterministic(self):
        again = self.tmp / "again"
        generate(again)
        first, second = sorted(p.name for p in self.variants.iterdir()), sorted(p.name for p in again.iterdir())
        self.assertEqual(first, second)
        _, mismatch, errors = filecmp.cmpfiles(self.variants, again, first, shallow=False)
        self.assertEqual(mismatch + errors, [], "mutate.py wrote different bytes on a second run")


def main():
    parser = argparse.ArgumentParser(description="Run the gallery tests, or print their report.")
    parser.add_argument("--report", action="store_true", help="print the per-page and per-layout report, never fail")
    parser.add_argument("--out", metavar="DIR", help="with --report: write the variants into DIR and keep them")
    args, rest = parser.parse_known_args()
    if not args.report:
        unittest.main(argv=[sys.argv[0], *rest])
        return 0
    problem = binary_problem()
    if problem:
        print(problem)
        return 1
    print(gallery_report(check_gallery(), failures_only=False))
    print()
    with tempfile.TemporaryDirectory(prefix="qbank-gallery-") as tmp:
        out = Path(args.out) if args.out else Path(tmp) / "variants"
        said, notes = generate(out)
        if notes:
            print(notes)
        print(mutation_report(check_mutations(out), said, failures_only=False))
        problems = schema_problems(mutate.gallery_pages(HERE) + variant_pages(out))
    print(f"\nschema: {len(problems)} records refused" + "".join("\n  " + p for p in problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The page gallery: hand-written pages (tests/gallery/pages/NN_name.{txt,html,md}),
each with the fields qbank must read from it (tests/gallery/expected/NN_name.json),
and the same questions rewritten in many layouts by mutate.py.

Every page must give exactly one record, valid against schema/record.schema.json, with
the expected title (exact), question (white space runs collapsed), category, level,
tags (as a set), lang (checked once records carry it; "zh" also allows "zh-CN") and none of the `absent` chrome
snippets in any field or section.

The parser does not read every layout yet, so the gallery and mutation tests are a
ratchet against tests/gallery/recorded.json, the figures last reviewed (like
bench/relevance.py --check bench/relevance/recorded.json). They fail if
  - a gallery (page, field) recorded there as right is wrong now (each one is reported:
    page, field, expected, got);
  - the gallery's or the mutations' count of right fields falls below the recorded one;
  - a gallery page with no entry in recorded.json has any field wrong (a new page is
    checked fully until --record is run).
They pass otherwise, and print the summary lines and the pages not yet fully right. Two
more tests must hold outright: every record of every page matches the JSON Schema, and
mutate.py writes the same bytes on every run. Without recorded.json every field of every
page and variant must be right.

Run from the source root with QBANK_BIN set:
    QBANK_BIN=build/cli/qbank python3 -m unittest -v tests/gallery/gallery_test.py
or the same ratchet without unittest (exit 1 when it fails):
    python3 tests/gallery/gallery_test.py --check [FILE]
After an intended improvement, rewrite the figures and review the diff of the file:
    python3 tests/gallery/gallery_test.py --record [FILE]
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
RECORDED = HERE / "recorded.json"
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


def mismatch_lines(field, want, got, indent="    "):
    """The report lines of one wrong field: what was expected, what the record has."""
    if field == "expected":
        return [f"{indent}expected file: {got}"]
    pad = " " * len(field)
    lines = [f"{indent}{field}: expected {show(want) if field in VALUE_FIELDS else want}",
             f"{indent}{pad}       got {show(got) if field in VALUE_FIELDS else got}"]
    if field in ("title", "question") and isinstance(want, str) and isinstance(got, str) and got:
        a, b = collapse(want), collapse(got)
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        lines.append(f"{indent}{pad}       (white-space collapsed, they part at character {at}: "
                     f"expected …{a[at:at + 30]!r}, got …{b[at:at + 30]!r})")
    return lines


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


def shown_path(path):
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def prefetch(paths, chunk=200):
    """Normalizes many pages in a few runs of qbank (one per `chunk` pages), each
    page's records as normalize() would give them; a page with problems is left
    for normalize() to run alone, so its exit code and message are its own."""
    todo = [p for p in paths if str(p) not in _normalized]
    for i in range(0, len(todo), chunk):
        shown = {shown_path(p): p for p in todo[i:i + chunk]}
        result = run("normalize", "--json", *shown)
        try:
            records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        except ValueError:
            continue
        found = {s: [] for s in shown}
        for record in records:
            source = record.get("source", "").split("#")[0]
            if source in found:
                found[source].append(record)
        troubled = {s for s in shown for line in result.stderr.splitlines() if line.startswith(f"qbank: {s}:")}
        for s, path in shown.items():
            if found[s] and s not in troubled:
                _normalized[str(path)] = (found[s], None)


def _normalize(path):
    shown = shown_path(path)
    try:
        result = run("normalize", shown, "--json")
    except UnicodeDecodeError as e:
        return [], f"output is not UTF-8 (did qbank crash mid-write?): {e}"
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
        # A language without region ("zh") is also right as any of its regions ("zh-CN", when
        # the page says so): a variant of the page rewritten as plain text cannot tell it.
        right = record["lang"] == expected["lang"] or (
            "-" not in expected["lang"] and record["lang"].split("-")[0] == expected["lang"])
        out["lang"] = None if right else (expected["lang"], record["lang"])
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
                lines += mismatch_lines(f, want, got)
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

    def group_lines(self, label, family=None, totals_only=False):
        """One line per group: right pages and fields, and how often each field was wrong.
        With `family` (group -> family name), a total line per family too; with
        `totals_only`, only those."""
        lines = []
        groups = list(OrderedDict.fromkeys(g for g, _ in self.pages.values()))
        width = max((len(g) for g in groups), default=10) + 2
        families = OrderedDict()
        for g in groups:
            families.setdefault(family(g) if family else None, []).append(g)
        for fam, members in families.items():
            rows = [] if totals_only and fam is not None else [
                (f"  {g}", self.counts(g), self.wrong_fields(lambda gg: gg == g)) for g in members]
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
    prefetch(mutate.gallery_pages(HERE))
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
    prefetch(variant_pages(out_dir))
    for page in variant_pages(out_dir):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        results.add(page.name, mutate.layout_of(page), check_page(page, expected))
    return results


def schema_problems(pages):
    """Lines naming every record of the pages that the record schema refuses."""
    lines = []
    prefetch(pages)
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


def shown_path(path):
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_absolute() and path.is_relative_to(ROOT) else str(path)


def figures(results):
    """The figures recorded for a set of pages."""
    pages, right_pages, fields, right_fields = results.counts()
    return {"pages": pages, "pages_right": right_pages, "fields": fields, "fields_right": right_fields}


def right_fields_by_page(results):
    """page -> the fields right on it, in report order ([] for a page with none)."""
    return {name: sorted((f for f, v in checks.items() if v is None), key=FIELDS.index)
            for name, (_, checks) in results.pages.items()}


def recorded_figures(gallery, mutations):
    """What --record writes: the figures of both, and the gallery's right fields by page."""
    return {
        "about": "Figures last reviewed for tests/gallery/gallery_test.py, which fails if a gallery "
                 "(page, field) listed under gallery.right goes wrong, if gallery.fields_right or "
                 "mutations.fields_right falls, or if a page not listed here has any field wrong "
                 "(mutations.pages are the variants mutate.py writes). "
                 "Rewrite with: python3 tests/gallery/gallery_test.py --record, then review the diff.",
        "gallery": dict(figures(gallery), right=right_fields_by_page(gallery)),
        "mutations": figures(mutations),
    }


def dump_recorded(data):
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load_recorded(path=RECORDED):
    """The recorded figures, or None when there is no such file; raises ValueError when the
    file is not of the shape --record writes."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError as e:
        raise ValueError(f"{shown_path(path)} is not JSON: {e}") from e
    if not isinstance(data, dict):
        data = {}
    gallery, mutations = data.get("gallery"), data.get("mutations")
    ok = (isinstance(gallery, dict) and isinstance(mutations, dict)
          and all(isinstance(part.get(k), int) for part in (gallery, mutations)
                  for k in ("pages", "pages_right", "fields", "fields_right"))
          and isinstance(gallery.get("right"), dict)
          and all(isinstance(v, list) and all(f in FIELDS for f in v) for v in gallery["right"].values()))
    if not ok:
        raise ValueError(f"{shown_path(path)} is not of the shape --record writes; rewrite it with --record")
    return data


def versus(now, recorded, noun="pages"):
    """'332 of 368 fields right, 25 of 46 pages' and, when recorded, how it stands to the record."""
    line = f"{now['fields_right']} of {now['fields']} fields right, {now['pages_right']} of {now['pages']} {noun}"
    if recorded is None:
        return line + " (nothing recorded: every field must be right)"
    return line + (f" (recorded: {recorded['fields_right']} of {recorded['fields']} fields, "
                   f"{recorded['pages_right']} of {recorded['pages']} {noun})")


def gallery_ratchet(results, recorded, recorded_path=RECORDED):
    """(problems, summary lines) of the gallery against the recorded figures (None: nothing
    recorded). A problem is a recorded right field gone wrong, a wrong field of a page with
    no entry, or fewer right fields than recorded."""
    part = recorded["gallery"] if recorded else None
    right_before = part["right"] if part else {}
    where = shown_path(recorded_path)
    regressions, unrecorded, gained = [], [], []
    for name, (_, checks) in results.pages.items():
        if name not in right_before:
            wrong = [(f, v) for f, v in checks.items() if v is not None]
            if wrong:
                unrecorded.append(f"  {name}")
                for f, (want, got) in wrong:
                    unrecorded += mismatch_lines(f, want, got, indent="      ")
            continue
        for f in right_before[name]:
            if f in checks and checks[f] is None:
                continue
            regressions.append(f"  {name}: {f}")
            if f in checks:
                regressions += mismatch_lines(f, *checks[f], indent="      ")
            elif "expected" in checks:
                regressions.append(f"      not checked: {checks['expected'][1]}")
            else:
                regressions.append(f"      not checked: the record has no {f}")
        gained += [f"  {name}: {f}" for f, v in checks.items() if v is None and f not in right_before[name]]
    gone = [name for name in right_before if name not in results.pages]
    for name in gone:
        regressions.append(f"  {name}: every recorded field ({', '.join(right_before[name]) or 'none'})")
        regressions.append("      not checked: the page is no longer in tests/gallery/pages")

    now = figures(results)
    problems = []
    if regressions:
        problems += [f"Gallery fields recorded as right in {where} that are wrong now "
                     f"(page: field, expected, got):"] + regressions
    if unrecorded:
        problems += [f"Gallery pages with no entry in {where}, so every field must be right:"] + unrecorded
    if part and now["fields_right"] < part["fields_right"]:
        problems.append(f"Gallery: {now['fields_right']} fields right, below the recorded {part['fields_right']}")

    lines = ["Gallery pages (tests/gallery/pages):", results.field_summary(), versus(now, part)]
    not_right = [f"  {name}: not checked, {checks['expected'][1]}" if "expected" in checks else
                 f"  {name}: wrong {', '.join(f for f, v in checks.items() if v is not None)}"
                 for name, (_, checks) in results.pages.items() if any(v is not None for v in checks.values())]
    lines += [f"not yet fully right ({len(not_right)} of {len(results.pages)} pages):"] + not_right if not_right \
        else ["every page fully right"]
    if gained:
        lines += [f"right now but not recorded in {where} (run --record and review its diff to keep them):"] + gained
    return problems, lines


def mutation_ratchet(results, said, recorded):
    """(problems, summary lines) of the mutations against the recorded figures (None:
    nothing recorded, so every field must be right)."""
    part = recorded["mutations"] if recorded else None
    now = figures(results)
    floor = part["fields_right"] if part else now["fields"]
    lines = [f"Mutations (mutate.py: {said}):"] + results.group_lines("variants", family=mutate.layout_family,
                                                                       totals_only=True)
    lines += [results.field_summary(), versus(now, part, "variants")]
    if part and now["fields"] != part["fields"]:
        lines.append(f"note: the variants now have {now['fields']} fields to check, {part['fields']} when recorded")
    if part and now["fields_right"] > part["fields_right"]:
        lines.append(f"{now['fields_right'] - part['fields_right']} more fields right than recorded "
                     f"(run --record and review its diff to keep them)")
    problems = []
    if now["fields_right"] < floor:
        problems.append(f"Mutations: {now['fields_right']} fields right, below the "
                        + (f"recorded {floor}" if part else f"{floor} checked (nothing recorded)")
                        + "; by layout:")
        problems += results.group_lines("variants", family=mutate.layout_family)
        problems.append("each wrong variant: python3 tests/gallery/gallery_test.py --report")
    return problems, lines


def binary_problem():
    """Why the qbank binary cannot be run, or None: one clear line instead of a page of failures."""
    try:
        result = run("--version")
    except OSError as e:
        return f"cannot run {BIN}: {e}"
    return None if result.returncode == 0 else f"{BIN} --version failed ({result.returncode}): {result.stderr.strip()}"


RERECORD = (f"If this is intended (an expected file corrected, a page added, a layout knowingly given up), run "
            f"python3 tests/gallery/gallery_test.py --record and review the diff of {shown_path(RECORDED)}.")


def say(lines):
    """Summary lines into the test log (ctest keeps it), whether the test passes or not."""
    print("\n" + "\n".join(lines), file=sys.stderr, flush=True)


def run_all(out_dir):
    """(gallery results, mutation results, what mutate.py said, its notes), the variants written into out_dir."""
    gallery = check_gallery()
    said, notes = generate(out_dir)
    return gallery, check_mutations(out_dir), said, notes


def check(path, out=None):
    """--check: the ratchet of the unittest, without unittest. 0 when it holds, else 1."""
    try:
        recorded = load_recorded(path)
    except ValueError as e:
        print(f"FAIL: {e}")
        return 1
    with tempfile.TemporaryDirectory(prefix="qbank-gallery-") as tmp:
        gallery, mutations, said, _ = run_all(Path(out) if out else Path(tmp) / "variants")
    gallery_problems, gallery_lines = gallery_ratchet(gallery, recorded, path)
    mutation_problems, mutation_lines = mutation_ratchet(mutations, said, recorded)
    print("\n".join(gallery_lines + [""] + mutation_lines))
    if gallery_problems or mutation_problems:
        print("\nFAIL:\n" + "\n".join(gallery_problems + mutation_problems + [RERECORD]))
        return 1
    print(f"\nok: no field recorded as right in {shown_path(path)} is wrong, and "
          + ("no fewer fields are right than recorded" if recorded else "every field is right"))
    return 0


def record(path, out=None):
    """--record: runs everything and rewrites the recorded figures; says what changed."""
    try:
        before = load_recorded(path)
    except ValueError as e:
        print(f"{e}; writing it afresh")
        before = None
    with tempfile.TemporaryDirectory(prefix="qbank-gallery-") as tmp:
        gallery, mutations, said, _ = run_all(Path(out) if out else Path(tmp) / "variants")
    gallery_problems, gallery_lines = gallery_ratchet(gallery, before, path)
    mutation_problems, mutation_lines = mutation_ratchet(mutations, said, before)
    print("\n".join(gallery_lines + [""] + mutation_lines))
    if before and (gallery_problems or mutation_problems):
        print(f"\nAgainst the previous {shown_path(path)}, this record accepts:\n"
              + "\n".join(gallery_problems + mutation_problems))
    text = dump_recorded(recorded_figures(gallery, mutations))
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(f"\n{shown_path(path)} unchanged")
        return 0
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"\nwrote {shown_path(path)}; review it with: git diff -- {shown_path(path)}")
    return 0


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

    def recorded(self):
        try:
            return load_recorded()
        except ValueError as e:
            self.fail(str(e))

    def test_gallery_pages(self):
        """The ratchet: no recorded right field goes wrong, no fewer right fields, new pages fully right."""
        if not mutate.gallery_pages(HERE):
            self.skipTest("no gallery pages yet")
        problems, lines = gallery_ratchet(check_gallery(), self.recorded())
        say(lines)
        if problems:
            self.fail("\n" + "\n".join(problems + [RERECORD]))

    def test_mutations(self):
        """The ratchet: no fewer right fields over all the variants than recorded."""
        results = check_mutations(self.variants)
        self.assertGreater(len(results.pages), 0, self.said)
        problems, lines = mutation_ratchet(results, self.said, self.recorded())
        say(lines)
        if problems:
            self.fail("\n" + "\n".join(problems + [RERECORD]))

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
    parser = argparse.ArgumentParser(description="Run the gallery tests, check or rewrite the recorded figures, "
                                                 "or print their report.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--report", action="store_true", help="print the per-page and per-layout report, never fail")
    mode.add_argument("--check", nargs="?", const=str(RECORDED), metavar="FILE",
                      help=f"exit 1 if a field recorded as right in FILE (default {shown_path(RECORDED)}) is wrong, "
                           "fewer fields are right than recorded, or a page not in FILE has a wrong field")
    mode.add_argument("--record", nargs="?", const=str(RECORDED), metavar="FILE",
                      help=f"run everything and rewrite FILE (default {shown_path(RECORDED)}) with today's figures")
    parser.add_argument("--out", metavar="DIR", help="with --report, --check or --record: write the variants "
                                                     "into DIR and keep them")
    args, rest = parser.parse_known_args()
    if not (args.report or args.check or args.record):
        unittest.main(argv=[sys.argv[0], *rest])
        return 0
    problem = binary_problem()
    if problem:
        print(problem)
        return 1
    if args.check:
        return check(args.check, args.out)
    if args.record:
        return record(args.record, args.out)
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

"""End-to-end tests of the qbank binary: exit codes, messages, and JSON output
validated against the JSON Schemas in schema/. Run from the source root with
QBANK_BIN pointing at the built binary (ctest does this)."""

import fcntl
import json
import os
import pty
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path


BIN = os.environ.get("QBANK_BIN", "build/cli/qbank")
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "seeds"
BROKEN = ROOT / "tests" / "data" / "broken"


sys.path.insert(0, str(ROOT / "tests"))
from json_schemas import validator  # noqa: E402


def load_schema(name):
    return validator(ROOT / "schema", name)


RECORD = load_schema("record.schema.json")
SEARCH = load_schema("search.schema.json")
SUMMARY = load_schema("index_summary.schema.json")
CHECK = load_schema("check.schema.json")
STATS = load_schema("stats.schema.json")


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("QBANK_DB", "XDG_DATA_HOME", "NO_COLOR")}
    env.update(extra)
    return env


def read_all(fd):
    """Everything a pty child writes until it exits."""
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    return output.decode()


def run(*args, env=None):
    return subprocess.run([BIN, *args], capture_output=True, text=True, cwd=ROOT, env=env or clean_env())


class IndexedCorpus(unittest.TestCase):
    """Every test gets the sample corpus indexed into a fresh temporary index."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="qbank-cli-")
        self.db = os.path.join(self.tmp, "index")
        result = run("index", "corpus/seeds", "--db", self.db)
        self.assertEqual(result.returncode, 0, result.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def search(self, *args):
        return run("search", *args, "--db", self.db)

    def search_json(self, *args):
        result = self.search(*args, "--json")
        data = json.loads(result.stdout)
        SEARCH.validate(data)
        return result, data


class NormalizeTest(unittest.TestCase):
    def test_every_corpus_page_validates(self):
        for page in sorted(CORPUS.iterdir()):
            result = run("normalize", str(page.relative_to(ROOT)), "--json")
            self.assertEqual(result.returncode, 0, result.stderr)
            record = json.loads(result.stdout)
            RECORD.validate(record)
            self.assertEqual(record["source"], str(page.relative_to(ROOT)))

    def test_id_is_stable_however_the_path_is_spelled(self):
        a = json.loads(run("normalize", "corpus/seeds/000_41899f8394122547.txt", "--json").stdout)
        b = json.loads(run("normalize", "./corpus/seeds/../seeds/000_41899f8394122547.txt", "--json").stdout)
        c = json.loads(run("normalize", str(CORPUS / "000_41899f8394122547.txt"), "--json").stdout)
        self.assertEqual(a["id"], b["id"])
        self.assertEqual(a["id"], c["id"])

    def test_banner_reported_once_with_its_count(self):
        record = json.loads(run("normalize", "corpus/seeds/001_27a37069c9836300.txt", "--json").stdout)
        self.assertEqual(len(record["removed"]), 1)
        self.assertEqual(record["removed"][0]["count"], 8)
        self.assertTrue(record["removed"][0]["text"].startswith("DowngradedOur downstream service providers"))
        self.assertNotIn("Downgraded", json.dumps([record["title"], record["question"], record["sections"]]))

    def test_text_output(self):
        result = run("normalize", "corpus/seeds/000_41899f8394122547.txt")
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith("Driving Large-Scale Technical Evolution\n"))
        self.assertIn("level: Senior\n", result.stdout)

    def test_bad_pages_get_one_clear_line_each(self):
        expected = {
            "binary.txt": "qbank: tests/data/broken/binary.txt:2: error: binary file: NUL byte at offset 5\n",
            "blank.txt": "qbank: tests/data/broken/blank.txt: error: no text left after removing blank space and boilerplate\n",
            "empty.txt": "qbank: tests/data/broken/empty.txt: error: empty file\n",
            "latin1.txt": "qbank: tests/data/broken/latin1.txt:2: error: invalid UTF-8 byte 0xE9 at offset 31; save the file as UTF-8\n",
        }
        for name, message in expected.items():
            result = run("normalize", f"tests/data/broken/{name}", "--json")
            self.assertEqual(result.returncode, 3, name)
            self.assertEqual(result.stderr, message)
            self.assertEqual(result.stdout, "")

    def test_missing_file(self):
        result = run("normalize", "no/such/page.txt")
        self.assertEqual(result.returncode, 3)
        self.assertEqual(result.stderr, "qbank: no/such/page.txt: error: no such file\n")

    def test_many_files_at_once(self):
        pages = [str(p.relative_to(ROOT)) for p in sorted(CORPUS.iterdir())[:2]]
        result = run("normalize", "--json", pages[0], "no/such/page.txt", pages[1])
        self.assertEqual(result.returncode, 3)  # one file was skipped; the others are printed
        self.assertEqual(result.stderr, "qbank: no/such/page.txt: error: no such file\n")
        self.assertEqual([json.loads(line)["source"] for line in result.stdout.splitlines()], pages)


class IndexTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="qbank-cli-")
        self.db = os.path.join(self.tmp, "index")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def stats(self):
        data = json.loads(run("stats", "--json", "--db", self.db).stdout)
        STATS.validate(data)
        return data

    def index_json(self, *args):
        result = run("index", *args, "--json", "--db", self.db)
        summary = json.loads(result.stdout)
        SUMMARY.validate(summary)
        return result, summary

    def test_no_prune_keeps_documents_of_files_gone(self):
        corpus = Path(self.tmp) / "corpus"
        shutil.copytree(CORPUS, corpus)
        self.index_json(str(corpus))
        next(corpus.iterdir()).unlink()
        _, kept = self.index_json(str(corpus), "--no-prune")
        self.assertEqual((kept["removed"], self.stats()["documents"]), (0, 4))
        _, pruned = self.index_json(str(corpus))
        self.assertEqual((pruned["removed"], self.stats()["documents"]), (1, 3))

    def ids_and_sources(self, db):
        data = json.loads(run("search", "", "--db", db, "--limit", "100", "--json").stdout)
        return sorted((h["id"], h["source"]) for h in data["hits"])

    def test_issue17_ids_are_the_same_wherever_the_corpus_lies(self):
        # The same folder in two places (two clones) gives the same ids; each
        # source is an absolute path to its own copy.
        indexes = []
        for place in ("a", "b/deeper"):
            copy = Path(self.tmp) / place / "seeds"
            shutil.copytree(CORPUS, copy)
            db = str(Path(self.tmp) / place / "index")
            self.assertEqual(run("index", str(copy), "--db", db).returncode, 0)
            indexes.append(self.ids_and_sources(db))
            for _, source in indexes[-1]:
                self.assertTrue(source.startswith(str(copy) + "/"), source)
        self.assertEqual([i for i, _ in indexes[0]], [i for i, _ in indexes[1]])
        # ... and the same ids as the folder in the repository, given relative to the working folder.
        self.assertEqual(run("index", "corpus/seeds", "--db", self.db).returncode, 0)
        self.assertEqual([i for i, _ in self.ids_and_sources(self.db)], [i for i, _ in indexes[0]])

    def test_issue17_sources_open_from_any_folder(self):
        self.assertEqual(run("index", "./corpus/seeds/", "--db", self.db).returncode, 0)
        elsewhere = subprocess.run([str(Path(BIN).resolve()), "search", "thundering herd", "--db", self.db, "--json"],
                                   capture_output=True, text=True, cwd=self.tmp, env=clean_env())
        source = json.loads(elsewhere.stdout)["hits"][0]["source"]
        self.assertEqual(source, str(CORPUS / "000_41899f8394122547.txt"))
        self.assertTrue((Path(self.tmp) / source).is_file())  # absolute: the working folder does not matter

    def test_issue17_a_file_keeps_its_ids_when_indexed_through_another_folder(self):
        seeds = Path(self.tmp) / "corpus" / "seeds"
        shutil.copytree(CORPUS, seeds)
        self.index_json(str(seeds))
        before = self.ids_and_sources(self.db)
        # Changed, then reached through the parent folder, then given alone: nothing is renamed.
        page = seeds / "000_41899f8394122547.txt"
        page.write_text(page.read_text() + "\nOne more line about retries.\n")
        _, again = self.index_json(str(seeds.parent))
        self.assertEqual((again["added"], again["updated"]), (0, 1))
        _, alone = self.index_json(str(page))
        self.assertEqual(alone["unchanged"], 1)
        self.assertEqual(self.ids_and_sources(self.db), before)

    def test_summary_line(self):
        first = run("index", "corpus/seeds", "--db", self.db)
        self.assertEqual(first.returncode, 0)
        self.assertRegex(first.stdout, rf"^indexed 4 files into {re.escape(self.db)}: 4 added, 0 updated, 0 unchanged, "
                                       r"0 removed, 0 duplicates, 0 ignored \(not pages\), 0 skipped in \d+\.\d\d s\n$")
        self.assertEqual(first.stderr, "")  # no progress bar when stderr is not a terminal

    def test_second_run_changes_nothing(self):
        _, first = self.index_json("corpus/seeds")
        self.assertEqual((first["added"], first["unchanged"]), (4, 0))
        result, second = self.index_json("./corpus/seeds/")
        self.assertEqual(result.returncode, 0)
        self.assertEqual((second["added"], second["updated"], second["unchanged"], second["removed"]), (0, 0, 4, 0))
        self.assertEqual(self.stats()["documents"], 4)

    def test_bad_files_skipped_rest_indexed(self):
        result, summary = self.index_json("tests/data/broken", str(CORPUS / "000_41899f8394122547.txt"))
        self.assertEqual(result.returncode, 3)
        self.assertEqual(result.stderr.splitlines(), [
            "qbank: tests/data/broken/binary.txt:2: error: binary file: NUL byte at offset 5",
            "qbank: tests/data/broken/blank.txt: error: no text left after removing blank space and boilerplate",
            "qbank: tests/data/broken/empty.txt: error: empty file",
            "qbank: tests/data/broken/latin1.txt:2: error: invalid UTF-8 byte 0xE9 at offset 31; save the file as UTF-8",
        ])
        self.assertEqual(summary["added"], 2)
        self.assertEqual(summary["problems"][0], {"path": "tests/data/broken/binary.txt", "line": 2,
                                                 "message": "binary file: NUL byte at offset 5"})
        self.assertEqual(len(summary["problems"]), 4)
        self.assertEqual(self.stats()["documents"], 2)

    def test_issue12_a_repository_folder_indexes_its_pages_only(self):
        repo = os.path.join(self.tmp, "repo")
        os.makedirs(os.path.join(repo, "src"))
        shutil.copy(CORPUS / "000_41899f8394122547.txt", os.path.join(repo, "question.txt"))
        files = {"README.md": "# Notes\n\n## What is a closure?\n\nA function and its scope.\n",
                 "src/index.js": "module.exports = {\n  a: 1,\n};\n", "package.json": "{\n  \"name\": \"x\"\n}\n",
                 "page.njk": "{% block content %}{{ title }}{% endblock %}\n", "styles.css": "body { margin: 0 }\n",
                 "NOTES": "How would you shard a table?\n\nBy a key that spreads writes.\n"}
        for name, text in files.items():
            with open(os.path.join(repo, name), "w", encoding="utf-8") as f:
                f.write(text)
        with open(os.path.join(repo, "logo.png"), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        with open(os.path.join(repo, "data.bin2"), "wb") as f:
            f.write(b"\x00\x01\x02binary")
        result, summary = self.index_json(repo)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        self.assertEqual(summary["ignored"], 6)  # js, json, njk, css, png, and binary content
        self.assertEqual(summary["problems"], [])
        titles = sorted(h["title"] for h in json.loads(run("search", "", "--db", self.db, "--json").stdout)["hits"])
        self.assertEqual(titles, ["Driving Large-Scale Technical Evolution", "How would you shard a table?",
                                  "What is a closure?"])
        # --format reads what it is told to.
        result, summary = self.index_json(os.path.join(repo, "styles.css"), "--format", "text")
        self.assertEqual((result.returncode, summary["ignored"], summary["added"]), (0, 0, 1))

    def test_max_bytes(self):
        result, summary = self.index_json("corpus/seeds", "--max-bytes", "6000")
        self.assertEqual(result.returncode, 3)
        self.assertEqual(summary["added"], 1)
        self.assertEqual([s["path"] for s in summary["problems"]], [
            "corpus/seeds/001_27a37069c9836300.txt", "corpus/seeds/002_22658396d99d4cfe.txt", "corpus/seeds/003_cb000c7924d76c46.txt"])
        self.assertEqual(summary["problems"][0]["message"],
                         "larger than the 6000 bytes limit (8094 bytes); raise --max-bytes to index it")

    def test_duplicate_and_banner_reported(self):
        pages = os.path.join(self.tmp, "pages")
        shutil.copytree(CORPUS, pages)
        shutil.copy(CORPUS / "000_41899f8394122547.txt", os.path.join(pages, "copy.txt"))
        banner = "Sign up today to unlock every sample answer in the bank."
        for i in range(25):
            with open(os.path.join(pages, f"extra_{i:02d}.txt"), "w", encoding="utf-8") as page:
                page.write(f"How would you design feature number {i} for team {i}?\n{banner}\n"
                           f"## Solution\nStart from the users of feature {i} and their needs.\n")
        result, summary = self.index_json(pages, "--boilerplate-min-pages", "10")
        self.assertEqual(result.returncode, 0)
        self.assertEqual((summary["added"], summary["duplicates"]), (29, 1))
        self.assertEqual(summary["boilerplate"], [{"text": banner, "pages": 25}])
        hits = self.search_json_in("\"thundering herd\"")["hits"]
        self.assertEqual(len(hits), 1)
        record = json.loads(run("show", hits[0]["id"], "--json", "--db", self.db).stdout)
        RECORD.validate(record)
        self.assertEqual(record["duplicates"], [os.path.join(pages, "copy.txt")])

    def search_json_in(self, query):
        data = json.loads(run("search", query, "--json", "--db", self.db).stdout)
        SEARCH.validate(data)
        return data

    def test_second_writer_is_refused(self):
        self.assertEqual(run("index", "corpus/seeds", "--db", self.db).returncode, 0)
        # Hold the index's write lock the way another writer would.
        with open(os.path.join(self.db, "flintlock"), "r+b") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            result = run("index", "corpus/seeds", "--db", self.db)
            searching = run("search", "herd", "--db", self.db)
        self.assertEqual(result.returncode, 4)
        self.assertEqual(result.stderr, f"qbank: index {self.db} is being written by another qbank index\n")
        self.assertEqual(searching.returncode, 0)  # readers are not blocked

    def test_progress_bar_only_on_a_terminal(self):
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(ROOT)
            os.execve(BIN, [BIN, "index", "corpus/seeds", "--db", self.db], clean_env())
        output = read_all(fd)
        os.waitpid(pid, 0)
        self.assertRegex(output, r"\[=+\] 4/4 files, 0\.0 MB, \d+ files/s")
        self.assertIn("4 added", output)

    def test_default_index_location(self):
        env = clean_env(XDG_DATA_HOME=self.tmp)
        self.assertEqual(run("index", "corpus/seeds", env=env).returncode, 0)
        self.assertTrue(os.path.isdir(os.path.join(self.tmp, "qbank", "index")))
        env = clean_env(QBANK_DB=os.path.join(self.tmp, "qbank", "index"), XDG_DATA_HOME="/nonexistent")
        self.assertEqual(run("search", "herd", env=env).returncode, 0)
        env = clean_env(HOME=self.tmp)
        self.assertEqual(run("index", "corpus/seeds", env=env).returncode, 0)
        self.assertTrue(os.path.isdir(os.path.join(self.tmp, ".local", "share", "qbank", "index")))

    def test_stats_text(self):
        run("index", "corpus/seeds", "--db", self.db)
        result = run("stats", "--db", self.db)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, """4 documents

category (1 value)
  2  Behavioral

lang (1 value)
  4  en

level (4 values)
  3  Senior
  1  Junior
  1  Mid
  1  Staff+

tag (12 values, the 10 commonest)
  2  Decision Making
  2  Risk Management
  2  Stakeholder Management
  2  Strategic Planning
  1  Change Management
  1  Communication
  1  Conflict Resolution
  1  Persuasion
  1  Problem Solving
  1  Scalability
  … 2 more: qbank stats --all
""")
        every = run("stats", "--db", self.db, "--all").stdout
        self.assertIn("tag (12 values)\n", every)
        self.assertIn("  1  Technical Leadership\n", every)
        self.assertNotIn("more:", every)


class SearchTest(IndexedCorpus):
    def test_thundering_herd_json(self):
        result, data = self.search_json("thundering herd")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(data["query"], "thundering herd")
        self.assertEqual(data["total"], 1)
        hit = data["hits"][0]
        self.assertEqual(hit["source"], str(CORPUS / "000_41899f8394122547.txt"))
        self.assertEqual(hit["rank"], 1)
        self.assertIn('contention caused a &quot;<mark>thundering</mark> <mark>herd</mark>&quot; effect', hit["excerpt"])
        self.assertEqual(data["facets"]["level"], {"Senior": 1})

    def test_level_filter(self):
        _, data = self.search_json("stakeholder", "--filter", "level:Mid")
        self.assertEqual([h["source"] for h in data["hits"]], [str(CORPUS / "002_22658396d99d4cfe.txt")])
        self.assertEqual(data["facets"]["level"], {"Junior": 1, "Mid": 1, "Senior": 1, "Staff+": 1})

    def test_filters_of_different_fields_all_hold_and_values_of_one_field_any(self):
        _, data = self.search_json("", "--filter", "level:senior", "--filter", "tag:Technical Debt")
        self.assertEqual(data["total"], 1)
        self.assertEqual(data["hits"][0]["source"], str(CORPUS / "001_27a37069c9836300.txt"))
        _, data = self.search_json("", "--filter", "level:senior", "--filter", "tag:Technical Debt",
                                   "--filter", "tag:Communication")
        self.assertEqual(data["total"], 2)

    def test_text_shows_the_ten_commonest_facet_values_and_says_when_there_are_more(self):
        _, data = self.search_json("")
        self.assertEqual(len(data["facets"]["tag"]), 10)  # JSON too: the ten commonest by default
        _, data = self.search_json("", "--facet-limit", "0")
        tags = data["facets"]["tag"]
        self.assertGreater(len(tags), 10)
        line = next(l for l in self.search("").stdout.splitlines() if l.startswith("  tag: "))
        self.assertTrue(line.endswith(", …"), line)
        self.assertEqual(line.count(" ("), 10)
        self.assertIn("(--facet-limit 0 shows every value)", self.search("").stdout)
        self.assertTrue(line.startswith("  tag: Decision Making (2), Risk Management (2), "), line)
        every = next(l for l in self.search("", "--facet-limit", "0").stdout.splitlines() if l.startswith("  tag: "))
        self.assertEqual(every.count(" ("), len(tags))
        self.assertFalse(every.endswith("…"))

    def test_facets_count_all_matches_not_the_page(self):
        _, data = self.search_json("", "--limit", "1")
        self.assertEqual(len(data["hits"]), 1)
        self.assertEqual(data["total"], 4)
        self.assertEqual(data["facets"]["category"], {"Behavioral": 2})
        self.assertEqual(data["facets"]["tag"]["Risk Management"], 2)

    def test_offset(self):
        _, everything = self.search_json("")
        _, page = self.search_json("", "--offset", "3", "--limit", "5")
        self.assertEqual([h["id"] for h in page["hits"]], [h["id"] for h in everything["hits"][3:]])
        self.assertEqual(page["hits"][0]["rank"], 4)

    def test_no_match_exits_1(self):
        result, data = self.search_json("xylophone")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(data["total"], 0)
        self.assertEqual(data["hits"], [])
        plain = self.search("xylophone")
        self.assertEqual(plain.returncode, 1)
        self.assertEqual(plain.stdout, '0 matches for "xylophone"\n')

    def test_misspelling_is_corrected_and_said(self):
        result, data = self.search_json("stakholder managment")
        self.assertEqual(result.returncode, 1)  # issue 14: nothing matched the query as typed
        self.assertEqual(data["corrected_query"], "stakeholder management")
        self.assertIsNone(data["did_you_mean"])
        self.assertFalse(data["relaxed"])
        self.assertGreater(data["total"], 0)
        plain = self.search("stakholder managment")
        self.assertTrue(plain.stdout.startswith(
            'no match for "stakholder managment"; showing "stakeholder management"\n'), plain.stdout)

    def test_relaxed_hits_exit_1_and_say_so(self):
        # Issue 14: no page holds both words; pages with either are shown, and the exit says so.
        result, data = self.search_json("thundering xylophone")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(data["relaxed"])
        self.assertGreater(data["total"], 0)
        self.assertIn("not every word matched", self.search("thundering xylophone").stdout)
        self.assertEqual(self.search("thundering herd").returncode, 0)

    def test_partial_hits_fill_the_page_and_say_so(self):
        # One page holds both words: it comes first, then the pages holding one of them, under a line saying so.
        result, data = self.search_json("herd improvement")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(data["total"], 1)
        self.assertEqual([h["partial"] for h in data["hits"]], [False, True, True])
        lines = self.search("herd improvement").stdout.splitlines()
        self.assertEqual(lines.count("holding only some of the words:"), 1)
        said = lines.index("holding only some of the words:")
        ranks = [i for i, line in enumerate(lines) if line[:3] in ("1. ", "2. ")]
        self.assertEqual(len(ranks), 2, lines)
        self.assertLess(ranks[0], said)
        self.assertGreater(ranks[1], said)

    def test_prefixes_are_searched_and_never_corrected(self):
        # Issue 14: "thund*" was not a typo to correct; it finds "thundering".
        result, data = self.search_json("thund*")
        self.assertEqual(result.returncode, 0)
        self.assertIsNone(data["corrected_query"])
        self.assertEqual(data["wide_prefixes"], [])
        self.assertEqual(data["hits"][0]["source"].rsplit("/", 1)[-1], "000_41899f8394122547.txt")

    def test_excerpt_names_its_section(self):
        _, data = self.search_json("perfection", "--filter", "level:Senior")
        section = data["hits"][0]["excerpt_section"]
        self.assertEqual(section, {"heading": "Sample Answer (Senior)", "kind": "sample_answer", "level": "Senior"})

    def test_explain(self):
        _, data = self.search_json("thundering herd", "--explain")
        explain = data["hits"][0]["explain"]
        self.assertEqual([(t["term"], t["stemmed"], t["fields"]) for t in explain],
                         [("thunder", True, ["answer"]), ("herd", True, ["answer"]),
                          ("thundering herd", False, ["near"])])
        self.assertAlmostEqual(sum(t["score"] for t in explain), data["hits"][0]["score"], places=6)
        _, plain = self.search_json("thundering herd")
        self.assertNotIn("explain", plain["hits"][0])
        text = self.search("thundering herd", "--explain").stdout
        self.assertRegex(text, r"\n +\d+\.\d{3}  thunder\*  in answer\n")

    def test_words_need_no_quotes_and_options_take_one_value(self):
        # Issue 17: every word after `search` is the query; --filter takes one value.
        _, quoted = self.search_json("thundering herd")
        result = run("search", "thundering", "herd", "--db", self.db, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["query"], "thundering herd")
        self.assertEqual(json.loads(result.stdout)["total"], quoted["total"])
        result = run("search", "--filter", "level:Senior", "conflict", "--db", self.db, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        self.assertEqual(data["query"], "conflict")
        after = json.loads(run("search", "conflict", "--filter", "level:Senior", "--db", self.db, "--json").stdout)
        self.assertEqual(data, after)

    def test_user_synonyms(self):
        path = os.path.join(self.tmp, "synonyms.txt")
        Path(path).write_text("stampede, thundering herd\n")
        _, plain = self.search_json("stampede")
        _, data = self.search_json("stampede", "--synonyms", path)
        self.assertEqual((plain["total"], data["total"]), (1, 2))  # 003's "cache stampedes", then 000's herd
        Path(path).write_text("# one member is no group\nstampede\n")
        result = self.search("stampede", "--synonyms", path)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, f"qbank: {path}:2: a synonym group needs two or more words or phrases "
                                        "separated by commas, got 'stampede'\n")

    def test_related(self):
        _, found = self.search_json("thundering herd")
        own = found["hits"][0]["id"]
        result = run("related", own, "--db", self.db, "--json", "--limit", "2")
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        SEARCH.validate(data)
        self.assertEqual(data["query"], "related:" + own)
        self.assertEqual(len(data["hits"]), 2)
        self.assertNotIn(own, [h["id"] for h in data["hits"]])
        missing = run("related", "0000000000000000", "--db", self.db)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("no question with id '0000000000000000'", missing.stderr)

    def test_related_takes_the_options_of_search(self):
        _, found = self.search_json("thundering herd")
        own = found["hits"][0]["id"]
        every = json.loads(run("related", own, "--db", self.db, "--json").stdout)
        self.assertGreaterEqual(len(every["hits"]), 2)
        # The level filter keeps the pages that address that level (one has no level at all).
        result = run("related", own, "--db", self.db, "--json", "--filter", "level:Junior", "--explain")
        self.assertEqual(result.returncode, 0, result.stderr)
        filtered = json.loads(result.stdout)
        SEARCH.validate(filtered)
        self.assertLess(len(filtered["hits"]), len(every["hits"]))
        self.assertTrue(filtered["hits"] and all(h["explain"] for h in filtered["hits"]))
        offset = json.loads(run("related", own, "--db", self.db, "--json", "--offset", "1").stdout)
        self.assertEqual([h["id"] for h in offset["hits"]], [h["id"] for h in every["hits"]][1:])

    def test_bad_query_exits_2(self):
        result = self.search("level:wizard")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, 'qbank: cannot parse query "level:wizard": unknown level \'wizard\': '
                                        'use Junior, Mid, Senior or Staff+\n')
        self.assertEqual(result.stdout, "")
        # Text that breaks the syntax is searched for its words (issue 15).
        self.assertEqual(self.search("OR herd").returncode, 0)

    def test_unknown_filter_field_exits_2(self):
        result = self.search("herd", "--filter", "colour:blue")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, "qbank: cannot filter on 'colour': filter fields are tag, level, category, lang\n")
        result = self.search("herd", "--filter", "nocolon")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, "qbank: a filter is FIELD:VALUE, such as level:Senior; got 'nocolon'\n")

    def test_issue17_fields_sort_highlight_and_facet_limit(self):
        _, data = self.search_json("", "--sort", "source:desc", "--fields", "title,sections", "--facet-limit", "2")
        self.assertEqual([h["id"] for h in data["hits"]],
                         [h["id"] for h in reversed(self.search_json("", "--sort", "source")[1]["hits"])])
        hit = data["hits"][0]
        self.assertEqual(sorted(hit), ["id", "partial", "rank", "score", "sections", "title"])
        self.assertTrue(hit["sections"] and all("text" in s for s in hit["sections"]))
        self.assertEqual(list(data["facets"]["level"].items()), [("Senior", 3), ("Junior", 1)])
        # By the lowest level addressed: 002 has sample answers from Junior up; 003 has no level.
        _, levels = self.search_json("", "--sort", "level", "--fields", "level,source")
        self.assertEqual([(Path(h["source"]).name[:3], h["level"]) for h in levels["hits"]],
                         [("002", None), ("000", "Senior"), ("001", "Senior"), ("003", None)])
        _, marked = self.search_json("thundering herd", "--highlight-open", "<b>", "--highlight-close", "</b>")
        self.assertIn("<b>thundering</b> <b>herd</b>", marked["hits"][0]["excerpt"])
        text = self.search("", "--facet-limit", "1").stdout
        self.assertIn("  level: Senior (3)\n", text)
        for flag, value, message in (("--fields", "title,answers", "no field 'answers' to return"),
                                     ("--sort", "date", "cannot sort by 'date'")):
            result = self.search("herd", flag, value)
            self.assertEqual(result.returncode, 2)
            self.assertIn(message, result.stderr)

    def test_show(self):
        _, data = self.search_json("thundering herd")
        hit_id = data["hits"][0]["id"]
        result = run("show", hit_id, "--json", "--db", self.db)
        self.assertEqual(result.returncode, 0)
        record = json.loads(result.stdout)
        RECORD.validate(record)
        self.assertEqual(record["title"], "Driving Large-Scale Technical Evolution")
        missing = run("show", "0000000000000000", "--db", self.db)
        self.assertEqual(missing.returncode, 1)
        self.assertEqual(missing.stderr, f"qbank: no question with id '0000000000000000' in {self.db}\n")

    def test_bold_only_on_a_terminal_without_no_color(self):
        def on_terminal(env):
            pid, fd = pty.fork()
            if pid == 0:
                os.chdir(ROOT)
                os.execve(BIN, [BIN, "search", "thundering herd", "--db", self.db], env)
            output = read_all(fd)
            os.waitpid(pid, 0)
            return output

        self.assertIn("\x1b[1mthundering\x1b[0m \x1b[1mherd\x1b[0m", on_terminal(clean_env()))
        self.assertNotIn("\x1b[", on_terminal(clean_env(NO_COLOR="1")))
        piped = self.search("thundering herd")
        self.assertNotIn("\x1b[", piped.stdout)
        self.assertIn('caused a "thundering herd" effect', piped.stdout)


class MaintenanceTest(IndexedCorpus):
    def test_check_sound_index(self):
        result = run("check", "--db", self.db)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, f"{self.db}: ok, 4 documents\n")
        report = json.loads(run("check", "--json", "--db", self.db).stdout)
        CHECK.validate(report)
        self.assertEqual(report, {"ok": True, "documents": 4, "tables_checked": True, "problems": []})

    def test_read_only_index_is_not_called_damaged(self):
        # Issue 15: on a read-only filesystem (a bind mount remounted read-only in a user
        # namespace of our own) check passes, index and compact say it cannot be written.
        mount = os.path.join(self.tmp, "ro")
        os.mkdir(mount)
        script = (f'mount --bind "{self.db}" "{mount}" && mount -o remount,ro,bind "{mount}" || exit 99; '
                  f'"{BIN}" check --db "{mount}"; echo "rc=$?"; '
                  f'"{BIN}" index "{CORPUS}" --db "{mount}"; echo "rc=$?"; '
                  f'"{BIN}" compact --db "{mount}"; echo "rc=$?"; '
                  f'"{BIN}" search herd --db "{mount}" --json >/dev/null; echo "rc=$?"')
        result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True)
        if result.returncode == 99 or "unshare" in result.stderr:
            self.skipTest("no user namespaces with mounts here: " + result.stderr.strip())
        self.assertEqual(result.stdout, f"{mount}: ok, 4 documents (tables not checked: the index cannot be written)\n"
                                        "rc=0\nrc=6\nrc=6\nrc=0\n")
        self.assertEqual(result.stderr, f"qbank: cannot write to index {mount}: Read-only file system (it can still be "
                                        "searched)\n" * 2)

    def test_damaged_index_fails_check_and_search_cleanly(self):
        with open(os.path.join(self.db, "postlist.glass"), "r+b") as table:
            table.seek(64)
            table.write(b"\xab" * 4000)
        result = run("check", "--db", self.db)
        self.assertEqual(result.returncode, 5)
        self.assertIn(f"qbank: index {self.db} is damaged\n  rebuild it with: qbank index --full --db {self.db} PATH...\n",
                      result.stderr)
        # No search here: glass blocks carry no checksums, and libxapian 1.4 can crash
        # reading one overwritten with garbage (here, in get_metadata). `check` is the guard.

    def test_compact_in_place(self):
        before = self.search_json("stakeholder")[1]
        result = run("compact", "--db", self.db)
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, rf"^compacted {re.escape(self.db)}: \d+\.\d MB -> \d+\.\d MB\n$")
        self.assertEqual(self.search_json("stakeholder")[1], before)
        self.assertEqual(run("check", "--db", self.db).returncode, 0)


class ShardsTest(unittest.TestCase):
    """The README's shard commands: three shards of one handbook searched through a stub."""

    HANDBOOK = "corpus/handbooks/yangshun__tech-interview-handbook/apps/website/blog/2021-08-19-facebook-career-questions-and-answers.md"

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="qbank-cli-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def test_a_stub_of_shards_searches_as_the_whole_index(self):
        self.assertEqual(run("index", self.HANDBOOK, "--db", self.path("whole")).returncode, 0)
        for k in (1, 2, 3):
            result = run("index", self.HANDBOOK, "--shard", f"{k}/3", "--db", self.path(f"s{k}"))
            self.assertEqual(result.returncode, 0, result.stderr)
        result = run("shards", "write", self.path("all"), *(f"local:{self.path(f's{k}')}" for k in (1, 2, 3)))
        self.assertEqual((result.returncode, result.stdout), (0, f"wrote stub {self.path('all')}: 3 shards\n"))
        whole = json.loads(run("stats", "--json", "--db", self.path("whole")).stdout)
        shards = [json.loads(run("stats", "--json", "--db", self.path(f"s{k}")).stdout)["documents"] for k in (1, 2, 3)]
        self.assertEqual(sum(shards), whole["documents"])
        self.assertTrue(all(n > 0 for n in shards), shards)
        for query in ("resume", "facebook interview", "\"new grad\""):
            with self.subTest(query):
                one = run("search", query, "--json", "--db", self.path("whole"))
                many = run("search", query, "--json", "--db", self.path("all"))
                self.assertEqual(many.returncode, one.returncode, many.stderr)
                a, b = json.loads(one.stdout), json.loads(many.stdout)
                SEARCH.validate(b)
                key = lambda hit: (-round(hit["score"], 9), hit["id"])
                self.assertEqual(sorted(map(key, a["hits"])), sorted(map(key, b["hits"])))
                self.assertEqual((a["total"], a["facets"]), (b["total"], b["facets"]))

    def test_a_shard_that_does_not_answer_is_named_and_fails_the_search_unless_allowed(self):
        for k in (1, 2):
            self.assertEqual(run("index", self.HANDBOOK, "--shard", f"{k}/2", "--db", self.path(f"s{k}")).returncode, 0)
        self.assertEqual(run("shards", "write", self.path("all"), "local:" + self.path("s1"),
                             "local:" + self.path("s2")).returncode, 0)
        with open(os.path.join(self.path("all"), "XAPIANDB"), "a") as stub:
            stub.write("remote 127.0.0.1:1\n")  # a server that is down
        warning = ("qbank: warning: shard remote:127.0.0.1:1 did not answer (Couldn't connect: Connection refused): "
                   "the results are the other shards' only\n")
        result = run("search", "resume", "--json", "--db", self.path("all"))
        self.assertEqual((result.returncode, result.stderr), (7, warning))
        data = json.loads(result.stdout)
        SEARCH.validate(data)
        self.assertEqual(data["missing_shards"],
                         [{"shard": "remote:127.0.0.1:1", "error": "Couldn't connect: Connection refused"}])
        self.assertGreater(data["total"], 0)
        allowed = run("search", "resume", "--allow-partial", "--db", self.path("all"))
        self.assertEqual((allowed.returncode, allowed.stderr), (0, warning))
        stats = run("stats", "--json", "--db", self.path("all"))
        self.assertEqual(stats.returncode, 7)
        self.assertEqual(len(json.loads(stats.stdout)["missing_shards"]), 1)

    def test_judged_queries_give_the_same_over_servers_as_over_local_shards(self):
        # The shipped corpus in 3 shards, each served by xapian-tcpsrv on loopback: every judged query of
        # bench/relevance gives what the stub of the same shards as local folders gives.
        shards = [self.path(f"s{k}") for k in (1, 2, 3)]
        for k, shard in enumerate(shards, 1):
            result = run("index", "corpus", "--exclude", "LICENSE*", "--shard", f"{k}/3", "--db", shard)
            self.assertEqual(result.returncode, 0, result.stderr)
        servers, addresses = [], []
        try:
            for shard in shards:
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", 0))
                    port = probe.getsockname()[1]
                servers.append(subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                                                 str(port), shard], stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL))
                addresses.append(f"remote:127.0.0.1:{port}")
                for _ in range(500):
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=1).close()
                        break
                    except OSError:
                        time.sleep(0.01)
            self.assertEqual(run("shards", "write", self.path("local"), *(f"local:{s}" for s in shards)).returncode, 0)
            result = run("shards", "write", self.path("remote"), *addresses)
            self.assertEqual(result.returncode, 0, result.stderr)
            queries = [json.loads(line) for line in open(ROOT / "bench" / "relevance" / "queries.jsonl")]
            self.assertGreater(len(queries), 100)
            for q in queries:
                args = ["search", q["query"], "--json", "--explain"] + [a for f in q["filters"] for a in ("--filter", f)]
                local = run(*args, "--db", self.path("local"))
                remote = run(*args, "--db", self.path("remote"))
                self.assertEqual((remote.returncode, remote.stderr), (local.returncode, local.stderr), q["query"])
                self.assertEqual(json.loads(remote.stdout), json.loads(local.stdout), q["query"])
        finally:
            for server in servers:
                server.kill()
                server.wait()

    def test_a_shard_is_not_indexed_as_another(self):
        self.assertEqual(run("index", self.HANDBOOK, "--shard", "1/3", "--db", self.path("s1")).returncode, 0)
        result = run("index", self.HANDBOOK, "--db", self.path("s1"))
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, f"qbank: index {self.path('s1')} holds shard 1/3, not every record: "
                                        "run with --shard 1/3, or rebuild it with --full\n")
        for bad in ("0/3", "4/3", "1/0", "2", "1/3x"):
            with self.subTest(bad):
                result = run("index", self.HANDBOOK, "--shard", bad, "--db", self.path("other"))
                self.assertEqual(result.returncode, 2)
                self.assertIn("is no shard: give K/N with 1 <= K <= N", result.stderr)
        self.assertFalse(os.path.exists(self.path("other")))
        result = run("shards", "write", self.path("all"), "local:" + self.path("missing"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("no index at", result.stderr)


class CrashTest(unittest.TestCase):
    """SIGKILL at any moment leaves an index that opens, checks clean, answers, and
    that the next run completes."""

    def test_sigkill_during_a_run(self):
        with tempfile.TemporaryDirectory() as tmp:
            old, new, db = (os.path.join(tmp, name) for name in ("old", "new", "index"))
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "60", old], check=True)
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "300", new, "--seed", "2"],
                           check=True)
            self.assertEqual(run("index", old, "--db", db).returncode, 0)
            args = [BIN, "index", old, new, "--db", db, "--jobs", "1", "--flush-every", "20"]
            for delay in (0.02, 0.1, 0.3, 0.6, 1.0):
                writer = subprocess.Popen(args, cwd=ROOT, env=clean_env(), stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)
                time.sleep(delay)
                writer.send_signal(signal.SIGKILL)
                writer.wait()
                check = run("check", "--json", "--db", db)
                self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
                documents = json.loads(check.stdout)["documents"]
                self.assertIn(documents, (60, 360), f"killed after {delay} s")  # old state or new, never half
                self.assertEqual(run("search", "Variant", "--db", db).returncode, 0)
            finish = run("index", old, new, "--db", db, "--json")
            self.assertEqual(finish.returncode, 0, finish.stderr)
            self.assertEqual(json.loads(run("check", "--json", "--db", db).stdout)["documents"], 360)
            # A killed run of that size was being written beside the index: the next run removed the copy.
            self.assertEqual(sorted(os.listdir(tmp)), ["index", "new", "old"])


class MissingIndexTest(unittest.TestCase):
    def test_missing_index_says_how_to_build_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "none")
            for args in (["search", "herd"], ["show", "abc"], ["stats"]):
                result = run(*args, "--db", db)
                self.assertEqual(result.returncode, 5, args)
                # Issue 17: the hint names the --db given.
                self.assertEqual(result.stderr, f"qbank: no index at {db}\n  build it with: qbank index corpus/ --db {db}\n")
            result = subprocess.run([BIN, "stats"], capture_output=True, text=True,
                                    env=clean_env(QBANK_DB=db))
            self.assertEqual(result.stderr, f"qbank: no index at {db}\n"
                                            "  build it with: qbank index corpus/   (choose its place with --db DIR or QBANK_DB)\n")

    def test_mistyped_path_makes_no_index(self):
        # Issue 17: a path that does not exist is a usage error, and nothing is created.
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "index")
            result = run("index", "/no/such/corpus", "--db", db)
            self.assertEqual(result.returncode, 2)
            self.assertEqual(result.stderr, "qbank: no such file or folder: /no/such/corpus (nothing was indexed)\n")
            self.assertFalse(os.path.exists(db))

    def test_folder_that_is_not_an_index(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = run("search", "herd", "--db", tmp)
            self.assertEqual(result.returncode, 5)
            self.assertTrue(result.stderr.startswith(f"qbank: no index at {tmp}: "), result.stderr)

    def test_mistyped_command_gets_a_suggestion(self):
        # Issue 17: every message starts with "qbank:"; a mistyped command names the closest one.
        result = run("serach", "x")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, "qbank: unknown command 'serach'; did you mean 'search'?\n"
                                        "  see 'qbank --help', or 'qbank COMMAND --help'\n")
        self.assertTrue(run("search").stderr.startswith("qbank: QUERY is required\n"))
        self.assertTrue(run("frobnicate").stderr.startswith("qbank: unknown command 'frobnicate'\n"))

    def test_usage_errors_exit_2(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("search").returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("--help").returncode, 0)
        # Issue 15: counts are whole numbers, said in words when they are not.
        for flag, value, message in (("--offset", "-1", "wants a whole number, 0 or more; got '-1'"),
                                     ("--limit", "abc", "wants a whole number, 0 or more; got 'abc'"),
                                     ("--limit", "20000", "wants at most 10000; got 20000")):
            result = run("search", "herd", flag, value)
            self.assertEqual(result.returncode, 2)
            self.assertIn(f"{flag}: {message}", result.stderr)

    def test_names_and_ids_cannot_drive_the_terminal(self):
        # Issue 15: a file name with an OSC sequence or a newline, an id with an escape and
        # invalid UTF-8: printed escaped, so nothing retitles the terminal or forges a line.
        with tempfile.TemporaryDirectory() as tmp:
            pages = Path(tmp) / "pages"
            pages.mkdir()
            (pages / "a\x1b]0;pwned\x07.txt").write_text("What is a closure?\nA function with its scope.\n")
            (pages / "b\nqbank: all good, 0 errors.txt").write_bytes(b"")
            db = os.path.join(tmp, "index")
            result = run("index", str(pages), "--db", db)
            self.assertEqual(result.returncode, 3)
            self.assertEqual(result.stderr, f"qbank: {pages}/b\\u{{A}}qbank: all good, 0 errors.txt: error: empty file\n")
            found = run("search", "closure", "--db", db)
            self.assertIn("/a\\u{1B}]0;pwned\\u{7}.txt", found.stdout)
            self.assertNotIn("\x1b", found.stdout)
            shown = subprocess.run([BIN, "show", "abc\x1b[2J\u202e", "--db", db], capture_output=True)
            self.assertEqual(shown.returncode, 1)
            self.assertIn(b"'abc\\u{1B}[2J\\u{202E}'", shown.stderr)

    def test_index_that_cannot_be_written_exits_6(self):
        # Issue 15: exit 5 means a missing or damaged index; one that cannot be written is 6.
        with tempfile.TemporaryDirectory() as tmp:
            blocker = os.path.join(tmp, "file")
            Path(blocker).write_text("not a folder")
            result = run("index", str(CORPUS), "--db", os.path.join(blocker, "index"))
            self.assertEqual(result.returncode, 6)
            self.assertEqual(result.stderr, f"qbank: cannot create index {blocker}/index: Not a directory\n")

    def test_formats_come_from_one_table_and_the_readme_shows_it(self):
        result = run("formats")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(re.split(r"\s{2,}", lines[0]), ["FORMAT", "FILES", "RECORDS"])
        rows = [re.split(r"\s{2,}", line) for line in lines[1:]]
        self.assertEqual([r[0] for r in rows], ["text", "markdown", "html", "jsonl"])
        readme = (ROOT / "README.md").read_text()
        for name, files, records in rows:
            extensions, content = [], files
            if files.startswith("."):
                listed, _, content = files.partition(", or ")
                extensions = listed.split()
            cell = ", ".join(f"`{e}`" for e in extensions)
            cell = f"{cell}, or {content}" if cell and content else cell or content
            row = f"| `{name}` | {cell} | {records} |"
            self.assertTrue(row in readme, f"README.md lacks the row {row}")
        # The help and the messages name the same formats.
        help_text = run("index", "--help").stdout
        self.assertIn("auto (by extension and content), text, markdown, html, jsonl", " ".join(help_text.split()))
        bad = run("normalize", "x.txt", "--format", "pdf")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--format wants auto, text, markdown, html or jsonl, got 'pdf'", bad.stderr)

    def test_help_shows_defaults_and_no_artefacts(self):
        index_help = run("index", "--help").stdout
        self.assertIn("--no-prune ", index_help)
        self.assertNotIn("{", index_help)
        for command in ("search", "related"):
            help_text = " ".join(run(command, "--help").stdout.split())
            self.assertIn("hits to show (default: 10)", help_text)
            self.assertIn("hits to skip (default: 0)", help_text)
        self.assertIn("--all", run("stats", "--help").stdout)

    def test_version_names_the_project_and_index_schema(self):
        cmake = (ROOT / "CMakeLists.txt").read_text()
        version = re.search(r"project\(qbank VERSION (\S+)", cmake).group(1)
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, f"qbank {version} (index schema 9)\n")


if __name__ == "__main__":
    unittest.main()

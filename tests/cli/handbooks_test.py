"""End-to-end tests over the real handbooks in corpus/handbooks (Markdown and
MDX in many languages) and the other input formats: everything indexes, a known
question of each repository is found, Chinese and Japanese queries find their
pages. Run from the source root with QBANK_BIN set (ctest does this)."""

import json
import shutil
import tempfile
import unittest
from pathlib import Path

from cli_test import RECORD, SEARCH, SUMMARY, ROOT, run

HANDBOOKS = "corpus/handbooks"


class HandbooksTest(unittest.TestCase):
    """One index of all the handbooks, shared by the tests of this class."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="qbank-handbooks-")
        cls.db = str(Path(cls.tmp) / "index")
        result = run("index", HANDBOOKS, "--exclude", "LICENSE*", "--db", cls.db, "--json")
        cls.result = result
        cls.summary = json.loads(result.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def search(self, query, limit=5):
        result = run("search", query, "--db", self.db, "--limit", str(limit), "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        SEARCH.validate(data)
        return data

    def test_every_file_indexes(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertEqual(self.result.stderr, "")
        SUMMARY.validate(self.summary)
        self.assertEqual(self.summary["problems"], [])
        files = [p for p in (ROOT / HANDBOOKS).rglob("*") if p.is_file() and not p.name.startswith("LICENSE")]
        self.assertEqual(self.summary["files"], len(files))
        # Handbooks hold many questions each: far more records than files.
        self.assertGreater(self.summary["added"] + self.summary["duplicates"], 3 * len(files))

    def assert_first(self, query, title, source_end):
        hit = self.search(query)["hits"][0]
        self.assertEqual(hit["title"], title)
        self.assertTrue(hit["source"].endswith(source_end), hit["source"])

    def test_reactjs_question_list(self):
        self.assert_first("What is JSX", "What is JSX?",
                          "sudheerj__reactjs-interview-questions/README.md#what-is-jsx")

    def test_front_end_quiz(self):
        self.assert_first("explain event delegation", "Explain event delegation",
                          "website/contents/javascript-questions.md#explain-event-delegation")

    def test_tech_interview_guide(self):
        self.assert_first("negotiation rules", "Ten rules of negotiation",
                          "yangshun__tech-interview-handbook/apps/website/contents/negotiation-rules.md")

    def test_system_design_primer(self):
        # Issue 12: the primer's heading that only links to the solution is no record; the solution answers.
        self.assert_first("Design Pastebin", "Design Pastebin.com (or Bit.ly)",
                          "donnemartin__system-design-primer/solutions/system_design/pastebin/README.md")
        # Issue 12: the book's topics are records of their own.
        self.assert_first("CAP theorem", "CAP theorem", "donnemartin__system-design-primer/README.md#cap-theorem")
        self.assert_first("sql vs nosql", "SQL or NoSQL", "donnemartin__system-design-primer/README.md#sql-or-nosql")

    def test_chinese_query(self):
        self.assert_first("渐进式渲染", "什么是渐进式渲染？", "what-is-progressive-rendering/zh-CN.mdx")
        titles = [h["title"] for h in self.search("什么是闭包")["hits"]]
        self.assertIn("什么是闭包（closure），为什么使用闭包？", titles)

    def test_every_record_has_a_language_that_filters(self):
        stats = json.loads(run("stats", "--db", self.db, "--json").stdout)
        langs = stats["facets"]["lang"]
        for lang in ("en", "zh-CN", "ja-JP", "pt-BR", "pl", "tl", "ko", "ru"):
            self.assertIn(lang, langs)
        self.assertNotIn("und", langs)
        # A document merged from copies in several languages counts under each.
        self.assertGreaterEqual(sum(langs.values()), stats["documents"])
        result = run("search", "closure", "--filter", "lang:pt", "--db", self.db, "--json")
        hits = json.loads(result.stdout)["hits"]
        self.assertTrue(hits)
        self.assertTrue(all(h["lang"] == "pt-BR" for h in hits), [h["lang"] for h in hits])
        english = json.loads(run("search", "closure", "--filter", "lang:en", "--db", self.db, "--json").stdout)
        self.assertTrue(all(h["lang"] in ("en", "en-US") for h in english["hits"]))

    def test_japanese_query(self):
        sources = [h["source"] for h in self.search("システム設計", limit=10)["hits"]]
        self.assertTrue(sources and all("README-ja.md" in s for s in sources[:2]), sources)

    def test_question_keeps_its_category_and_code(self):
        hit = self.search("What is JSX")["hits"][0]
        record = json.loads(run("show", hit["id"], "--db", self.db, "--json").stdout)
        RECORD.validate(record)
        self.assertEqual(record["category"], "Core React")
        text = "\n".join(s["text"] for s in record["sections"])
        self.assertIn("```", text)  # the example stays as code
        self.assertNotIn("](", text)  # no Markdown link syntax
        self.assertNotIn("Back to Top", text)

    def test_each_language_is_stemmed_by_its_own_rules(self):
        # Issue 14: Portuguese pages stemmed as Portuguese ("renderização" and
        # "renderizar" share a stem); Polish ones not stemmed at all.
        hits = self.search("renderização progressiva", limit=3)["hits"]
        self.assertTrue(hits and all(h["lang"] == "pt-BR" for h in hits), hits)
        explain = json.loads(run("search", "renderizar", "--filter", "lang:pt", "--explain", "--db", self.db,
                                 "--json").stdout)["hits"][0]["explain"]
        self.assertIn(("renderiz", True), [(t["term"], t["stemmed"]) for t in explain])
        # "jest" is also Polish for "is": English pages first, Polish ones nowhere near.
        result = run("search", "jest snapshot", "--db", self.db, "--limit", "10", "--json")
        self.assertEqual(result.returncode, 1)  # relaxed: no page holds both words
        self.assertFalse([h for h in json.loads(result.stdout)["hits"] if h["lang"] == "pl"])

    def test_pages_in_the_query_language_rank_first(self):
        # Issue 14: the quiz is translated into ten languages, each matching
        # "script async defer" as well as the original does; an English question
        # ranks every English match above every translation (partial hits, holding
        # some of the words, come after all of them, in the same order).
        def langs_of(hits):
            return [h["lang"].split("-")[0] for h in hits if not h["partial"]]
        langs = langs_of(self.search("difference between script async and defer", 40)["hits"])
        self.assertEqual(langs[0], "en")
        self.assertIn("ko", langs)  # translations are still found, below
        self.assertEqual(langs, sorted(langs, key=lambda lang: lang != "en"), langs)
        # A Portuguese question puts Portuguese pages first.
        langs = langs_of(self.search("qual é a diferença entre o script async e o defer", 40)["hits"])
        self.assertEqual(langs[0], "pt")
        self.assertEqual(langs, sorted(langs, key=lambda lang: lang != "pt"), langs)

    def test_relaxed_matches_stay_in_the_query_language(self):
        # Cyrillic tells the language: pages holding "hoisting" in other languages are left out.
        result = run("search", "поднятие hoisting xyzzyq", "--db", self.db, "--limit", "50", "--json")
        data = json.loads(result.stdout)
        self.assertTrue(data["relaxed"])
        self.assertTrue(data["hits"] and all(h["lang"] == "ru" for h in data["hits"]), data["hits"])
        other = json.loads(run("search", "hoisting xyzzyq", "--db", self.db, "--limit", "50", "--json").stdout)
        self.assertGreater(len({h["lang"] for h in other["hits"]}), 1)

    def test_a_prefix_of_too_many_words_is_said(self):
        data = self.search("a*")
        self.assertEqual(data["wide_prefixes"], ["a*"])
        text = run("search", "a*", "--db", self.db, "--limit", "1").stdout
        self.assertIn('"a*" begins too many words: only the commonest were searched; type more letters', text)

    def test_korean_words_are_found_without_their_particles(self):
        # Issue 14: the question says "이벤트 위임에 대해"; "위임" was "corrected" to "위치".
        data = self.search("이벤트 위임", limit=3)
        self.assertIsNone(data["corrected_query"])
        self.assertIn("위임", data["hits"][0]["title"])

    def test_excerpts_answer_in_prose_and_keep_code_lines(self):
        # Issue 14: the answer, not "References: - https://…", and code as code.
        hit = self.search("closure javascript")["hits"][0]
        self.assertEqual(hit["excerpt_section"]["heading"], "Answer")
        self.assertNotIn("https://", hit["excerpt"])
        text = run("search", "react hooks rules", "--db", self.db, "--limit", "1").stdout
        self.assertRegex(text, r'\n   ```\n   // Your ESLint configuration\n   \{\n     "plugins": \[\n')


class FormatsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="qbank-formats-"))
        self.db = str(self.tmp / "index")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_normalize_prints_json_lines_that_index_back(self):
        book = "corpus/handbooks/yangshun__front-end-interview-handbook/website/contents/javascript-questions.md"
        result = run("normalize", book, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        records = [json.loads(line) for line in result.stdout.splitlines()]
        for r in records:
            RECORD.validate(r)
        self.assertGreater(len(records), 40)
        self.assertEqual(records[1]["title"], "Explain event delegation")
        exported = self.tmp / "export.jsonl"
        exported.write_text(result.stdout)
        indexed = json.loads(run("index", str(exported), "--db", self.db, "--json").stdout)
        self.assertEqual(indexed["added"] + indexed["duplicates"], len(records))
        again = json.loads(run("show", records[1]["id"], "--db", self.db, "--json").stdout)
        self.assertEqual(again["sections"], records[1]["sections"])

    def test_bad_json_line_is_reported_rest_indexed(self):
        export = self.tmp / "questions.jsonl"
        export.write_text('{"title": "What is a mutex?"}\n{"title": oops}\n{"title": "What is a semaphore?"}\n')
        result = run("index", str(export), "--db", self.db, "--json")
        self.assertEqual(result.returncode, 3)
        self.assertEqual(result.stderr, f"qbank: {export}:2: error: not valid JSON; line skipped, fix it and index again\n")
        summary = json.loads(result.stdout)
        SUMMARY.validate(summary)
        self.assertEqual(summary["added"], 2)

    def test_format_flag(self):
        page = self.tmp / "page.txt"
        page.write_text("<html><body><nav>Menu</nav><h1>What is a mutex?</h1><p>A lock.</p></body></html>\n")
        auto = json.loads(run("normalize", str(page), "--json").stdout)
        self.assertEqual(auto["title"], "What is a mutex?")  # HTML found by its content
        forced = json.loads(run("normalize", str(page), "--json", "--format", "text").stdout)
        self.assertTrue(forced["title"].startswith("<html>"))
        bad = run("index", str(page), "--db", self.db, "--format", "docx")
        self.assertEqual(bad.returncode, 2)
        self.assertEqual(bad.stderr, "qbank: --format wants auto, text, markdown, html or jsonl, got 'docx'\n")


if __name__ == "__main__":
    unittest.main()

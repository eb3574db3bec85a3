"""End to end, `qbank serve` as a user runs it: every answer of the API validated
against its JSON Schema in schema/, the program's messages and exit codes, and the
page in a real browser (Debian's Chromium, driven by tests/serve/browser_test.mjs).
Run from the source root with QBANK_BIN pointing at the built binary (ctest does this).
QBANK_SCREENSHOTS=DIR keeps the browser test's screenshots there."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request
from pathlib import Path

BIN = os.environ.get("QBANK_BIN", "build/cli/qbank")
ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "serve" / "questions.jsonl"
BROWSER_TEST = ROOT / "tests" / "serve" / "browser_test.mjs"

sys.path.insert(0, str(ROOT / "tests"))
from json_schemas import validator  # noqa: E402

SCHEMAS = {name: validator(ROOT / "schema", f"{name}.schema.json")
           for name in ("search", "record", "stats", "error", "health")}


def start_server(db, log):
    """A `qbank serve` on a free loopback port logging to the file `log`, and that port."""
    server = subprocess.Popen([BIN, "serve", "--db", db, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=log, text=True)
    first = server.stdout.readline()
    if not first.startswith("qbank serve: http://127.0.0.1:"):
        server.kill()
        raise AssertionError(f"no address printed: {first!r}")
    return server, int(first.split(":")[3].split("/")[0])


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="qbank-serve-")
        cls.db = os.path.join(cls.tmp.name, "index")
        subprocess.run([BIN, "index", str(QUESTIONS), str(ROOT / "corpus" / "seeds"), "--db", cls.db],
                       check=True, capture_output=True)
        cls.log = open(os.path.join(cls.tmp.name, "log"), "w")
        cls.server, cls.port = start_server(cls.db, cls.log)

    @classmethod
    def tearDownClass(cls):
        if cls.server.poll() is None:
            cls.server.kill()
            cls.server.wait()
        cls.log.close()
        cls.tmp.cleanup()

    def get(self, target, method="GET"):
        """(status, parsed JSON body) of a request to the server."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{target}", method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def valid(self, schema, target, status=200):
        got, body = self.get(target)
        self.assertEqual(got, status, f"{target}: {body}")
        SCHEMAS[schema].validate(body)
        return body

    def test_every_answer_holds_to_its_schema(self):
        for target in ["/search?q=event+delegation", "/search", "/search?q=failed&explain=true&limit=100",
                       "/search?q=load+balancer&filter=level:Mid&filter=level:Senior&facets=level,lang&sort=level",
                       "/search?q=balncer", "/search?q=jest+snapshot+delegation&fields=title,sections,excerpt",
                       "/search?q=%29"]:
            self.valid("search", target)
        hit = self.valid("search", "/search?q=event+delegation")["hits"][0]
        record = self.valid("record", f"/questions/{hit['id']}")
        self.assertEqual(record["title"], hit["title"])
        self.valid("search", f"/questions/{hit['id']}/related?limit=3")
        self.assertGreater(self.valid("stats", "/stats")["documents"], 6)
        self.valid("health", "/health")

    def test_every_failure_holds_to_the_error_schema(self):
        for target, status, kind in [("/search?limit=abc", 400, "bad_input"), ("/search?q=a&q=b", 400, "bad_input"),
                                     ("/search?filter=colour:red", 400, "bad_input"),
                                     ("/search?facets=colour", 400, "bad_input"),
                                     ("/questions/0000000000000000", 404, "not_found"),
                                     ("/questions/0000000000000000/related", 404, "not_found"),
                                     ("/nowhere", 404, "not_found"), ("/search?q=" + "a" * 9000, 414, "bad_request"),
                                     ("/stats?x=1", 400, "bad_input"), ("/health?x=1", 400, "bad_input"),
                                     ("/questions/" + "q" * 8000, 404, "not_found")]:
            self.assertEqual(self.valid("error", target, status)["error"]["kind"], kind, target)
        status, body = self.get("/search", method="DELETE")
        self.assertEqual(status, 405)
        SCHEMAS["error"].validate(body)

    def test_the_page_searches_filters_opens_and_shows_content_as_text(self):
        if not (ROOT / "tests" / "serve" / "node_modules" / "playwright-core").is_dir():
            self.fail("the browser test's packages are missing: run scripts/install-deps")
        env = dict(os.environ, QBANK_URL=f"http://127.0.0.1:{self.port}")
        result = subprocess.run(["node", str(BROWSER_TEST)], env=env, capture_output=True, text=True, timeout=180)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("7 passed, 0 failed", result.stdout)


class ServeProcessTest(unittest.TestCase):
    """The program around the server: its lines, its exit codes, its stop."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="qbank-serve-")
        self.db = os.path.join(self.tmp.name, "index")
        subprocess.run([BIN, "index", str(QUESTIONS), "--db", self.db], check=True, capture_output=True)

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_signal_stops_it_cleanly_after_logging_each_request(self):
        log = Path(self.tmp.name) / "log"
        with open(log, "w") as out:
            server, port = start_server(self.db, out)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=30) as response:
                self.assertEqual(response.status, 200)
            server.send_signal(signal.SIGTERM)
            self.assertEqual(server.wait(timeout=30), 0)
        self.assertRegex(log.read_text(), r"GET /health 200 [0-9.]+ ms")

    def test_a_port_in_use_and_a_missing_index_exit_with_a_message(self):
        server, port = start_server(self.db, subprocess.DEVNULL)
        try:
            second = subprocess.run([BIN, "serve", "--db", self.db, "--listen", f"127.0.0.1:{port}"],
                                    capture_output=True, text=True, timeout=30)
            self.assertEqual(second.returncode, 2)
            self.assertIn(f"cannot listen on 127.0.0.1:{port}", second.stderr)
            self.assertIn("--listen HOST:PORT", second.stderr)
        finally:
            server.kill()
            server.wait()
        missing = subprocess.run([BIN, "serve", "--db", os.path.join(self.tmp.name, "none"), "--listen", ":0"],
                                 capture_output=True, text=True, timeout=30)
        self.assertEqual(missing.returncode, 5)
        self.assertIn("build it with: qbank index", missing.stderr)
        bad = subprocess.run([BIN, "serve", "--db", self.db, "--listen", "localhost"],
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("has no port", bad.stderr)


if __name__ == "__main__":
    unittest.main()

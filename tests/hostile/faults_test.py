"""Faults on the write path, in the spirit of SQLite's fault tests: every write,
sync and rename of a run fails in turn, through fault_inject.so loaded with
LD_PRELOAD (QBANK_FAULT_LIB). After each failure the run exits 6 ("cannot
write to the index") with a message that names the index and the cause; the
index opens at its last good state (check passes, its questions are still
found); and the next run without the fault does the work. Run from the source
root with QBANK_BIN pointing at the built binary (ctest does this)."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

BIN = os.environ.get("QBANK_BIN", "build/cli/qbank")
FAULT_LIB = os.environ.get("QBANK_FAULT_LIB", "build/tests/libfault_inject.so")
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus" / "seeds"
MAX_POINTS = 60  # fault points tried per kind of run, spread evenly over all of them


def qbank(*args, fault_at=None, calls="write,sync,rename", errno="ENOSPC", count_file=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    if fault_at is not None:
        env.update(LD_PRELOAD=str(Path(FAULT_LIB).resolve()), QBANK_FAULT_AT=str(fault_at),
                   QBANK_FAULT_CALLS=calls, QBANK_FAULT_ERRNO=errno)
        if count_file:
            env["QBANK_FAULT_COUNT_FILE"] = str(count_file)
    return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, env=env, timeout=120)


def points(total):
    """Which of `total` calls to fail: all of them, or MAX_POINTS spread evenly."""
    if total <= MAX_POINTS:
        return list(range(1, total + 1))
    return sorted({1 + round(i * (total - 1) / (MAX_POINTS - 1)) for i in range(MAX_POINTS)})


class WritePathFaultTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="qbank-faults-")
        cls.work = Path(cls.tmp.name)
        pages = sorted(SEEDS.glob("*.txt"))
        cls.corpus = cls.work / "corpus"
        cls.corpus.mkdir()
        for page in pages[:3]:
            shutil.copy(page, cls.corpus)
        cls.good = cls.work / "good"
        result = qbank("index", cls.corpus, "--db", cls.good)
        assert result.returncode == 0, result.stderr
        cls.good_count = cls.documents(cls.good)
        shutil.copy(pages[3], cls.corpus)  # the run under test adds one page
        cls.new_page_title = json.loads(qbank("normalize", pages[3], "--json").stdout.splitlines()[0])["title"]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @staticmethod
    def documents(db):
        result = qbank("stats", "--db", db, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["documents"]

    def fresh_copy(self, name):
        db = self.work / name
        shutil.rmtree(db, ignore_errors=True)
        shutil.copytree(self.good, db)
        return db

    def count_points(self, *args, calls="write,sync,rename"):
        db = self.fresh_copy("count")
        count_file = self.work / "count.txt"
        result = qbank(*args, "--db", db, fault_at=0, calls=calls, count_file=count_file)
        self.assertEqual(result.returncode, 0, result.stderr)
        total = int(count_file.read_text())
        self.assertGreater(total, 0, "the run wrote nothing the shim saw")
        return total

    def assert_last_good_state(self, db, allowed_counts):
        check = qbank("check", "--db", db)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertIn(self.documents(db), allowed_counts)

    def test_index_run_survives_a_failed_write_at_every_point(self):
        total = self.count_points("index", self.corpus)
        for at in points(total):
            for errno, cause in [("ENOSPC", "No space left on device"), ("EIO", "Input/output error")]:
                if errno == "EIO" and at % 3:
                    continue  # EIO takes the same paths; a third of the points suffice
                with self.subTest(at=at, errno=errno):
                    db = self.fresh_copy("index-run")
                    result = qbank("index", self.corpus, "--db", db, fault_at=at, errno=errno)
                    if result.returncode != 0:
                        self.assertEqual(result.returncode, 6, result.stderr)
                        self.assertIn(cause, result.stderr)
                        self.assertIn(str(db), result.stderr)
                        self.assertNotIn("internal error", result.stderr)
                    self.assert_last_good_state(db, {self.good_count, self.good_count + 1})
                    rerun = qbank("index", self.corpus, "--db", db)
                    self.assertEqual(rerun.returncode, 0, rerun.stderr)
                    self.assertEqual(self.documents(db), self.good_count + 1)
                    found = qbank("search", self.new_page_title, "--db", db, "--json")
                    self.assertEqual(found.returncode, 0, found.stderr)

    def test_run_written_beside_survives_a_failed_write_at_every_point(self):
        """Issue 17: with --flush-every 1 the run moves to a copy beside the index at its
        first change, then compacts and swaps it in: a fault anywhere leaves the last
        good index and no copy behind."""
        total = self.count_points("index", self.corpus, "--flush-every", "1")
        failed = 0
        for at in points(total):
            with self.subTest(at=at):
                db = self.fresh_copy("beside-run")
                result = qbank("index", self.corpus, "--db", db, "--flush-every", "1", fault_at=at)
                if result.returncode != 0:
                    failed += 1
                    self.assertEqual(result.returncode, 6, result.stderr)
                    self.assertIn(str(db), result.stderr)
                    self.assertNotIn("internal error", result.stderr)
                self.assert_last_good_state(db, {self.good_count, self.good_count + 1})
                self.assertEqual(sorted(p.name for p in self.work.glob("beside-run*")), ["beside-run"])
                rerun = qbank("index", self.corpus, "--db", db)
                self.assertEqual(rerun.returncode, 0, rerun.stderr)
                self.assertEqual(self.documents(db), self.good_count + 1)
        self.assertGreater(failed, 0, "no fault stopped a run: the faults missed the copy")

    def test_compact_survives_a_failed_write_or_rename_at_every_point(self):
        total = self.count_points("compact")
        renames = self.count_points("compact", calls="rename")
        runs = [(at, "write,sync,rename") for at in points(total)] + [(at, "rename") for at in range(1, renames + 1)]
        for at, calls in runs:
            with self.subTest(at=at, calls=calls):
                db = self.fresh_copy("compact-run")
                result = qbank("compact", "--db", db, fault_at=at, calls=calls)
                if result.returncode != 0:
                    self.assertEqual(result.returncode, 6, result.stderr)
                    self.assertIn("No space left on device", result.stderr)
                    self.assertNotIn("internal error", result.stderr)
                self.assert_last_good_state(db, {self.good_count})
                again = qbank("compact", "--db", db)
                self.assertEqual(again.returncode, 0, again.stderr)
                self.assert_last_good_state(db, {self.good_count})


if __name__ == "__main__":
    unittest.main()

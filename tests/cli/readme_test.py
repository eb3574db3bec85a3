"""The README's command-line examples work as written on the shipped corpus:
each line of its "Using the command line" block runs, in order, against one
fresh index, and the ids it names exist. Lines that name a file the repository
does not ship (your own synonyms, an export) are left out. Run from the source
root with QBANK_BIN set (ctest does this)."""

import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from cli_test import BIN, ROOT, clean_env


def readme_commands():
    """The qbank command lines of the README's first command block, comments removed."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Using the command line"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.startswith("qbank ")]


def names_missing_file(args):
    """Whether a file the line reads (not a pattern it leaves out) is not in the repository."""
    read = [a for before, a in zip(args, args[1:]) if before != "--exclude"]
    return any(re.fullmatch(r"[\w./-]+\.(txt|jsonl|md)", a) and not (ROOT / a).exists() for a in read)


class ReadmeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="qbank-readme-")
        cls.env = clean_env(QBANK_DB=str(Path(cls.tmp) / "index"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_qbank(self, args):
        return subprocess.run([BIN, *args], capture_output=True, text=True, cwd=ROOT, env=self.env)

    def test_every_example_runs_and_its_ids_exist(self):
        commands = readme_commands()
        self.assertEqual(commands[0][:2], ["qbank", "index"])  # the rest need the index
        ran = []
        for args in commands:
            if names_missing_file(args):
                continue
            with self.subTest(" ".join(args)):
                result = self.run_qbank(args[1:])
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertTrue(result.stdout.strip(), "no output")
                ran.append(args[1])
        # Every command of the block but those that read the user's own files ran.
        self.assertGreaterEqual(len(ran), len(commands) - 2)
        self.assertIn("show", ran)
        self.assertIn("related", ran)

    def test_the_shown_id_is_the_record_the_searches_find(self):
        self.run_qbank(readme_commands()[0][1:])
        shown = next(a for a in readme_commands() if a[1] == "show")[2]
        hits = json.loads(self.run_qbank(["search", "thundering herd", "--json"]).stdout)["hits"]
        self.assertEqual(hits[0]["id"], shown)
        self.assertTrue(os.path.isfile(hits[0]["source"]))


if __name__ == "__main__":
    unittest.main()

"""`cmake --install` into a fresh prefix, then programs built against what it put
there: the examples through find_package(qbank) and through pkg-config, the C and
Python examples, the installed command line. Also what the package must not
contain: dependency headers in the public ones, internal symbols in libqbank.

Run by ctest (test 'install') with QBANK_BUILD_DIR set to the build folder.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from json_schemas import validator  # noqa: E402
BUILD = Path(os.environ.get("QBANK_BUILD_DIR", ROOT / "build"))
SEEDS = ROOT / "corpus" / "seeds"
# The seed page that is a Senior behavioural question about conflict and trade-offs.
SENIOR_TITLE = "Balancing Speed and Scalability"


def run(*args, env=None, cwd=None):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, cwd=cwd)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="qbank-install-")
        cls.work = Path(cls.tmp.name)
        cls.prefix = cls.work / "prefix"
        run("cmake", "--install", BUILD, "--prefix", cls.prefix)
        pcs = list(cls.prefix.glob("lib*/**/pkgconfig/qbank.pc"))
        assert len(pcs) == 1, pcs
        cls.pkgconfig_dir = pcs[0].parent
        cls.libdir = cls.pkgconfig_dir.parent
        cls.version = re.search(r"^Version: (\S+)$", pcs[0].read_text(), re.M).group(1)
        major, minor, _ = cls.version.split(".")
        cls.soname = f"libqbank.so.{major}.{minor}" if major == "0" else f"libqbank.so.{major}"

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def index_dir(self, name):
        path = self.work / name
        shutil.rmtree(path, ignore_errors=True)
        return path

    def test_layout(self):
        for relative in ["include/qbank.h", "include/qbank/error.h", "include/qbank/indexer.h",
                         "include/qbank/searcher.h", "include/qbank/json.h", "include/qbank/version.h",
                         "include/qbank/export.h", "bin/qbank", "bin/qbank-serve",
                         "share/qbank/schema/search.schema.json", "share/qbank/schema/record.schema.json",
                         "share/qbank/schema/error.schema.json", "share/qbank/schema/health.schema.json"]:
            self.assertTrue((self.prefix / relative).is_file(), relative)
        # `qbank serve` runs the qbank-serve installed beside it.
        self.assertIn("--listen", run(self.prefix / "bin" / "qbank", "serve", "--help").stdout)
        self.assertFalse(list(self.prefix.rglob("*.in")), "templates are not installed")
        self.assertTrue((self.libdir / f"libqbank.so.{self.version}").is_file())
        self.assertEqual(os.readlink(self.libdir / self.soname), f"libqbank.so.{self.version}")
        self.assertEqual(os.readlink(self.libdir / "libqbank.so"), self.soname)
        cmake_dir = self.libdir / "cmake" / "qbank"
        for name in ["qbankConfig.cmake", "qbankConfigVersion.cmake", "qbankTargets.cmake"]:
            self.assertTrue((cmake_dir / name).is_file(), name)

    def test_soname(self):
        dynamic = run("objdump", "-p", self.libdir / self.soname).stdout
        self.assertRegex(dynamic, rf"SONAME\s+{re.escape(self.soname)}\n")

    def test_public_headers_stand_alone_without_dependency_headers(self):
        include = self.prefix / "include"
        for header in sorted(include.rglob("*.h")):
            text = header.read_text()
            self.assertNotRegex(text, r"#include [<\"](xapian|unicode/|nlohmann|CLI/|schema/|indexer/|query/)",
                                header.name)
            compiler = ["cc", "-std=c99", "-x", "c"] if header.name == "qbank.h" else ["c++", "-std=c++20", "-x", "c++"]
            source = self.work / f"includes-{header.stem}.{'c' if header.name == 'qbank.h' else 'cpp'}"
            source.write_text(f"#include <{header.relative_to(include)}>\n")
            run(*compiler, "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-I", include, source)

    def test_only_the_public_api_is_exported(self):
        symbols = run("nm", "-DC", "--defined-only", self.libdir / self.soname).stdout.splitlines()
        names = [line.split(" ", 2)[2] for line in symbols if line.count(" ") >= 2]
        # Only the C API and the public qbank:: API; no internals, no std or nlohmann instances.
        public = re.compile(r"qbank_\w+$|((typeinfo (name )?for |vtable for )?qbank::(?!(schema|indexer|query)::))")
        self.assertEqual([n for n in names if not public.match(n)], [])
        for expected in ["qbank::Searcher::search(qbank::SearchRequest const&)", "qbank_search", "qbank_indexer_open",
                         "typeinfo for qbank::IndexLockedError"]:
            self.assertIn(expected, names)

    def pkg_config_env(self):
        return dict(os.environ, PKG_CONFIG_PATH=str(self.pkgconfig_dir))

    def examples_made_with_pkg_config(self, name, *targets):
        """A copy of examples/ built by its Makefile against the installed package."""
        source = self.work / name
        shutil.copytree(ROOT / "examples", source, dirs_exist_ok=True)
        run("make", "-C", source, *targets, env=self.pkg_config_env())
        return source

    def check_examples_run(self, folder, *programs):
        """Each program indexes the seeds into a fresh index and finds the Senior conflict question."""
        for program in programs:
            index = self.index_dir(f"index-{folder.name}-{program}")
            output = run(folder / program, index, SEEDS, "conflict").stdout
            self.assertIn("indexed", output)
            self.assertIn(SENIOR_TITLE, output)
            self.assertTrue((index / "iamglass").is_file(), "a real Xapian index on disk")

    def test_examples_build_with_find_package(self):
        build = self.work / "examples-cmake"
        run("cmake", "-S", ROOT / "examples", "-B", build, f"-DCMAKE_PREFIX_PATH={self.prefix}")
        run("cmake", "--build", build)
        self.check_examples_run(build, "search_cpp", "search_c")

    def test_c_only_project_uses_find_package(self):
        project = self.work / "c-only"
        project.mkdir(exist_ok=True)
        shutil.copy(ROOT / "examples" / "search.c", project)
        (project / "CMakeLists.txt").write_text(
            "cmake_minimum_required(VERSION 3.16)\nproject(conly C)\nfind_package(qbank 0.1 REQUIRED)\n"
            "add_executable(search_c search.c)\ntarget_link_libraries(search_c PRIVATE qbank::qbank)\n")
        run("cmake", "-S", project, "-B", project / "build", f"-DCMAKE_PREFIX_PATH={self.prefix}")
        run("cmake", "--build", project / "build")
        self.check_examples_run(project / "build", "search_c")

    def test_find_package_refuses_another_version(self):
        project = self.work / "wants-9"
        project.mkdir(exist_ok=True)
        (project / "CMakeLists.txt").write_text(
            "cmake_minimum_required(VERSION 3.16)\nproject(wants9 CXX)\nfind_package(qbank 9.0 REQUIRED)\n")
        result = subprocess.run(["cmake", "-S", project, "-B", project / "build", f"-DCMAKE_PREFIX_PATH={self.prefix}"],
                                capture_output=True, text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('requested version "9.0"', result.stderr)
        self.assertIn(f"version: {self.version}", result.stderr)

    def test_examples_build_with_pkg_config(self):
        source = self.examples_made_with_pkg_config("examples-pkg-config")
        self.check_examples_run(source, "search_cpp", "search_c")

    def test_c_example_prints_search_json(self):
        source = self.examples_made_with_pkg_config("examples-c-src", "search_c")
        index = self.index_dir("index-c-json")
        output = run(source / "search_c", index, SEEDS, '"thundering herd"').stdout.splitlines()
        self.assertEqual(len(output), 2, output)
        summary = json.loads(output[0].removeprefix("indexed: "))
        result = json.loads(output[1])
        self.validator("index_summary.schema.json").validate(summary)
        self.validator("search.schema.json").validate(result)
        self.assertEqual(summary["added"], 4)
        self.assertEqual(result["query"], '"thundering herd"')  # quotes need no escaping
        self.assertEqual(sorted(result["facets"]), ["category", "level", "tag"])  # the default facets
        self.assertLessEqual(len(result["hits"]), 3)
        self.assertEqual(result["hits"][0]["title"], "Driving Large-Scale Technical Evolution")

    def validator(self, name):
        """A validator for the JSON Schema as installed."""
        return validator(self.prefix / "share" / "qbank" / "schema", name)

    def test_readme_examples_compile_and_run(self):
        readme = (ROOT / "README.md").read_text()
        section = readme[readme.index("## Use as a library"):]
        section = section[:section.index("\n## ", 1)]
        blocks = dict(re.findall(r"```(cpp|c)\n(.*?)```", section, re.S))
        self.assertEqual(sorted(blocks), ["c", "cpp"])
        for language, code in blocks.items():
            work = self.work / f"readme-{language}"
            work.mkdir(exist_ok=True)
            (work / "corpus").unlink(missing_ok=True)
            (work / "corpus").symlink_to(ROOT / "corpus")
            source = work / f"app.{language}"
            source.write_text(code)
            compiler = ["c++", "-std=c++20"] if language == "cpp" else ["cc", "-std=c11"]
            flags = run("pkg-config", "--cflags", "--libs", "qbank",
                        env=self.pkg_config_env()).stdout.split()
            run(*compiler, "-Wall", "-Werror", source, "-o", work / "app", *flags, f"-Wl,-rpath,{self.libdir}")
            output = run(work / "app", cwd=work).stdout
            self.assertIn("thundering herd" if language == "c" else "Driving Large-Scale Technical Evolution", output)
            self.assertTrue((work / "qbank-index" / "iamglass").is_file())

    def test_every_c_api_output_matches_its_schema(self):
        """Each JSON the C API returns, for good input and bad, against the schema installed for it."""
        import ctypes
        lib = ctypes.CDLL(str(self.libdir / self.soname))
        text = ctypes.POINTER(ctypes.c_char)
        handle = ctypes.c_void_p
        for name, args in {
            "qbank_normalize": [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p,
                                ctypes.POINTER(text), ctypes.POINTER(text)],
            "qbank_indexer_open": [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(handle), ctypes.POINTER(text)],
            "qbank_indexer_add_path": [handle, ctypes.c_char_p, ctypes.POINTER(text)],
            "qbank_indexer_commit": [handle, ctypes.POINTER(text), ctypes.POINTER(text)],
            "qbank_searcher_open": [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(handle), ctypes.POINTER(text)],
            "qbank_search": [handle, ctypes.c_char_p, ctypes.POINTER(text), ctypes.POINTER(text)],
            "qbank_related": [handle, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(text), ctypes.POINTER(text)],
            "qbank_find": [handle, ctypes.c_char_p, ctypes.POINTER(text), ctypes.POINTER(text)],
            "qbank_stats": [handle, ctypes.POINTER(text), ctypes.POINTER(text)],
            "qbank_check": [ctypes.c_char_p, ctypes.POINTER(text), ctypes.POINTER(text)],
        }.items():
            getattr(lib, name).argtypes, getattr(lib, name).restype = args, ctypes.c_int
        lib.qbank_free.argtypes = lib.qbank_indexer_close.argtypes = lib.qbank_searcher_close.argtypes = [handle]

        def call(function, *args):
            """The JSON the call's one output holds; fails on any status but OK."""
            result, error = text(), text()
            status = function(*args, ctypes.byref(result), ctypes.byref(error))
            self.assertEqual(status, 0, ctypes.string_at(error).decode() if error else "")
            value = json.loads(ctypes.string_at(result).decode())
            lib.qbank_free(result)
            return value

        record = self.validator("record.schema.json")
        for name, data in [("page.txt", (SEEDS / "000_41899f8394122547.txt").read_bytes()),
                           ("broken.jsonl", b'{"title": "A", "question": "Why?"}\nnot json\n'),
                           ("empty.txt", b"")]:
            result = call(lib.qbank_normalize, data, len(data), name.encode(), None)
            self.validator("file_result.schema.json").validate(result)
            for r in result["records"]:
                record.validate(r)
            self.assertEqual(bool(result["problems"]), name != "page.txt", result["problems"])
        index = self.index_dir("index-schemas")
        indexer, error = handle(), text()
        self.assertEqual(lib.qbank_indexer_open(str(index).encode(), None, ctypes.byref(indexer), ctypes.byref(error)), 0)
        self.assertEqual(lib.qbank_indexer_add_path(indexer, str(SEEDS).encode(), ctypes.byref(error)), 0)
        self.assertEqual(lib.qbank_indexer_add_path(indexer, str(self.work / "no-such-folder").encode(),
                                                    ctypes.byref(error)), 0)
        summary = call(lib.qbank_indexer_commit, indexer)
        lib.qbank_indexer_close(indexer)
        self.validator("index_summary.schema.json").validate(summary)
        self.assertEqual(len(summary["problems"]), 1, summary["problems"])
        searcher = handle()
        self.assertEqual(lib.qbank_searcher_open(str(index).encode(), None, ctypes.byref(searcher), ctypes.byref(error)), 0)
        hits = call(lib.qbank_search, searcher, b'{"query": "conflict", "explain": true}')
        self.validator("search.schema.json").validate(hits)
        first = hits["hits"][0]["id"].encode()
        self.validator("search.schema.json").validate(call(lib.qbank_related, searcher, first, 3))
        record.validate(call(lib.qbank_find, searcher, first))
        self.validator("stats.schema.json").validate(call(lib.qbank_stats, searcher))
        lib.qbank_searcher_close(searcher)
        self.validator("check.schema.json").validate(call(lib.qbank_check, str(index).encode()))

    def test_python_example(self):
        index = self.index_dir("index-python")
        env = dict(os.environ, QBANK_LIBRARY=str(self.libdir / self.soname))
        output = run("python3", ROOT / "examples" / "search.py", index, SEEDS, "thundering herd", env=env).stdout
        self.assertIn("indexed 4 records", output)
        self.assertIn("1. Driving Large-Scale Technical Evolution [Senior]", output)

    def test_python_example_reports_errors(self):
        env = dict(os.environ, QBANK_LIBRARY=str(self.libdir / self.soname))
        blocker = self.work / "a-file"
        blocker.write_text("not a folder")
        result = subprocess.run(["python3", ROOT / "examples" / "search.py", blocker / "index", SEEDS, "x"],
                                capture_output=True, text=True, env=env)
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.startswith(f"qbank: status 6: cannot create index {blocker / 'index'}: "),
                        result.stderr)

    def test_installed_command_line_finds_its_library(self):
        index = self.index_dir("index-cli")
        env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
        run(self.prefix / "bin" / "qbank", "index", "--db", index, SEEDS, env=env)
        output = run(self.prefix / "bin" / "qbank", "search", "--db", index, "conflict", env=env).stdout
        self.assertIn(SENIOR_TITLE, output)


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""qbank from Python through its C API (ctypes): index a folder, then search it.

Usage: search.py INDEX_DIR CORPUS_DIR QUERY
QBANK_LIBRARY names libqbank when it is not where the dynamic loader looks.
"""
import ctypes
import ctypes.util
import json
import os
import sys

lib = ctypes.CDLL(os.environ.get("QBANK_LIBRARY") or ctypes.util.find_library("qbank") or "libqbank.so")
out = ctypes.POINTER(ctypes.c_char)  # text qbank allocates; released with qbank_free
for name, args in {
    "qbank_indexer_open": [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(out)],
    "qbank_indexer_add_path": [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(out)],
    "qbank_indexer_commit": [ctypes.c_void_p, ctypes.POINTER(out), ctypes.POINTER(out)],
    "qbank_searcher_open": [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(out)],
    "qbank_search": [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(out), ctypes.POINTER(out)],
}.items():
    getattr(lib, name).argtypes, getattr(lib, name).restype = args, ctypes.c_int
lib.qbank_indexer_close.argtypes = lib.qbank_searcher_close.argtypes = lib.qbank_free.argtypes = [ctypes.c_void_p]


class QbankError(Exception):
    pass


def call(function, *args):
    """Runs a qbank function whose last argument is the error message; raises on failure."""
    error = out()
    status = function(*args, ctypes.byref(error))
    if status != 0:
        message = ctypes.string_at(error).decode() if error else "out of memory"
        lib.qbank_free(error)
        raise QbankError(f"status {status}: {message}")


def take_text(pointer):
    text = ctypes.string_at(pointer).decode()
    lib.qbank_free(pointer)
    return text


def main(index_dir, corpus_dir, query):
    indexer, summary = ctypes.c_void_p(), out()
    call(lib.qbank_indexer_open, index_dir.encode(), None, ctypes.byref(indexer))
    try:
        call(lib.qbank_indexer_add_path, indexer, corpus_dir.encode())
        call(lib.qbank_indexer_commit, indexer, ctypes.byref(summary))
    finally:
        lib.qbank_indexer_close(indexer)
    print("indexed", json.loads(take_text(summary))["added"], "records")

    searcher, result = ctypes.c_void_p(), out()
    call(lib.qbank_searcher_open, index_dir.encode(), None, ctypes.byref(searcher))
    try:
        # Any SearchRequest option: here the fields a list shows, lowest level first.
        request = json.dumps({"query": query, "limit": 3, "fields": ["title", "level"], "sort": "level"})
        call(lib.qbank_search, searcher, request.encode(), ctypes.byref(result))
    finally:
        lib.qbank_searcher_close(searcher)
    found = json.loads(take_text(result))
    print(found["total"], "matches")
    for hit in found["hits"]:
        print(f'{hit["rank"]}. {hit["title"]}' + (f' [{hit["level"]}]' if hit["level"] else ""))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    try:
        main(*sys.argv[1:])
    except QbankError as e:
        sys.exit(f"qbank: {e}")

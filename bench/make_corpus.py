#!/usr/bin/env python3
"""Writes N synthetic scraped pages built from corpus/ for indexing benchmarks.

Each page is one of the sample pages with its title and one paragraph varied by
seeded random words, so pages are distinct but shaped like real ones.
Usage: bench/make_corpus.py N OUT_DIR [--seed S]
"""

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").iterdir())]
    vocabulary = sorted({w.strip(".,;:()\"'") for text in seeds for w in text.split() if w.isalpha()})
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    width = len(str(args.count))
    for i in range(args.count):
        page = seeds[i % len(seeds)]
        words = " ".join(rng.choice(vocabulary) for _ in range(40))
        page = page.replace("\n\n", f"\n\nVariant {i}: {words}.\n", 1)
        (args.out / f"page_{i:0{width}d}.txt").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()

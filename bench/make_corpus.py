#!/usr/bin/env python3
"""Writes N synthetic scraped pages built from corpus/seeds/ for indexing benchmarks.

Each page is one of the sample pages with a third of its words swapped for
seeded random ones and a paragraph added, so pages keep the shape of real ones
but are distinct questions (not near-duplicates that qbank would merge).
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

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "seeds").iterdir())]
    vocabulary = sorted({w.strip(".,;:()\"'") for text in seeds for w in text.split() if w.isalpha()})
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    width = len(str(args.count))
    for i in range(args.count):
        lines = []
        for line in seeds[i % len(seeds)].split("\n"):
            words = [rng.choice(vocabulary) if w.isalpha() and rng.random() < 0.33 else w for w in line.split(" ")]
            lines.append(" ".join(words))
        page = "\n".join(lines)
        extra = " ".join(rng.choice(vocabulary) for _ in range(40))
        page = page.replace("\n\n", f"\n\nVariant {i}: {extra}.\n", 1)
        (args.out / f"page_{i:0{width}d}.txt").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()

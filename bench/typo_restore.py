#!/usr/bin/env python3
"""How often qbank corrects a generated typo back to the word meant, beside
Xapian's spelling suggestion alone, on two-word phrases of the corpus's titles.

Each phrase of two words of five letters or more, from titles in Latin letters,
gets one edit in one of its words (a letter dropped, added, replaced, or two
swapped; seeded) that makes a word the index does not hold. qbank searches the
phrase; its correction (corrected_query or did_you_mean) restores the word or
not. Xapian alone is get_spelling_suggestion() on the word by itself.

Usage: bench/typo_restore.py [--qbank BIN] [--seed N] [--phrases N] [--misses]
"""

import argparse
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

import xapian

ROOT = Path(__file__).resolve().parents[1]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def run(args):
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    if done.returncode > 1:  # 1: the query as typed matched nothing, which a typo may well do
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return done.stdout


def title_phrases(qbank, db):
    hits = json.loads(run([qbank, "search", "", "--db", db, "--json", "--limit", "10000", "--fields", "title",
                           "--facet-limit", "0"]))["hits"]
    titles = sorted({h["title"].lower() for h in hits if re.fullmatch(r"[A-Za-z ,\-?()]+", h.get("title", ""))})
    phrases = []
    for title in titles:
        words = re.findall(r"[a-z]+", title)
        phrases += [(a, b) for a, b in zip(words, words[1:]) if len(a) >= 5 and len(b) >= 5]
    return phrases


def typo(word, rng):
    i, edit = rng.randrange(len(word)), rng.randrange(4)
    if edit == 0:
        return word[:i] + word[i + 1:]
    if edit == 1:
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if edit == 2:
        return word[:i] + rng.choice(LETTERS) + word[i + 1:]
    return word[:i] + word[i + 1:i + 2] + word[i] + word[i + 2:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qbank", default=str(ROOT / "build" / "cli" / "qbank"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phrases", type=int, default=150, help="how many phrases to try")
    parser.add_argument("--misses", action="store_true", help="print each typo either side got wrong")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="qbank-typos-") as tmp:
        db = str(Path(tmp) / "index")
        run([args.qbank, "index", "corpus", "--exclude", "LICENSE*", "--db", db])
        xdb = xapian.Database(db)
        phrases = title_phrases(args.qbank, db)
        rng.shuffle(phrases)
        tried = by_qbank = by_xapian = 0
        for phrase in phrases[:args.phrases]:
            side = rng.randrange(2)
            meant = phrase[side]
            typed = typo(meant, rng)
            if typed == meant or xdb.term_exists(typed):
                continue
            words = list(phrase)
            words[side] = typed
            result = json.loads(run([args.qbank, "search", " ".join(words), "--db", db, "--json", "--limit", "0"]))
            fix = result.get("corrected_query") or result.get("did_you_mean") or ""
            qbank_word = fix.split()[side] if fix else ""
            xapian_word = xdb.get_spelling_suggestion(typed, 1 if len(typed) <= 4 else 2).decode()
            tried += 1
            by_qbank += qbank_word == meant
            by_xapian += xapian_word == meant
            if args.misses and meant not in (qbank_word, xapian_word) or args.misses and qbank_word != xapian_word:
                print(f"{' '.join(words)!r:40} meant {meant:15} Xapian {xapian_word:15} qbank {qbank_word}")
    print(f"{tried} typos (seed {args.seed}): restored by Xapian's suggestion alone {by_xapian} "
          f"({by_xapian / tried:.0%}), by qbank {by_qbank} ({by_qbank / tried:.0%})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the same interview question in many page layouts, each with the record
qbank should read from it.

A source page is one of the seeds (corpus/seeds/*.txt, with its reviewed record in
tests/golden/normalized/<stem>.json) or a gallery page (tests/gallery/pages/*, with
tests/gallery/expected/<stem>.json). From it the generator takes the fields (title,
question, category, level, tags, lang) and the body, the answer part, as sections
(heading, text): the seeds' reviewed sections; for a gallery page its own text after the
question as a reader sees it (HTML and Markdown rendered, headings kept), without the lines
that hold one of its `absent` chrome snippets or only its metadata, so that the test does
not lean on the parser it tests (`qbank normalize` only where the question cannot be found
in the page). It then writes the question again as:

  breadcrumb-*   a breadcrumb line before the title, one separator each
                 (›, », >, /, |, ·, •), and as HTML and Markdown
  meta-*         a "{level} · {category}" line before or after the title, or
                 "{category} | {level} | ~30 min" after the question
  kv-*           "Key: value" lines (Level, Category, Tags and the noise keys
                 Difficulty, Companies) in varying order, before the title, before
                 the question or after it
  tags-*         skill chips one per line after the level (as the seeds have them),
                 "#tag" hashtags, or a "Skills: a, b, c" list
  chrome-*       a cookie banner, trial counter, "Try it free", nav menu, share
                 buttons, "Related questions", comments and footer around the page
  banner-*       a status banner repeated 3-5 times, glued to the first line
  combo-*        several of these at once

Level words vary over the forms sites use ("L5", "E5", "Staff / Principal", ...).
Each page OUT_DIR/<stem>--<layout>.<ext> gets OUT_DIR/<stem>--<layout>.json, of the
gallery's expected shape: the original's title, question, category, level, tags and
lang, and `absent`: snippets of the chrome and banners the layout added, which must
appear in no field and no section of the record. Title, question, category and tags are
written so that each format shows them as they are: HTML-escaped in HTML, backslash-escaped
(or as code spans, for chips) in Markdown, and every page is checked against what a reader
sees of it (its rendered text); a layout a page cannot be given faithfully is left out with
a note. Non-English pages get the same English chrome, key labels and level words. Everything
is deterministic: the same sources give byte-identical output on every run.

Usage: mutate.py OUT_DIR [--bin QBANK]
"""

import argparse
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus" / "seeds"
GOLDEN = ROOT / "tests" / "golden" / "normalized"
GALLERY = ROOT / "tests" / "gallery"
PAGE_EXTENSIONS = (".txt", ".md", ".html")
SEED = 20260214  # the one seed of every choice made here

LEVEL_FORMS = {
    "Junior": ["Junior", "Entry Level", "New Grad", "L3", "E3"],
    "Mid": ["Mid-Level", "Mid", "L4", "E4"],
    "Senior": ["Senior", "L5", "E5"],
    "Staff+": ["Staff", "Principal", "Staff / Principal", "L6", "E7"],
}

BREADCRUMB_SEPARATORS = [("chevron", "›"), ("guillemet", "»"), ("gt", ">"), ("slash", "/"), ("pipe", "|"),
                         ("middot", "·"), ("bullet", "•")]

# Page chrome, as scrapers keep it: (text as written, snippets that must not survive).
COOKIE = ("We use cookies to improve your experience. Accept all Reject all Cookie settings",
          ["We use cookies to improve your experience", "Accept all Reject all", "Cookie settings"])
TRIAL = ("Upgrade You have 2 free questions left this month.",
         ["You have 2 free questions left this month", "Upgrade You have"])
TRY_FREE = ("Try it free", ["Try it free"])
NAV = ("Home Practice Questions Pricing Blog Log in", ["Practice Questions Pricing", "Pricing Blog Log in"])
SHARE = ("Share: Twitter LinkedIn Facebook Copy link", ["Twitter LinkedIn Facebook", "Copy link"])
FOOTER = ("© 2026 PrepSite Inc. All rights reserved. Terms · Privacy",
          ["© 2026 PrepSite Inc.", "All rights reserved", "Terms · Privacy"])
RELATED_HEADING = "Related questions"
RELATED_POOL = [
    "Design a rate limiter for a public API",
    "Tell me about a time you disagreed with your manager",
    "How would you migrate a monolith to microservices?",
    "Describe a project that failed and what you learned",
    "Explain the CAP theorem with a real example",
    "How do you prioritize technical debt against new features?",
    "Walk me through how you mentor junior engineers",
    "Design a notification service for a mobile app",
]
COMMENTS = [
    ("alex_k", "2 days ago", "Got this exact question in my onsite last month."),
    ("priya.dev", "1 week ago", "The breakdown of trade-offs helped me a lot, thanks for sharing!"),
]
COMMENT_SNIPPETS = ["Comments (2)", "Got this exact question in my onsite last month",
                    "The breakdown of trade-offs helped me a lot", "Load more comments", "alex_k", "priya.dev"]

# Status banners: a label glued to the message, as the seed 001 banner ("DowngradedOur …").
BANNERS = [
    ("Degraded performance", "Our search provider is experiencing elevated error rates, and some practice sessions "
     "may load slowly. Saved answers and the question library are not affected.",
     ["Our search provider is experiencing elevated error rates", "Saved answers and the question library"]),
    ("Scheduled maintenance", "Mock interview rooms will be offline on Sunday from 02:00 to 04:00 UTC while we "
     "upgrade our video servers. Practice questions remain available during the window.",
     ["Mock interview rooms will be offline on Sunday", "remain available during the window"]),
    ("New feature", "AI feedback is now available on every written answer for a limited time. Open any question "
     "and press Get feedback to try it.",
     ["AI feedback is now available on every written answer", "press Get feedback to try it"]),
]

NOISE_KEYS = [("Difficulty", "Medium"), ("Companies", "Amazon, Stripe")]

# Section headings the parser makes up for text it could not place: preamble, not answer.
SYNTHETIC_HEADINGS = {"Before the question", "Details", "Overview"}

QUESTION_WORDS = {"what", "what's", "why", "how", "when", "where", "which", "who", "is", "are", "do", "does", "can",
                  "could", "should", "would", "explain", "describe", "design", "implement", "compare", "tell",
                  "walk", "discuss"}


def default_bin():
    return os.environ.get("QBANK_BIN", "build/cli/qbank")


def resolve_bin(path):
    """A relative binary path is taken from the working directory, else from the source root."""
    p = Path(path)
    if p.is_absolute():
        return str(p)
    return str(p.resolve()) if p.exists() else str(ROOT / p)


def collapse(text):
    return " ".join(text.split())


def normalize(qbank, path, fmt=None):
    """The records `qbank normalize --json` prints for one file."""
    args = [qbank, "normalize", str(path), "--json"] + (["--format", fmt] if fmt else [])
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"qbank normalize {path} failed ({result.returncode}): {result.stderr.strip()}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@dataclass
class Source:
    stem: str
    title: str
    question: str
    category: object  # str or None
    level: object  # str or None
    tags: list
    lang: str
    sections: list  # [(heading, text)]
    content: str  # everything the original record legitimately holds, to keep snippets honest
    text_heading_style: str = "plain"  # "plain" or "atx" ("## heading"), see body_heading_style


@dataclass
class Variant:
    layout: str
    ext: str
    text: str
    absent: list = field(default_factory=list)


# ---------------------------------------------------------------- sources

LEVEL_WORDS = re.compile(r"(?i)\b(?:junior|jr|mid(?:-level)?|intermediate|senior|sr|staff|principal|entry|new|grad|"
                         r"graduate|intern|level|[le]\d)\b")
META_FILLER = re.compile(r"~?\d+ ?min\b|[·|›»>/•,:+~()\-–—]")


def is_meta_line(line, category):
    """A line of level words, the category and separators only: "L5 · Behavioral", "Senior Level"."""
    rest = line.replace(category, " ") if category and category in line else line
    if rest == line and not LEVEL_WORDS.search(line):
        return False
    return not META_FILLER.sub(" ", LEVEL_WORDS.sub(" ", rest)).strip()


def clean_sections(sections, title, question, category, tags, absent):
    """The answer part of a record: no made-up preamble sections, no line that repeats the
    title, question, category or a tag (a copy would make the boilerplate cut remove both),
    no level or meta line, no line holding the page's own chrome. Matters for qbank's record
    of a gallery page (the fallback of gallery_sources), whose preamble may land in the
    sections."""
    drop = {collapse(title), collapse(question)} | {collapse(q) for q in question.splitlines() if q.strip()}
    drop |= {collapse(t) for t in tags}
    if category:
        drop.add(collapse(category))
    drop.discard("")
    out = []
    for s in sections:
        if s["heading"] in SYNTHETIC_HEADINGS:
            continue
        lines = []
        code = False
        for line in s["text"].splitlines():
            if line.strip().startswith("```"):
                code = not code
            bare = collapse(line.lstrip("-*•# "))
            if not code and (bare in drop or is_meta_line(bare, category) or any(a in line for a in absent)):
                continue
            lines.append(line)
        text = "\n".join(lines).strip("\n")
        if text.strip():
            out.append((s["heading"], text))
    return out


def content_of(fields, sections):
    parts = [fields["title"], fields["question"], fields.get("category") or "", *fields.get("tags", [])]
    for heading, text in sections:
        parts += [heading or "", text]
    return "\n".join(parts)


def seed_sources():
    out = []
    for page in sorted(SEEDS.glob("*.txt")):
        golden = GOLDEN / (page.stem + ".json")
        if not golden.exists():
            continue
        rec = json.loads(golden.read_text(encoding="utf-8"))
        fields = {"title": rec["title"], "question": rec["question"], "category": rec.get("category"),
                  "level": rec.get("level"), "tags": rec["tags"]}
        sections = clean_sections(rec["sections"], fields["title"], fields["question"], fields["category"],
                                  fields["tags"], [])
        out.append(Source(page.stem, fields["title"], fields["question"], fields["category"], fields["level"],
                          list(fields["tags"]), "en", sections, content_of(fields, sections)))
    return out


def gallery_pages(gallery=GALLERY):
    pages = gallery / "pages"
    if not pages.is_dir():
        return []
    return sorted(p for p in pages.iterdir() if p.is_file() and p.suffix in PAGE_EXTENSIONS)


# ---- a gallery page's own body: its text after the question

@dataclass
class PageLine:
    kind: str  # "text", "heading", "code" (fence lines included) or "blank"
    text: str  # what a reader sees of the line
    raw: str  # the line as written (Markdown source; the same as text for text and HTML pages)


def txt_lines(text):
    out, fence = [], None
    for line in text.splitlines():
        line = line.rstrip()
        s = line.strip()
        if fence is not None:
            out.append(PageLine("code", line, line))
            if s.startswith(fence) and not s.strip(fence[0]):
                fence = None
            continue
        m = FENCE.match(line)
        if m:
            fence = m.group(1)
            out.append(PageLine("code", s, s))
        elif not s:
            out.append(PageLine("blank", "", line))
        elif (h := ATX.match(s)) and h.group(2):
            out.append(PageLine("heading", h.group(2), line))
        else:
            out.append(PageLine("text", line, line))
    return out


def front_matter(text):
    """(title, body) of a Markdown page with YAML front matter, else ("", text)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return "", text
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            title = next((ln[6:].strip() for ln in lines[1:i] if ln.startswith("title:")), "")
            if len(title) >= 2 and title[0] in "\"'" and title[-1] == title[0]:
                title = title[1:-1]
            return title, "\n".join(lines[i + 1:])
    return "", text


def md_lines(text):
    """The lines of a Markdown page body as a reader sees them: front matter, MDX statements
    and tags, HTML comments, admonition marks and rules dropped; list markers kept."""
    out, fence, comment = [], None, False
    for line in text.splitlines():
        line = line.rstrip()
        s = line.strip()
        if fence is not None:
            out.append(PageLine("code", line, line))
            if s.startswith(fence) and not s.strip(fence[0]):
                fence = None
            continue
        if comment:
            comment = "-->" not in s
            continue
        if s.startswith("<!--"):
            comment = "-->" not in s
            continue
        m = FENCE.match(line)
        if m:
            fence = m.group(1)
            out.append(PageLine("code", s, s))
            continue
        if not s:
            out.append(PageLine("blank", "", line))
            continue
        if re.match(r"^(?:import|export) ", s) or s.startswith(":::") or re.fullmatch(r"</?[A-Za-z][^<>]*>", s) or \
                re.fullmatch(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*", s) or re.fullmatch(r"\|?[ :|-]*-[ :|-]*\|?", s):
            continue
        s = re.sub(r"^(?:>[ \t]?)+", "", s)
        h = ATX.match(s)
        if h:
            if h.group(2):
                out.append(PageLine("heading", md_inline_text(h.group(2)).strip(), line))
            continue
        m = LIST_ITEM.match(line)
        if m and m.group(3).strip():
            marker = "-" if m.group(2) in "*+•" else m.group(2)
            out.append(PageLine("text", ("  " if m.group(1) else "") + marker + " " + md_inline_text(m.group(3)),
                                line))
            continue
        shown = md_inline_text(s).strip()
        out.append(PageLine("text", shown, line) if shown else PageLine("blank", "", line))
    return out


class _HtmlLines(HTMLParser):
    """The lines of an HTML page's body as a reader sees them: one per block, <hN> as headings,
    <li> as "- " items, <pre> as fenced code; <head>, scripts and styles dropped."""
    BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt",
              "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
              "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot",
              "th", "thead", "tr", "ul"}
    SKIP = {"head", "script", "style", "template", "noscript", "svg", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.buf, self.kind, self.item, self.skip, self.pre = [], [], "text", False, 0, None

    def flush(self):
        t = collapse("".join(self.buf))
        self.buf = []
        if t:
            if self.item and self.kind == "text":
                t = "- " + t
                self.item = False
            self.lines.append(PageLine(self.kind, t, t))
        self.kind = "text"

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.skip = 0
        if tag in self.SKIP:
            self.skip += 1
        if self.skip or self.pre is not None:
            return
        if tag == "pre":
            self.flush()
            self.pre = []
        elif tag in self.BLOCKS:
            self.flush()
            if re.fullmatch(r"h[1-6]", tag):
                self.kind = "heading"
            elif tag == "li":
                self.item = True
        elif tag in ("td", "th"):
            self.buf.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if self.pre is not None:
            if tag == "pre":
                code = "".join(self.pre).strip("\n").splitlines()
                fence = "`" * max(3, 1 + max((len(r) for r in re.findall(r"`+", "".join(self.pre))), default=0))
                self.lines += [PageLine("code", ln, ln) for ln in [fence, *code, fence]]
                self.pre = None
            return
        if tag in self.BLOCKS:
            self.flush()
            if tag in ("ul", "ol"):
                self.item = False

    def handle_data(self, data):
        if self.skip:
            return
        if self.pre is not None:
            self.pre.append(data)
        else:
            self.buf.append(data)


def html_lines(text):
    parser = _HtmlLines()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.lines


def joined(lines, attr):
    """The lines' text joined by newlines, and where each line starts in it."""
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(getattr(ln, attr)) + 1
    return "\n".join(getattr(ln, attr) for ln in lines), starts


def line_at(starts, offset):
    return max(i for i, st in enumerate(starts) if st <= offset)


def locate(lines, text):
    """The index of the line where `text` ends, matched word by word, or None."""
    words = re.findall(r"\w+", text)
    if not words:
        return None
    body, starts = joined(lines, "text")
    m = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", body)
    return line_at(starts, m.end() - 1) if m else None


def marked_lines(lines, snippets):
    """Indices of the lines holding one of the snippets (a snippet may span lines), in the
    text a reader sees or as written."""
    marked = set()
    for attr in ("text", "raw"):
        body, starts = joined(lines, attr)
        for snip in snippets:
            if not snip.split():
                continue
            for m in re.finditer(r"\s+".join(map(re.escape, snip.split())), body):
                marked.update(range(line_at(starts, m.start()), line_at(starts, m.end() - 1) + 1))
    return marked


META_LABEL = re.compile(r"(?:^|(?<=[\s·|•,;]))[^\s:：·|•,;]+(?: [^\s:：·|•,;]+){0,2} ?[:：]")
META_NOISE = re.compile(r"(?i)~?\b\d+ ?(?:min(?:ute)?s?|h|hours?)\b|\d+ ?分|\b(?:easy|medium|hard)\b|"
                        r"\b(?:asked at|asked by|companies)\b[^·|•]*")
META_SEPARATORS = re.compile(r"[·|›»>/•,;、，；:：+~()\[\]\-–—*`#]")


def is_metadata_line(text, category, tags):
    """A line of the page's metadata only: labels, the category, tags, level words, durations,
    difficulty words and separators ("Tags: SQL, Indexing", "Staff • Infrastructure • 60 min")."""
    rest = META_LABEL.sub(" ", collapse(text))
    hit = 0
    for x in sorted((x for x in [category, *tags] if x), key=len, reverse=True):
        rest, k = re.subn(r"(?<!\w)" + re.escape(x) + r"(?!\w)", " ", rest)
        hit += k
    rest, k = LEVEL_WORDS.subn(" ", rest)
    hit += k
    rest = META_SEPARATORS.sub(" ", META_NOISE.sub(" ", rest))
    return hit > 0 and not rest.strip()


def is_plain_heading(lines, i, dropped):
    """A text page's heading: a short line without closing punctuation after a blank line
    (or a dropped one), with text under it."""
    t = lines[i].text.strip()
    before = lines[i - 1] if i else None
    return (before is None or before.kind == "blank" or i - 1 in dropped) and i + 1 < len(lines) and \
        0 < len(t) <= 60 and len(t.split()) <= 8 and not re.search(r"[.,;:!?…。？！：、\"”')]$", t) and \
        not LIST_ITEM.match(t) and "://" not in t


def tidy(buf):
    out = []
    for ln in buf:
        if ln.strip() or (out and out[-1].strip()):
            out.append(ln if ln.strip() else "")
    while out and not out[-1].strip():
        out.pop()
    if sum(1 for ln in out if FENCE.match(ln)) % 2:
        out.append("```")
    return "\n".join(out)


def page_sections(page, fields, absent):
    """(sections, problem): the page's own text after the question, as [(heading or None,
    text)], without the lines holding one of its chrome snippets (`absent`), without lines of
    its metadata or repeating its title or question. The text is what a reader sees: plain
    lines, "- " items and fenced code."""
    text = page.read_text(encoding="utf-8")
    fm_title = ""
    if page.suffix == ".html":
        lines = html_lines(text)
    elif page.suffix == ".md":
        fm_title, text = front_matter(text)
        lines = md_lines(text)
    else:
        lines = txt_lines(text)
    end = locate(lines, fields["question"])
    if end is None:
        if fm_title and collapse(fm_title) in (collapse(fields["question"]), collapse(fields["title"])):
            end = -1  # the question is the front matter's title: the body is all of the page
        else:
            return [], "the question is not found in the page text"
    repeats = {collapse(fields["title"]), collapse(fields["question"])}
    repeats |= {collapse(q) for q in fields["question"].splitlines() if q.strip()}
    dropped = marked_lines(lines, absent)
    for i, ln in enumerate(lines):
        if ln.kind in ("text", "heading") and (collapse(ln.text.lstrip("-*•# ")) in repeats or
                                               (ln.kind == "text" and is_metadata_line(
                                                   ln.text, fields["category"], fields["tags"]))):
            dropped.add(i)
    sections, heading, buf, had_lines = [], None, [], False

    def close():
        body = tidy(buf)
        if body or (heading is not None and not had_lines):
            sections.append((heading, body))

    for i in range(end + 1, len(lines)):
        ln = lines[i]
        if i in dropped:
            had_lines |= ln.kind != "blank"
            if ln.kind != "code":
                buf.append("")
            continue
        if ln.kind == "heading" or (page.suffix == ".txt" and ln.kind == "text" and
                                    is_plain_heading(lines, i, dropped)):
            close()
            heading, buf, had_lines = ln.text.strip(), [], False
            continue
        had_lines |= ln.kind != "blank"
        buf.append(ln.text if ln.kind != "blank" else "")
    close()
    while sections and not sections[-1][1]:  # a heading with nothing under it to the end of the page
        sections.pop()
    if not any(t for _, t in sections):
        return [], "no text after the question"
    return sections, None


def gallery_sources(qbank, gallery=GALLERY, notes=None):
    """The gallery pages as sources: the fields of their expected files and the body of the
    page itself (page_sections), or, where that cannot be found, of one `qbank normalize` run."""
    out = []
    for page in gallery_pages(gallery):
        expected_path = gallery / "expected" / (page.stem + ".json")
        try:
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            if not isinstance(expected, dict):
                raise ValueError(f"{expected_path.name} is not a JSON object")
        except FileNotFoundError:
            if notes is not None:
                notes.append(f"skipped gallery page {page.name}: no expected file yet")
            continue
        except (OSError, ValueError) as e:
            if notes is not None:
                notes.append(f"skipped gallery page {page.name}: {e}")
            continue
        fields = {"title": expected.get("title"), "question": expected.get("question"),
                  "category": expected.get("category"), "level": expected.get("level"),
                  "tags": expected.get("tags", [])}
        if not isinstance(fields["title"], str) or not isinstance(fields["question"], str) or \
                fields["level"] not in [*LEVEL_FORMS, None] or not isinstance(fields["tags"], list):
            if notes is not None:
                notes.append(f"skipped gallery page {page.name}: its expected file is not of the gallery's shape")
            continue
        sections, problem = page_sections(page, fields, expected.get("absent", []))
        if problem:
            try:
                records = normalize(qbank, page)
            except RuntimeError as e:
                records = []
                problem += f"; {e}"
            if notes is not None:
                notes.append(f"{page.name}: body from qbank normalize ({problem})")
            if records:
                sections = clean_sections(records[0]["sections"], fields["title"], fields["question"],
                                          fields["category"], fields["tags"], expected.get("absent", []))
        out.append(Source(page.stem, fields["title"], fields["question"], fields["category"], fields["level"],
                          list(fields["tags"]), expected.get("lang") or "en", sections, content_of(fields, sections)))
    return out


def body_heading_style(qbank, source):
    """"plain" when the text parser reads the body's first plain heading line as a heading
    (so the body cannot run into the preamble), else "atx" ("## heading", which text pages
    also use). Decided by one probe page, so a layout's result never hinges on it."""
    first = next((h for h, _ in source.sections if h), None)
    if first is None:
        return "plain"
    probe = "Probe page title\n\nWhat is the probe question?\n\n" + text_body(source, "plain") + "\n"
    with tempfile.TemporaryDirectory(prefix="qbank-mutate-") as tmp:
        path = Path(tmp) / "probe.txt"
        path.write_text(probe, encoding="utf-8")
        try:
            records = normalize(qbank, path)
        except RuntimeError:
            return "atx"
    # A body that opens with text under no heading (a gallery page's) may run into the question
    # here as on the page itself; only the heading is probed then.
    lead = source.sections[0][0] is None
    ok = records and (lead or records[0]["question"] == "What is the probe question?") and \
        first in [s["heading"] for s in records[0]["sections"]]
    return "plain" if ok else "atx"


# ---------------------------------------------------------------- rendering helpers

def text_body(source, style=None):
    style = style or source.text_heading_style
    mark = "## " if style == "atx" else ""
    return "\n\n".join("\n\n".join(x for x in [f"{mark}{h}" if h else "", t] if x) for h, t in source.sections)


def is_question_heading(heading):
    h = re.sub(r"^\d+[.)] ", "", heading.strip())
    for label in ("Q:", "Q.", "Question:"):
        if h.startswith(label):
            h = h[len(label):].strip()
    if h.endswith("?") or h.endswith("？"):
        return True
    first, _, rest = h.partition(" ")
    return first.lower() in QUESTION_WORDS and bool(rest)


def md_body(source):
    # Two question-like "##" headings would make a Markdown handbook of the page: the body
    # is not what is tested, so such headings are written as bold lines instead.
    questiony = sum(bool(h) and is_question_heading(h) for h, _ in source.sections) >= 2
    parts = []
    for h, t in source.sections:
        if h:
            parts.append(f"**{md_escape(h)}**" if questiony and is_question_heading(h) else f"## {md_escape(h)}")
        if t:
            parts.append(md_block(t))
    return "\n\n".join(parts)


# ---- what a reader sees of a page, and text written so that the reader sees it as it is

ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*)>")
INLINE_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*"
                         r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>", re.S)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
LIST_ITEM = re.compile(r"^(\s*)([-*+•]|\d{1,9}[.)])[ \t]+(.*)$")


def is_punct(c):
    return c in ASCII_PUNCT or unicodedata.category(c)[0] in "PS"


def _link_end(s, i):
    """(label, end) of an inline link or image "[label](dest)" starting at s[i] == "[", or None."""
    depth, j = 0, i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                break
        j += 1
    else:
        return None
    if not s.startswith("(", j + 1):
        return None
    depth, k = 0, j + 1
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return s[i + 1:j], k + 1
        elif c == "\n":
            return None
        k += 1
    return None


def md_inline_text(s):
    """The text a CommonMark (GitHub dialect) renderer shows of inline Markdown: backslash
    escapes resolved, code spans as their content, links and images as their text, entity
    references decoded, inline HTML dropped, emphasis and strikethrough marks dropped. An
    unmatched emphasis mark is dropped too: close enough for a containment check."""
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in ASCII_PUNCT:
            out.append(s[i + 1])
            i += 2
            continue
        if c == "`":
            j = i
            while j < n and s[j] == "`":
                j += 1
            run, k, close = j - i, j, -1
            while True:
                k = s.find("`" * run, k)
                if k < 0:
                    break
                e = k + run
                if e < n and s[e] == "`":  # a longer run: skip it whole
                    while e < n and s[e] == "`":
                        e += 1
                    k = e
                    continue
                close = k
                break
            if close < 0:
                out.append(s[i:j])
                i = j
                continue
            code = s[j:close].replace("\n", " ")
            if len(code) >= 2 and code[0] == " " and code[-1] == " " and code.strip(" "):
                code = code[1:-1]
            out.append(code)
            i = close + run
            continue
        if c == "<":
            m = AUTOLINK.match(s, i)
            if m:
                out.append(m.group(1))
                i = m.end()
                continue
            m = INLINE_HTML.match(s, i)
            if m:
                i = m.end()
                continue
        if c == "&":
            m = ENTITY.match(s, i)
            if m:
                out.append(html.unescape(m.group(0)))
                i = m.end()
                continue
        if c == "[" or (c == "!" and s.startswith("[", i + 1)):
            link = _link_end(s, i + (c == "!"))
            if link:
                out.append(md_inline_text(link[0]))
                i = link[1]
                continue
        if c in "*_~":
            j = i
            while j < n and s[j] == c:
                j += 1
            prev = s[i - 1] if i > 0 else " "
            nxt = s[j] if j < n else " "
            left = not nxt.isspace() and (not is_punct(nxt) or prev.isspace() or is_punct(prev))
            right = not prev.isspace() and (not is_punct(prev) or nxt.isspace() or is_punct(nxt))
            if c == "_":
                delimiter = (left and (not right or is_punct(prev))) or (right and (not left or is_punct(nxt)))
            elif c == "~":
                delimiter = j - i <= 2 and (left or right)
            else:
                delimiter = left or right
            if not delimiter:
                out.append(s[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def md_visible(text):
    """What a reader sees of a Markdown page, line by line: block marks (headings, quotes,
    list markers, fences) and HTML comments dropped, code kept as written."""
    out, fence, comment = [], None, False
    for line in text.splitlines():
        s = line.strip()
        if fence is not None:
            if s.startswith(fence) and not s.strip(fence[0]):
                fence = None
            else:
                out.append(line)
            continue
        if comment:
            comment = "-->" not in s
            continue
        if s.startswith("<!--"):
            comment = "-->" not in s
            continue
        m = FENCE.match(line)
        if m:
            fence = m.group(1)
            continue
        s = re.sub(r"^(?:>[ \t]?)+", "", s)
        m = ATX.match(s)
        if m:
            s = m.group(2) or ""
        else:
            m = LIST_ITEM.match(s)
            if m:
                s = m.group(3)
        out.append(md_inline_text(s))
    return "\n".join(out)


def html_visible(text):
    text = re.sub(r"(?is)<head>.*?</head>|<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", " ", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def visible_text(ext, text):
    """What a reader sees of a page: HTML tags dropped and entities decoded, Markdown rendered."""
    if ext == "html":
        return html_visible(text)
    if ext == "md":
        return md_visible(text)
    return text


def md_escape(s):
    """Text as Markdown that renders as the text itself, line by line: the marks that would
    start a code span, emphasis, a link, an HTML tag, an entity or a block escaped."""
    lines = []
    for line in s.splitlines() or [""]:
        line = line.strip()
        out = []
        for i, c in enumerate(line):
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if c in "\\`*[]~" or (c == "_" and not (prev.isalnum() and nxt.isalnum())) or \
                    (c == "<" and (nxt.isalpha() or nxt in "/!?")) or (c == "&" and ENTITY.match(line, i)) or \
                    (c == "#" and (prev.isspace() or i + 1 == len(line))):
                out.append("\\" + c)
            else:
                out.append(c)
        t = "".join(out)
        m = re.match(r"^(\d{1,9})([.)])", t)
        if m:
            t = m.group(1) + "\\" + t[m.end(1):]
        elif t[:1] in ("-", "+", "=", ">", "|", ":"):
            t = "\\" + t
        lines.append(t)
    return "\n".join(lines)


def md_code(s):
    """A code span showing s as it is (as a chip: `tag`)."""
    longest = max((len(r) for r in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or (s.startswith(" ") and s.endswith(" ")) else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def md_block(text):
    """Body text (plain lines, "- " items, fenced code) as Markdown that shows the same text."""
    out, fence = [], None
    for line in text.splitlines():
        s = line.strip()
        if fence is not None:
            out.append(line)
            if s.startswith(fence) and not s.strip(fence[0]):
                fence = None
            continue
        m = FENCE.match(s)
        if m:
            fence = m.group(1)
            out.append(s)
            continue
        if not s:
            out.append("")
            continue
        m = LIST_ITEM.match(line)
        if m:
            marker = "-" if m.group(2) in "*+•" else m.group(2)
            out.append(("  " if m.group(1) else "") + marker + " " + md_escape(m.group(3)))
        else:
            out.append(md_escape(s))
    if fence is not None:
        out.append(fence)
    return "\n".join(out)


def esc(s):
    return html.escape(s, quote=False)


def esc_attr(s):
    return html.escape(s, quote=True)


def html_text_block(text):
    """Section text as HTML: fenced code as <pre>, list items as <ul>, other lines as <p>."""
    out, items, code = [], [], None
    for line in text.splitlines():
        if code is not None:
            if line.strip().startswith("```"):
                out.append("<pre><code>" + esc("\n".join(code)) + "</code></pre>")
                code = None
            else:
                code.append(line)
            continue
        stripped = line.strip()
        m = re.match(r"^(?:[-*+•]|\d+[.)]) (.*)$", stripped)
        if m:
            items.append(m.group(1))
            continue
        if items:
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
            items = []
        if stripped.startswith("```"):
            code = []
        elif stripped:
            out.append(f"<p>{esc(stripped)}</p>")
    if items:
        out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
    if code is not None:
        out.append("<pre><code>" + esc("\n".join(code)) + "</code></pre>")
    return "\n".join(out)


def html_body(source):
    return "\n".join("<section>\n" + (f"<h2>{esc(h)}</h2>\n" if h else "") + html_text_block(t) + "\n</section>"
                     for h, t in source.sections)


def html_question(source):
    return "\n".join(f"<p>{esc(line.strip())}</p>" for line in source.question.splitlines() if line.strip())


# ---------------------------------------------------------------- the generator

class Builder:
    """Variants of one source page. Level words rotate through their forms, one step per
    variant that states a level, starting at an offset fixed by the page's stem."""

    def __init__(self, source, notes=None):
        self.s = source
        self.notes = notes if notes is not None else []
        self.variants = []
        self.offset = zlib.crc32(source.stem.encode("utf-8"))
        self.level_step = 0
        self.related = self.pick_related()

    # ---- small pieces

    def rng(self, layout):
        return random.Random(f"{SEED}:{self.s.stem}:{layout}")

    def next_level_word(self):
        if not self.s.level:
            return None
        forms = LEVEL_FORMS[self.s.level]
        word = forms[(self.offset + self.level_step) % len(forms)]
        self.level_step += 1
        return word

    def pick_related(self):
        pool = [t for t in RELATED_POOL if t not in self.s.content and t != self.s.title] or RELATED_POOL
        start = self.offset % len(pool)
        return [pool[(start + i) % len(pool)] for i in range(3)]

    def honest(self, snippets):
        """Only snippets the original record does not hold itself can be required absent."""
        seen, out = set(), []
        for s in snippets:
            if s and s not in self.s.content and s not in seen:
                seen.add(s)
                out.append(s)
        return out

    def add(self, layout, ext, text, absent=()):
        text = text.strip("\n") + "\n"
        variant = Variant(layout, ext, text, self.honest(list(absent)))
        problem = self.self_check(variant)
        if problem:  # a layout this page cannot be given faithfully: left out, not guessed at
            self.notes.append(f"skipped {self.s.stem}--{layout}: {problem}")
            return
        self.variants.append(variant)

    def self_check(self, v):
        """Why the page is not faithful, or None: a reader of the page (its rendered text, for
        HTML and Markdown) must see what its expected file says it holds, and every snippet
        required absent must really be on it: a check that cannot fail proves nothing."""
        shown = collapse(visible_text(v.ext, v.text))
        wanted = [self.s.title, self.s.question, *(self.s.tags or [])] + ([self.s.category] if self.s.category else [])
        missing = [w for w in wanted if collapse(w) not in shown]
        missing += [f"absent snippet {a!r}" for a in v.absent if collapse(a) not in shown]
        if missing:
            return "the page does not show " + ", ".join(show_short(m) for m in missing)
        return None

    def title_lines(self):
        """The title line, unless the title is the question itself."""
        return [] if collapse(self.s.title) == collapse(self.s.question) else [self.s.title]

    def question_text(self):
        return self.s.question.strip()

    def crumb(self, sep, level_word):
        parts = ["Home", "Question Bank"] + ([self.s.category] if self.s.category else []) + \
                ([level_word] if level_word else [])
        return f" {sep} ".join(parts), [f"Home {sep} Question Bank"]

    def meta_short(self, level_word):  # "{level} · {category}"
        parts = ([level_word] if level_word else []) + ([self.s.category] if self.s.category else [])
        return " · ".join(parts)

    def meta_long(self, level_word):  # "{category} | {level} | ~30 min"
        parts = ([self.s.category] if self.s.category else []) + ([level_word] if level_word else [])
        return " | ".join(parts + ["~30 min"])

    def tags_line(self):
        return "Tags: " + ", ".join(self.s.tags) if self.s.tags else ""

    def kv_lines(self, layout, level_word):
        pairs = []
        if level_word:
            pairs.append(("Level", level_word))
        if self.s.category:
            pairs.append(("Category", self.s.category))
        if self.s.tags:
            pairs.append(("Tags", ", ".join(self.s.tags)))
        pairs += NOISE_KEYS
        self.rng(layout).shuffle(pairs)
        return pairs

    def banner(self, layout):
        rng = self.rng(layout)
        label, message, snippets = BANNERS[rng.randrange(len(BANNERS))]
        return label + message, rng.randint(3, 5), [(label + message[:20]).rstrip()] + snippets

    def seed_form(self, level_word, tag_form="chips"):
        """The seeds' own layout: "The Question", category, title, question, level, chips."""
        lines = ["The Question"]
        if self.s.category:
            lines.append(self.s.category)
        lines.append("")
        if self.title_lines():
            lines += [self.s.title, ""]
        lines.append(self.question_text())
        if level_word:
            lines.append(level_word)
        if self.s.tags:
            if tag_form == "chips":
                lines += self.s.tags
            elif tag_form == "hashtags":
                lines += ["#" + t for t in self.s.tags]
            elif tag_form == "skills":
                lines.append("Skills: " + ", ".join(self.s.tags))
        return "\n".join(lines)

    def body(self):
        return text_body(self.s)

    def top_chrome(self):
        text = "\n".join([COOKIE[0], NAV[0], TRIAL[0], TRY_FREE[0]])
        return text, COOKIE[1] + NAV[1] + TRIAL[1] + TRY_FREE[1]

    def bottom_chrome(self):
        lines = [RELATED_HEADING] + [f"- {t}" for t in self.related] + ["", "Comments (2)"]
        for user, when, said in COMMENTS:
            lines += [f"{user} · {when}", said, "Reply"]
        lines += ["Load more comments", "", FOOTER[0]]
        return "\n".join(lines), [RELATED_HEADING] + self.related + COMMENT_SNIPPETS + FOOTER[1]

    # ---- layouts

    def breadcrumbs(self):
        for name, sep in BREADCRUMB_SEPARATORS:
            word = self.next_level_word()
            crumb, absent = self.crumb(sep, word)
            blocks = [crumb, *self.title_lines(), self.question_text(), self.tags_line(), self.body()]
            self.add(f"breadcrumb-{name}", "txt", "\n\n".join(b for b in blocks if b), absent)
        word = self.next_level_word()
        crumb, absent = self.crumb("›", word)
        self.add("breadcrumb-html", "html", self.html_page(word, crumb="›", tags="ul"), absent)
        word = self.next_level_word()
        crumb, absent = self.crumb("»", word)
        self.add("breadcrumb-md", "md", self.md_page(word, crumb="»", tags="line"), absent)

    def meta_lines(self):
        if not (self.s.level or self.s.category):
            return
        word = self.next_level_word()
        blocks = [self.meta_short(word), *self.title_lines(), self.question_text(), self.tags_line(), self.body()]
        self.add("meta-before-title", "txt", "\n\n".join(b for b in blocks if b))
        word = self.next_level_word()
        head = "\n".join([*self.title_lines(), self.meta_short(word)])
        blocks = [head, self.question_text(), self.tags_line(), self.body()]
        self.add("meta-after-title", "txt", "\n\n".join(b for b in blocks if b))
        word = self.next_level_word()
        after = "\n".join(b for b in [self.meta_long(word), self.tags_line()] if b)
        blocks = [*self.title_lines(), self.question_text(), after, self.body()]
        self.add("meta-after-question", "txt", "\n\n".join(b for b in blocks if b))
        word = self.next_level_word()
        self.add("meta-html", "html", self.html_page(word, meta=True, tags="ul"))
        word = self.next_level_word()
        self.add("meta-md", "md", self.md_page(word, meta=True, tags="line"))

    def key_values(self):
        for position in ("before-title", "before-question", "after-question"):
            layout = f"kv-{position}"
            word = self.next_level_word()
            kv = "\n".join(f"{k}: {v}" for k, v in self.kv_lines(layout, word))
            if position == "before-title":
                blocks = [kv, *self.title_lines(), self.question_text()]
            elif position == "before-question":
                blocks = ["\n".join([*self.title_lines(), kv]), self.question_text()]
            else:
                blocks = [*self.title_lines(), self.question_text(), kv]
            self.add(layout, "txt", "\n\n".join([*blocks, self.body()]))
        word = self.next_level_word()
        self.add("kv-html", "html", self.html_page(word, kv=True))
        word = self.next_level_word()
        self.add("kv-md", "md", self.md_page(word, kv=True))

    def tag_forms(self):
        if not self.s.tags:
            return
        for form in ("chips", "hashtags", "skills"):
            word = self.next_level_word()
            self.add(f"tags-{form}", "txt", self.seed_form(word, form) + "\n\n" + self.body())
        word = self.next_level_word()
        self.add("tags-html", "html", self.html_page(word, level_line=True, category_line=True, tags="ul"))
        word = self.next_level_word()
        self.add("tags-md", "md", self.md_page(word, meta=True, tags="code"))

    def chrome(self):
        top, top_absent = self.top_chrome()
        bottom, bottom_absent = self.bottom_chrome()
        share = SHARE[0]
        word = self.next_level_word()
        self.add("chrome-top", "txt", "\n\n".join([top, self.seed_form(word), self.body()]), top_absent)
        word = self.next_level_word()
        self.add("chrome-bottom", "txt", "\n\n".join([self.seed_form(word), share, self.body(), bottom]),
                 SHARE[1] + bottom_absent)
        word = self.next_level_word()
        self.add("chrome-all", "txt", "\n\n".join([top, self.seed_form(word), share, self.body(), bottom]),
                 top_absent + SHARE[1] + bottom_absent)
        word = self.next_level_word()
        self.add("chrome-html", "html", self.html_page(word, level_line=True, category_line=True, tags="ul",
                                                       chrome=True), top_absent + SHARE[1] + bottom_absent)
        word = self.next_level_word()
        self.add("chrome-md", "md", self.md_page(word, meta=True, tags="line", chrome=True),
                 top_absent + SHARE[1] + bottom_absent)

    def banners(self):
        layout = "banner-marker"
        banner, n, absent = self.banner(layout)
        word = self.next_level_word()
        self.add(layout, "txt", banner * n + self.seed_form(word) + "\n\n" + self.body(), absent)

        layout = "banner-own-lines"  # as the seed 001 has it: glued copies, two lines of them
        banner, n, absent = self.banner(layout)
        word = self.next_level_word()
        self.add(layout, "txt", banner * n + "\n" + banner * n + "\n" + self.seed_form(word) + "\n\n" + self.body(),
                 absent)

        layout = "banner-title"  # glued to the title (or the question) itself
        banner, n, absent = self.banner(layout)
        word = self.next_level_word()
        head = "\n".join([*self.title_lines(), self.meta_short(word)] if self.meta_short(word) else self.title_lines())
        blocks = [b for b in [head, self.question_text(), self.tags_line(), self.body()] if b]
        self.add(layout, "txt", banner * n + "\n\n".join(blocks), absent)

    def combos(self):
        top, top_absent = self.top_chrome()
        bottom, bottom_absent = self.bottom_chrome()

        layout = "combo-breadcrumb-chrome-banner"
        banner, n, b_absent = self.banner(layout)
        word = self.next_level_word()
        crumb, c_absent = self.crumb("›", word)
        blocks = [top, crumb, *self.title_lines(), self.question_text(), self.tags_line(), SHARE[0], self.body(),
                  bottom]
        self.add(layout, "txt", banner * n + "\n\n".join(b for b in blocks if b),
                 b_absent + top_absent + c_absent + SHARE[1] + bottom_absent)

        layout = "combo-meta-kv-chrome"
        word = self.next_level_word()
        kv = "\n".join(f"{k}: {v}" for k, v in self.kv_lines(layout, word))
        blocks = [top, self.meta_short(word), *self.title_lines(), self.question_text(), kv, self.body(), bottom]
        self.add(layout, "txt", "\n\n".join(b for b in blocks if b), top_absent + bottom_absent)

        layout = "combo-seed-chrome-banner"
        banner, n, b_absent = self.banner(layout)
        word = self.next_level_word()
        self.add(layout, "txt", banner * n + "\n\n".join([top, self.seed_form(word), self.body(), bottom]),
                 b_absent + top_absent + bottom_absent)

        word = self.next_level_word()
        crumb, c_absent = self.crumb("»", word)
        self.add("combo-html", "html", self.html_page(word, crumb="»", meta=True, tags="ul", chrome=True,
                                                      use_main=False), c_absent + top_absent + SHARE[1] + bottom_absent)

        layout = "combo-md"
        banner, n, b_absent = self.banner(layout)
        word = self.next_level_word()
        crumb, c_absent = self.crumb("/", word)
        self.add(layout, "md", banner * n + self.md_page(word, crumb="/", meta=True, tags="line", chrome=True),
                 b_absent + c_absent + top_absent + SHARE[1] + bottom_absent)

    # ---- HTML and Markdown pages

    def html_page(self, word, crumb=None, meta=False, kv=False, level_line=False, category_line=False, tags=None,
                  chrome=False, use_main=True):
        s = self.s
        out = ['<!DOCTYPE html>', f'<html lang="{esc_attr(s.lang)}">', '<head>', '<meta charset="utf-8">',
               f"<title>{esc(s.title)} | PrepSite</title>", '</head>', '<body>']
        if chrome:
            out.append('<div class="cookie-banner"><p>We use cookies to improve your experience.</p> '
                       '<a href="#accept">Accept all</a> <a href="#reject">Reject all</a> '
                       '<a href="#settings">Cookie settings</a></div>')
            out.append('<div class="site-menu"><a href="/">Home</a> <a href="/practice">Practice</a> '
                       '<a href="/questions">Questions</a> <a href="/pricing">Pricing</a> <a href="/blog">Blog</a> '
                       '<a href="/login">Log in</a></div>')
        out.append('<main>' if use_main else '<div class="page">')
        if chrome:
            out.append('<div class="upsell">Upgrade You have 2 free questions left this month. '
                       '<a class="cta" href="/trial">Try it free</a></div>')
        if crumb:
            parts = [("/", "Home"), ("/questions", "Question Bank")]
            if s.category:
                parts.append(("/questions/" + s.category.lower().replace(" ", "-"), s.category))
            links = [f'<a href="{esc_attr(h)}">{esc(t)}</a>' for h, t in parts]
            if word:
                links.append(f'<span>{esc(word)}</span>')
            out.append('<div class="breadcrumbs">' + f" {crumb} ".join(links) + "</div>")
        if category_line and s.category:
            out.append(f'<div class="category">{esc(s.category)}</div>')
        out.append(f"<h1>{esc(s.title)}</h1>")
        if meta and self.meta_short(word):
            spans = ([f'<span class="level">{esc(word)}</span>'] if word else []) + \
                    ([f'<span class="category">{esc(s.category)}</span>'] if s.category else [])
            out.append('<div class="meta">' + " · ".join(spans) + "</div>")
        if self.title_lines():
            out.append('<div class="question">\n' + html_question(s) + "\n</div>")
        if level_line and word:
            out.append(f'<div class="level-badge">{esc(word)}</div>')
        if kv:
            out.append("<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in
                                        self.kv_lines("kv-html", word)) + "</dl>")
        if tags == "ul" and s.tags:
            out.append('<ul class="tags">' + "".join(
                f'<li><a href="/tags/{esc_attr(t.lower().replace(" ", "-"))}">{esc(t)}</a></li>' for t in s.tags) + "</ul>")
        if chrome:
            out.append('<div class="share">Share: <a href="#tw">Twitter</a> <a href="#li">LinkedIn</a> '
                       '<a href="#fb">Facebook</a> <a href="#copy">Copy link</a></div>')
        out.append(html_body(s))
        if chrome:
            out.append('<div class="related"><h3>Related questions</h3><ul>' + "".join(
                f'<li><a href="/q/{i}">{esc(t)}</a></li>' for i, t in enumerate(self.related)) + "</ul></div>")
            comments = "".join(f'<div class="comment"><div class="author">{esc(u)} · {esc(w)}</div><p>{esc(c)}</p>'
                               f'<a href="#reply">Reply</a></div>' for u, w, c in COMMENTS)
            out.append(f'<div class="comments"><h3>Comments (2)</h3>{comments}'
                       '<a href="#more">Load more comments</a></div>')
        out.append('</main>' if use_main else '</div>')
        if chrome:
            out.append('<footer>© 2026 PrepSite Inc. All rights reserved. <a href="/terms">Terms</a> · '
                       '<a href="/privacy">Privacy</a></footer>')
        out += ['</body>', '</html>']
        return "\n".join(out)

    def md_page(self, word, crumb=None, meta=False, kv=False, tags=None, chrome=False):
        s = self.s
        blocks = []
        if chrome:
            blocks += [COOKIE[0],
                       "[Home](/) [Practice](/practice) [Questions](/questions) [Pricing](/pricing) [Blog](/blog) "
                       "[Log in](/login)",
                       "Upgrade You have 2 free questions left this month. [Try it free](/trial)"]
        if crumb:
            parts = ["[Home](/)", "[Question Bank](/questions)"] + ([f"[{md_escape(s.category)}](/c)"] if s.category
                                                                   else []) + ([md_escape(word)] if word else [])
            blocks.append(f" {crumb} ".join(parts))
        blocks.append(f"# {md_escape(s.title)}")
        if meta and self.meta_short(word):
            blocks.append(f"*{md_escape(self.meta_short(word))}*")
        if self.title_lines():
            blocks.append(md_escape(self.question_text()))
        if kv:
            blocks.append("\n".join(f"- **{k}:** {md_escape(v)}" for k, v in self.kv_lines("kv-md", word)))
        if tags == "line" and s.tags:
            blocks.append("Tags: " + md_escape(", ".join(s.tags)))
        elif tags == "code" and s.tags:
            blocks.append(" ".join(md_code(t) for t in s.tags))
        if chrome:
            blocks.append("Share: [Twitter](#tw) [LinkedIn](#li) [Facebook](#fb) [Copy link](#copy)")
        blocks.append(md_body(s))
        if chrome:
            blocks.append(f"### {RELATED_HEADING}\n\n" + "\n".join(f"- [{t}](/q/{i})" for i, t in
                                                                  enumerate(self.related)))
            comments = ["### Comments (2)"]
            for u, w, c in COMMENTS:
                comments += [f"**{u}** · {w}", c, "Reply"]
            comments.append("Load more comments")
            blocks.append("\n\n".join(comments))
            blocks.append(FOOTER[0])
        return "\n\n".join(blocks)


def expected_of(source, variant):
    return {"title": source.title, "question": source.question, "category": source.category,
            "level": source.level, "tags": source.tags, "lang": source.lang, "absent": variant.absent}


def show_short(text, limit=80):
    return repr(text if len(text) <= limit else text[:limit - 20] + "…" + text[-19:])


def variants_of(source, notes=None):
    b = Builder(source, notes)
    b.breadcrumbs()
    b.meta_lines()
    b.key_values()
    b.tag_forms()
    b.chrome()
    b.banners()
    b.combos()
    return b.variants


def sources(qbank, gallery=GALLERY, notes=None):
    found = seed_sources() + gallery_sources(qbank, gallery, notes)
    for s in found:
        s.text_heading_style = body_heading_style(qbank, s)
        if notes is not None and s.text_heading_style == "atx":
            first = next(h for h, _ in s.sections if h)
            notes.append(f"{s.stem}: body headings written as '## heading' in text pages "
                         f"(its first heading, {first!r}, is not read as one on its own line)")
    return found


def write_all(out_dir, qbank, gallery=GALLERY, notes=None):
    """Writes every variant of every source page and its expected JSON; returns [(page, expected, layout)]."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources(qbank, gallery, notes):
        for v in variants_of(source, notes):
            name = f"{source.stem}--{v.layout}"
            page = out_dir / f"{name}.{v.ext}"
            expected = out_dir / f"{name}.json"
            page.write_text(v.text, encoding="utf-8")
            expected.write_text(json.dumps(expected_of(source, v), ensure_ascii=False, indent=2) + "\n",
                                encoding="utf-8")
            written.append((page, expected, v.layout))
    return written


FAMILIES = ["breadcrumb", "meta", "kv", "tags", "chrome", "banner", "combo"]  # the order layouts are written in


def layout_family(layout):
    return layout.split("-", 1)[0]


def layout_rank(layout):
    """Sort key: by family in generation order, then by name."""
    family = layout_family(layout)
    return (FAMILIES.index(family) if family in FAMILIES else len(FAMILIES), layout)


def layout_of(path):
    """'000_41899f8394122547--breadcrumb-gt.txt' -> 'breadcrumb-gt'."""
    return Path(path).stem.rsplit("--", 1)[1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", metavar="OUT_DIR")
    parser.add_argument("--bin", default=default_bin(), help="the qbank binary (default: $QBANK_BIN or build/cli/qbank)")
    args = parser.parse_args(argv)
    qbank = resolve_bin(args.bin)
    if not os.access(qbank, os.X_OK):
        parser.error(f"no qbank binary at {qbank}")
    notes = []
    written = write_all(args.out_dir, qbank, notes=notes)
    for n in notes:
        print("note:", n, file=sys.stderr)
    pages = len({Path(p).stem.rsplit("--", 1)[0] for p, _, _ in written})
    skipped = sum(n.startswith("skipped ") and "--" in n.split(":", 1)[0] for n in notes)
    print(f"wrote {len(written)} variants of {pages} pages to {args.out_dir}"
          + (f" ({skipped} left out, see the notes)" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

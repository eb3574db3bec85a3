#!/usr/bin/env python3
"""How the Markdown handbooks in corpus/handbooks/ come out of `qbank normalize`.

For every Markdown/MDX file under corpus/handbooks (LICENSE*, SOURCES.md,
CONTRIBUTING and CODE_OF_CONDUCT skipped) it counts

  - question headings: ATX headings outside code fences, front matter and HTML
    comments, at any level and also inside list items ("1.  ### What is JSX?"),
    that a reader would call an interview question: they end with (or contain) a
    question mark in any script, or they ask by command or question word in the
    file's language (the tables in QUESTION_RULES below, English always too);
  - the records `qbank normalize FILE --json` gives: question records (source has
    a "#anchor"); empty records (every section empty, whether or not there is a
    question -- a handbook record's question is just its heading -- or nothing in
    them but links, or only "TODO"; --verbose and --json say which); records over
    16 KB of text (title + question + section headings and texts, UTF-8 bytes);
    and question headings that no record has for its title (both compared without
    numbering like "1. ", Markdown and HTML marks, punctuation and case). A
    heading without a record that sits under a question heading with one is a
    sub-question inside that record's answer: counted, and marked "~" / "inside".
    A heading whose whole answer is a link to another Markdown page of the corpus
    makes no record but lends that page its title: it counts as having one
    (marked ">" / "lent").

Prints one Markdown table per repository and totals per language.
--verbose lists every heading counted (and the rule that counted it), marking
those without a record, and the empty and oversized records; --json prints all
of it as one JSON document instead.

Usage: bench/handbook_records.py [--qbank BIN] [--only SUBSTRING] [--verbose] [--json]
"""

import argparse
import html
import json
import os
import re
import subprocess
import urllib.parse
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HANDBOOKS = "corpus/handbooks"
BIG = 16 * 1024  # bytes of title + question + section headings and texts
SKIP = re.compile(r"^(LICENSE|SOURCES\.md$|CONTRIBUTING|CODE_OF_CONDUCT)", re.I)

# ---------------------------------------------------------------------------
# What counts as a question heading.
#
# A heading (Markdown marks, HTML tags and leading numbering removed) is a
# question when
#   1. it ends with a question mark (? ？ ؟ ⸮), closing quotes, brackets and
#      emphasis aside, or has one before a further sentence ("Why use srcset?
#      Explain the process..."), or opens with the Spanish ¿; or
#   2. a rule of the file's language or of English matches and none of that
#      language's `not` patterns does.
# Every rule is a regular expression searched in the plain heading text (use ^
# and $ to anchor; matching ignores case).  `name` is shown by --verbose.
# ---------------------------------------------------------------------------

QUESTION_MARKS = "?？؟⸮"

# Interrogative inversion without the question mark: "What is X", "How do I ...".
_EN_AUX = r"(is|are|was|were|do|does|did|can|could|would|should|will|shall|has|have|had|may|might|must)"
_EN_SUBJ = r"(you|your|i|we|they|he|she|it|there|this|that|these|those|the|a|an|my|our|their|one|any|someone)"

QUESTION_RULES = {
    "en": {
        "rules": [
            ("command", r"^(please\s+)?(briefly\s+)?(explain|describe|compare|contrast|discuss|define|elaborate|illustrate|outline|summari[sz]e|differentiate|distinguish)\b\s+\S"),
            ("command", r"^(tell|walk|talk)\s+(me|us|the interviewer)\b"),
            ("command", r"^walk\s+through\b"),
            ("command", r"^give\s+(an?|some|one|two|three|\d+|me|us|examples?)\b"),
            ("command", r"^(list|name)\s+(the|some|all|a few|few|one|two|three|four|five|\d+|ways|reasons|examples)\b"),
            # "Design a web crawler", "Implement React hooks"; not "Design patterns",
            # "Design your system with best practices" (the capital is matched as written).
            ("command", r"^(design|implement|build|create)\s+(an?|the|your own|me|some|(?-i:[A-Z0-9$`\"']))"),
            ("command", r"^write\s+(an?|the|code|some|me|your own)\b"),
            ("command", r"^make\s+(this|it|the following|these)\b.*\bwork"),
            ("question word", r"^(what's|what’s|whats|how's|how’s|why's|who's|where's)\b"),
            ("question word", rf"^(what|which|who|whom|whose|why|how|when|where)\s+(kind|kinds|type|types|sort|part|parts|many|much|long|often|far|big|else|exactly|{_EN_AUX}|'s|’s)\b"),
            ("question word", rf"^{_EN_AUX}(n't|n’t)?\s+{_EN_SUBJ}\b"),
            ("question word", r"^(what|which|why|how)\s+(would|should|do|does|did|can|could)\b"),
        ],
        # Guide headings shaped like questions: "How to prepare", "What to do",
        # "Do not ...", "What you need to know", "Step 3: Design core components".
        "not": [
            r"^(how|what|when|where|which|why|who)\s+(not\s+)?to\b",
            r"^(do|does|did)\s+not\b|^don['’]t\b",
            r"^(what|how|why|who|when)\s+(you|we|i|they|it|this|each|your|our|my)\b(?!.*\?)",
            r"^step\s*\d",
            r"\byour\s+(resume|cv|profile|portfolio|linkedin)\b",
        ],
    },
    "pt": {
        "rules": [
            ("command", r"^(por favor,?\s+)?(explique|explica|descreva|descreve|compare|defina|discuta|cite|diga|dê um exemplo|dê exemplos|fale sobre|conte sobre|conte-me|escreva um|escreva uma)\b\s*\S"),
            ("command", r"^(implemente|projete|desenhe|crie)\s+(um|uma|o|a|(?-i:[A-Z0-9`]))\b"),
            ("question word", r"^(qual|quais|o que|o quê|que|como|por que|por quê|porque|quando|onde|quem|quanto|quantos|quantas|você|voce)\b"),
        ],
        "not": [
            r"^(como|o que|quando|onde|por que)\s+(se\s+)?\w+(ar|er|ir|or)\b(?!.*\?)",  # "Como se preparar", "O que fazer"
            r"^o que (você|voce|vocês|nós|eu)\s+\w+(rá|rão|remos)\b",  # "O que você aprenderá neste guia"
        ],
    },
    "es": {
        "rules": [
            ("command", r"^(por favor,?\s+)?(explica|explique|explicar|describe|describa|compara|compare|define|defina|menciona|mencione|nombra|enumera|da un ejemplo|dé un ejemplo|cuéntame|háblame|implementa|implemente|diseña|diseñe|escribe|escriba|crea|cree)\b\s+\S"),
            ("question word", r"^(qué|que|cuál|cuáles|cual|cuales|cómo|como|por qué|porqué|porque|cuándo|dónde|quién|quiénes|cuánto|cuántos)\b"),
        ],
        "not": [
            r"^(cómo|como|qué|que|cuándo|dónde)\s+\w+(ar|er|ir)(se)?\b(?!.*\?)",  # "Cómo preparar"
        ],
    },
    "de": {
        "rules": [
            ("command", r"^(bitte\s+)?(erkläre|erklären sie|erklär|beschreibe|beschreiben sie|vergleiche|vergleichen sie|definiere|nenne|nennen sie|gib|geben sie|implementiere|entwirf|entwerfe|schreibe|schreiben sie|erzähle|erzählen sie)\b\s+\S"),
            ("question word", r"^(was|wie|warum|wieso|weshalb|wozu|welche|welcher|welches|wann|wo|wer|wofür|worin|hast du|haben sie|kannst du|können sie|bist du|sind sie)\b"),
        ],
        "not": [r"^wie\s+man\b(?!.*\?)"],
    },
    "pl": {
        "rules": [
            ("command", r"^(proszę\s+)?(wyjaśnij|wytłumacz|opisz|omów|porównaj|zdefiniuj|wymień|podaj|napisz|zaimplementuj|zaprojektuj|utwórz|stwórz|spraw|pokaż|przedstaw|scharakteryzuj)\b\s*\S"),
            ("question word", r"^(czym|jak|jaki|jaka|jakie|jakich|jakim|dlaczego|czemu|co|kiedy|gdzie|który|która|które|czy|ile|po co|w jaki sposób|z jakich|na czym)\b"),
        ],
        "not": [r"^(jak|co|kiedy|gdzie)\s+(się\s+)?\w+ć\b(?!.*\?)"],  # "Jak przygotować się"
    },
    "tl": {
        "rules": [
            ("command", r"^(pakiusap,?\s+)?(ipaliwanag|ilarawan|ihambing|ibigay|magbigay|isulat|ipatupad|idisenyo|gumawa|lumikha|paganahin|ilista|tukuyin|talakayin|isalaysay)\b\s*\S"),
            ("question word", r"^(ano|anu-ano|paano|papaano|bakit|kailan|saan|alin|sino|ilan|gaano|mayroon ka bang|nakagamit ka na ba)\b"),
            ("question word", r"\bba(ng)?\b"),  # the question particle: "maaari ka bang ..."
        ],
        "not": [],
    },
    "ru": {
        "rules": [
            ("command", r"^(пожалуйста,?\s+)?(объясните|объясни|опишите|опиши|расскажите|расскажи|дайте|дай|приведите|приведи|сравните|назовите|перечислите|напишите|напиши|реализуйте|спроектируйте|сделайте|сделай|создайте|поясните|определите)\b\s*\S"),
            ("question word", r"^(что|как|какой|какая|какое|какие|каков|какова|каковы|каким|почему|зачем|для чего|в чем|в чём|чем|где|когда|кто|сколько|насколько|можете ли|знаете ли|приходилось ли|есть ли|использовали ли|вы когда-нибудь)\b"),
        ],
        "not": [r"^(как|что|когда|где)\s+\w+(ть|ться|ти)\b(?!.*\?)"],  # "Как подготовиться"
    },
    "bn": {
        "rules": [
            ("command", r"(ব্যাখ্যা|বর্ণনা|উল্লেখ|তুলনা|সংজ্ঞা|লিখুন|বলুন|দিন|করুন)\s*[।.]?$"),
            ("question word", r"(^|\s)(কি|কী|কেন|কিভাবে|কীভাবে|কোন|কোনটি|কখন|কোথায়|কে|কত)(\s|$)"),
        ],
        "not": [],
    },
    "ko": {
        "rules": [
            ("command", r"(세요|십시오|하시오|주세요|봅시다|보세요|해 ?보라|하라)[.!]?$"),
            ("question word", r"(무엇|무슨|설명|왜|어떻게|언제|어디서|누가)"),
            ("question word", r"(인가요|나요|까요|니까|는가|은가|있나요|었나요)[.]?$"),
        ],
        "not": [],
    },
    "ja": {
        "rules": [
            ("command", r"(ください|下さい|なさい|してみて|説明せよ|述べよ|答えよ|教えて)[。:：!！]?$"),
            ("question word", r"(とは|ですか|ますか|でしょうか|ましたか|のか|なに|なぜ|何ですか|何か|とはなんですか)[。:：]?$"),
            ("question word", r"^(なぜ|どうして|どのように|どうやって|どんな|何が|何を)"),
            ("design", r"(を設計する|の設計|を設計せよ|を実装する|を実装せよ)[。]?$"),
        ],
        "not": [r"^(ステップ|手順)\s*\d"],
    },
    "zh": {
        "rules": [
            ("command", r"^(请|請)"),
            ("command", r"^(解释|解釋|描述|说明|說明|阐述|闡述|简述|簡述|简要|簡要|说说|說說|谈谈|談談|讲讲|講講|介绍|介紹|比较|比較|列举|列舉|列出|给出|給出|举例|舉例|举个例子|实现|實現|编写一个|編寫一個|写一个|寫一個|创建一个|創建一個|设计|設計|手写|手寫|定义|定義)"),
            # "为社交网络设计数据结构", "在 AWS 上设计一个百万用户级别的系统"; not "为系统设计的面试做准备"
            ("design", r"^(为|為|在)\S*.{0,40}(设计|設計)(?!的|模式|原则|原則|面试|面試)"),
            ("question word", r"^(什么|什麼|为什么|為什麼|为何|為何|如何|怎么|怎麼|怎样|怎樣|哪些|哪个|哪個|哪种|哪種|是否|何时|何時).*[。．]$"),
            ("question word", r"(是什么|是什麼|有哪些|是哪些|为什么|為什麼|吗|嗎|呢)[。]?$"),
        ],
        "not": [
            r"^第\s*[0-9一二三四五六七八九十]+\s*步",  # "第三步：设计核心组件" = "Step 3: ..."
            r"^(设计|設計)(模式|原则|原則|系统$|系統$)",  # "设计模式" = "Design patterns"
        ],
    },
    "he": {
        "rules": [
            ("command", r"^(הסבר|הסבירו|תאר|תארו|השווה|הגדר|כתוב|כתבו|ממש|תכנן)\s"),
            ("question word", r"^(מה|מהו|מהי|מהם|מהן|למה|מדוע|איך|כיצד|מתי|איפה|היכן|מי|האם|אילו|איזה)\s"),
        ],
        "not": [],
    },
    "fa": {
        "rules": [
            ("command", r"(توضیح دهید|توضیح بدهید|شرح دهید|بنویسید|مقایسه کنید|پیاده‌سازی کنید|طراحی کنید)[.]?$"),
            ("question word", r"^(چه|چرا|چگونه|چطور|کدام|کی|کجا|آیا)\s"),
        ],
        "not": [],
    },
    "ar": {
        "rules": [
            ("command", r"^(اشرح|اشرحي|صف|صِف|قارن|عرّف|عرف|اكتب|نفّذ|صمّم|صمم)\s"),
            ("question word", r"^(ما|ماذا|ماهو|ماهي|لماذا|كيف|متى|أين|اين|هل|أي|اي)\s|^من\s+(هو|هي|هم)\b"),
        ],
        "not": [],
    },
}

# Path language code -> rule table.
RULE_TABLE_OF = {
    "en": "en", "pt": "pt", "es": "es", "de": "de", "pl": "pl", "tl": "tl", "ru": "ru",
    "bn": "bn", "ko": "ko", "kr": "ko", "ja": "ja", "zh": "zh", "he": "he", "fa": "fa", "ar": "ar",
}

_COMPILED = {
    lang: {
        "rules": [(name, re.compile(rx, re.I)) for name, rx in table["rules"]],
        "not": [re.compile(rx, re.I) for rx in table["not"]],
    }
    for lang, table in QUESTION_RULES.items()
}


def rule_table(language):
    base = language.split("-")[0].lower()
    return RULE_TABLE_OF.get(language.lower()) or RULE_TABLE_OF.get(base)


def ends_asking(text):
    t = text.rstrip(" \t.:;!…。．：、\"'“”‘’»«)）】」』*_~`")
    return bool(t) and t[-1] in QUESTION_MARKS


def asks_midway(text):
    # "Why use srcset? Explain ..." / "…的区别？请描述…": a question mark followed by more
    # words, outside code spans (already removed from `text`).
    return re.search(r"[?？؟]\s*\S", text) is not None


def question_rule(text, language):
    """The name of the rule that makes `text` (plain heading text) a question, or None."""
    if not text:
        return None
    if ends_asking(text):
        return "question mark"
    if text.startswith("¿"):
        return "¿"
    if asks_midway(text):
        return "question mark (midway)"
    tables = []
    own = rule_table(language)
    if own:
        tables.append(own)
    if "en" not in tables:
        tables.append("en")
    for lang in tables:
        table = _COMPILED[lang]
        for name, rx in table["rules"]:
            if rx.search(text):
                if any(n.search(text) for n in table["not"]):
                    break  # this language says no; another table may still say yes
                return f"{lang} {name}"
    return None


# ---------------------------------------------------------------------------
# Markdown: headings outside code fences, front matter and HTML comments.
# ---------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(?:(?:\d{1,9}[.)]|[-*+])\s+)?(`{3,}|~{3,})(.*)$")
HEADING = re.compile(r"^(\s*)(?:(?:\d{1,9}[.)]|[-*+])\s+)?(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")


def markdown_headings(text):
    """[(line number, level, raw heading text)] as a reader of the rendered page sees them."""
    lines = text.split("\n")
    out = []
    i = 0
    if lines and lines[0].strip() in ("---", "+++"):  # front matter
        close = lines[0].strip()
        for j in range(1, len(lines)):
            if lines[j].strip() == close:
                i = j + 1
                break
    fence = None  # (char, length, inside a list item) of the open fence
    in_comment = False
    for n in range(i, len(lines)):
        line = lines[n]
        if fence:
            m = FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                fence = None
                continue
            # A fence inside a list item ends with the item: at a line back at the margin
            # (the reactjs README has fences left open that GitHub closes this way).
            if not (fence[2] and line.strip() and not line[:1].isspace()):
                continue
            fence = None
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        m = FENCE.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            in_list = line[:1].isspace() and _inside_list(lines, n) or re.match(r"^\s*(\d{1,9}[.)]|[-*+])\s", line)
            fence = (m.group(1)[0], len(m.group(1)), bool(in_list))
            continue
        stripped = line.strip()
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            continue
        m = HEADING.match(line)
        if not m or not m.group(3):
            continue
        indent = len(m.group(1).expandtabs(4))
        # An indented heading with nothing list-like around is an indented code block;
        # inside a list item (the corpus's reactjs README) it is a heading.
        if indent >= 4 and not _inside_list(lines, n):
            continue
        raw = re.sub(r"\s+#+\s*$", "", m.group(3)).strip()  # closing hashes
        if raw:
            out.append((n + 1, len(m.group(2)), raw))
    return out


def _inside_list(lines, n):
    for k in range(n - 1, max(-1, n - 400), -1):
        s = lines[k]
        if not s.strip():
            continue
        if re.match(r"^\s{0,3}(\d{1,9}[.)]|[-*+])\s", s):
            return True
        if not s[:1].isspace():
            return False
    return False


# ---------------------------------------------------------------------------
# Plain text and comparison keys.
# ---------------------------------------------------------------------------

NUMBERING = re.compile(
    r"^\s*(?:(?:q|question|pregunta|pergunta|pytanie|问题|問題|質問)\s*\d*\s*[:.：)]\s*"
    r"|\d{1,4}(?:\.\d{1,4})*\s*[.)、：:]\s*"
    r"|[ivxlc]{1,6}\.\s+"
    r"|[a-z]\)\s+)",
    re.I,
)


def plain(raw, tags=True):
    """Heading text as read: code-span contents kept, other Markdown marks (and, with
    `tags`, HTML tags) removed."""
    parts = re.split(r"(`+)(.+?)\1", raw)
    out = []
    # re.split with two groups yields [text, ticks, code, text, ticks, code, ..., text]
    for k in range(0, len(parts), 3):
        t = parts[k]
        t = re.sub(r"\{#[^}]*\}\s*$", "", t)  # {#custom-id}
        t = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", t)
        t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)
        t = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", t)
        if tags:
            t = re.sub(r"</?[A-Za-z][^>]*>", "", t)
        t = re.sub(r"(\*\*|__|\*|~~)", "", t)
        t = re.sub(r"(?<!\w)_|_(?!\w)", "", t)
        t = html.unescape(t)
        out.append(t)
        if k + 2 < len(parts):
            out.append(parts[k + 2])
    text = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", "".join(out))  # zero-width marks
    return re.sub(r"\s+", " ", text).strip()


def strip_numbering(text):
    prev = None
    while prev != text:
        prev = text
        text = NUMBERING.sub("", text, count=1).strip()
    return text


def keys(text):
    """Comparison keys: numbering, marks, punctuation, spaces and case ignored; one key
    with HTML-looking tags removed and one with them kept as words ("<script>" is both
    a tag in a heading and the text of a title)."""
    out = set()
    for tags in (True, False):
        t = unicodedata.normalize("NFKC", strip_numbering(plain(text, tags))).casefold()
        k = "".join(c for c in t if unicodedata.category(c)[0] in "LNM")
        if k:
            out.add(k)
    return out


# ---------------------------------------------------------------------------
# Files, languages, qbank.
# ---------------------------------------------------------------------------


# Language subtags a file name or folder may carry (README-ja.md, zh-CN.mdx, i18n/kr/).
LANGUAGE_CODES = {
    "ar", "bn", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hu", "id", "it",
    "ja", "ko", "kr", "ms", "nl", "no", "pl", "pt", "ro", "ru", "sv", "ta", "th", "tl", "tr", "uk",
    "ur", "vi", "zh",
}


def _language_code(s):
    s = s.replace("_", "-")
    m = re.fullmatch(r"([A-Za-z]{2,3})(-[A-Za-z]{2,4})*", s)
    return s if m and m.group(1).lower() in LANGUAGE_CODES else None


def language_of(rel):
    """Language code as the path gives it: i18n/xx-YY/, README-ja.md, zh-CN.mdx; 'en' otherwise."""
    parts = rel.split("/")
    if "i18n" in parts:
        k = parts.index("i18n")
        if k + 1 < len(parts) - 1 and _language_code(parts[k + 1]):
            return parts[k + 1]
    stem = re.sub(r"\.(md|mdx|markdown)$", "", parts[-1], flags=re.I)
    code = _language_code(stem)  # zh-CN.mdx
    if code:
        return code
    m = re.match(r"^[A-Za-z]+[-_.](.+)$", stem)  # README-zh-Hans.md, index.ja.md
    if m and _language_code(m.group(1)):
        return _language_code(m.group(1))
    for p in parts[1:-1]:  # a folder named for its language
        if _language_code(p):
            return p
    return "en"


def handbook_files(only):
    base = ROOT / HANDBOOKS
    files = []
    for path in sorted(base.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".md", ".mdx", ".markdown"):
            continue
        if SKIP.match(path.name):
            continue
        rel = path.relative_to(base).as_posix()
        if only and only not in rel:
            continue
        files.append(rel)
    return files


def binary_stamp(qbank):
    """Modification times of the binary and the libqbank it loads, to notice a relink."""
    stamp = []
    for p in [Path(qbank)] + sorted((ROOT / "build" / "package").glob("libqbank.so*")):
        try:
            stamp.append((str(p), p.stat().st_mtime))
        except OSError:
            pass
    return stamp


def normalize(qbank, rel, retries=30):
    """qbank's records for one file. A binary being relinked (exit 127, not executable,
    a crash, output cut short) is waited for, 20 s at a time."""
    path = f"{HANDBOOKS}/{rel}"
    last = ""
    for attempt in range(retries):
        try:
            proc = subprocess.run([qbank, "normalize", path, "--json"], cwd=ROOT, capture_output=True)
        except (PermissionError, FileNotFoundError, OSError) as e:
            last = repr(e)
        else:
            if proc.returncode == 0:
                try:
                    text = proc.stdout.decode("utf-8")
                    return [json.loads(line) for line in text.splitlines() if line.strip()]
                except (UnicodeDecodeError, json.JSONDecodeError) as e:
                    last = f"unreadable output: {e}"
            else:
                last = f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace').strip()[:300]}"
                if proc.returncode not in (127, 126) and proc.returncode > 0 and attempt >= 2:
                    break  # a real error, not a relink
        print(f"qbank normalize {path}: {last}; retrying in 20 s", file=sys.stderr)
        time.sleep(20)
    raise SystemExit(f"qbank normalize {path} failed: {last}")


# Links, bare URLs and list bullets: what is left of "only a link" is nothing.
LINKS = re.compile(r"!?\[[^\]]*\]\([^)]*\)|!?\[[^\]]*\]\[[^\]]*\]|<a\s[^>]*>.*?</a>|<?https?://[^\s>)]*>?", re.I | re.S)
# An answer still to be written.
PLACEHOLDER = re.compile(r"^(todo|tbd|wip|coming soon|to be (added|written|done)|待补充|待完善|未完成|준비\s*중|準備中)[.!…]*$", re.I)


def record_text(r):
    parts = [r.get("title", ""), r.get("question", "")]
    for s in r.get("sections", []):
        parts.append(s.get("heading", ""))
        parts.append(s.get("text", ""))
    return "\n".join(parts)


def is_empty(r):
    """Why a record carries nothing to read (None when it does). The question of a
    handbook question record is its heading, so a record whose sections are all
    empty counts as empty even though its question is not."""
    body = "\n".join(s.get("text", "") for s in r.get("sections", [])).strip()
    question = r.get("question", "").strip()
    if not body:
        return "no question, no text" if not question else "no text beyond the question"
    rest = LINKS.sub(" ", body)
    words = "".join(c for c in rest if unicodedata.category(c)[0] in "LNM")
    if not words:
        return "only a link"
    if PLACEHOLDER.match(re.sub(r"[\s\-*+>|]+", " ", rest).strip()):
        return "only a placeholder (TODO)"
    return None


LOCAL_LINK = re.compile(r"\[[^\]]*\]\(([^)#?\s]+)[^)]*\)")


def links_to_page(body, rel):
    """Whether a heading's body is nothing but a link to another page of the corpus
    (and pictures): qbank then lends the heading to that page as a title."""
    if any(unicodedata.category(c)[0] in "LN" for c in LINKS.sub(" ", body)):
        return False
    for target in LOCAL_LINK.findall(body):
        path = (ROOT / HANDBOOKS / rel).parent / urllib.parse.unquote(target)
        if "://" not in target and path.is_file() and path.suffix.lower() in (".md", ".mdx", ".markdown"):
            return True
    return False


def analyse(rel, records):
    language = language_of(rel)
    text = (ROOT / HANDBOOKS / rel).read_text(encoding="utf-8", errors="replace")
    titles = set()
    for r in records:
        titles |= keys(r.get("title", ""))
    headings = []
    stack = []  # (level, question heading dict or None) of the headings above
    # A front matter title is the page's top heading: what asks under it may be part of its answer.
    fm = re.match(r"---\n(?:.*\n)*?title:\s*(.+)\n(?:.*\n)*?---\n", text)
    if fm:
        title = fm.group(1).strip().strip("'\"")
        stack.append((0, {"heading": title, "has_record": bool(keys(title) & titles)}))
    found = markdown_headings(text)
    lines = text.split("\n")
    for k, (line, level, raw) in enumerate(found):
        body = "\n".join(lines[line:found[k + 1][0] - 1] if k + 1 < len(found) else lines[line:])
        while stack and stack[-1][0] >= level:
            stack.pop()
        shown = strip_numbering(plain(raw))
        rule = question_rule(shown, language)
        h = None
        if rule:
            lent = not (keys(raw) & titles) and links_to_page(body, rel)
            # "### Question" then "TODO", or straight "Back to top": the source gives no answer.
            rest = LINKS.sub(" ", body)
            unanswered = (not any(unicodedata.category(c)[0] in "LN" for c in rest) or
                          bool(PLACEHOLDER.match(re.sub(r"[\s\-*+>|]+", " ", rest).strip())))
            h = {"line": line, "level": level, "heading": shown, "rule": rule,
                 "has_record": bool(keys(raw) & titles) or lent, "lent": lent, "unanswered": unanswered,
                 "inside": None}
            # A question under another question that has a record ("#### What are the pros
            # and cons?" in an answer) is read with that record, not lost.
            for _, above in reversed(stack):
                if above and above["has_record"]:
                    h["inside"] = above["heading"]
                    break
            headings.append(h)
        stack.append((level, h))
    # The other way round, to check the tables: question records whose title is none
    # of the question headings counted (a heading these rules missed, or qbank asking
    # where a reader would not).
    counted = set()
    for h in headings:
        counted |= keys(h["heading"])
    unmatched = [r.get("title", "") for r in records if "#" in r["source"] and not (keys(r.get("title", "")) & counted)]
    empty, big = [], []
    for r in records:
        why = is_empty(r)
        if why:
            empty.append({"source": r["source"], "title": r.get("title", ""), "why": why})
        size = len(record_text(r).encode("utf-8"))
        if size > BIG:
            big.append({"source": r["source"], "title": r.get("title", ""), "bytes": size})
    return {
        "file": rel,
        "repository": rel.split("/")[0],
        "language": language,
        "question_headings": len(headings),
        "records": len(records),
        "question_records": sum(1 for r in records if "#" in r["source"]),
        "headings_without_record": sum(1 for h in headings if not h["has_record"]),
        "of_them_unanswered_in_the_source": sum(1 for h in headings if not h["has_record"] and h["unanswered"]),
        "of_them_inside_a_question_record": sum(1 for h in headings
                                                if not h["has_record"] and not h["unanswered"] and h["inside"]),
        "empty_records": len(empty),
        "records_over_16kb": len(big),
        "headings": headings,
        "empty": empty,
        "big": big,
        "question_records_not_from_a_counted_heading": unmatched,
    }


COLUMNS = [
    ("question headings", "question_headings"),
    ("records", "records"),
    ("question records", "question_records"),
    ("headings without a record", "headings_without_record"),
    ("of them: no answer in the source", "of_them_unanswered_in_the_source"),
    ("of them: inside a question's answer", "of_them_inside_a_question_record"),
    ("empty records", "empty_records"),
    ("records > 16 KB", "records_over_16kb"),
]


def totals(rows):
    t = defaultdict(int)
    for r in rows:
        for _, k in COLUMNS:
            t[k] += r[k]
    t["files"] = len(rows)
    return t


def markdown_report(rows, verbose):
    out = []
    head = "| file | language | " + " | ".join(c for c, _ in COLUMNS) + " |"
    rule = "|---|---|" + "---:|" * len(COLUMNS)
    by_repo = defaultdict(list)
    for r in rows:
        by_repo[r["repository"]].append(r)
    for repo in sorted(by_repo):
        out += [f"### {repo}", "", head, rule]
        for r in by_repo[repo]:
            out.append(f"| {r['file'][len(repo) + 1:]} | {r['language']} | " + " | ".join(str(r[k]) for _, k in COLUMNS) + " |")
        t = totals(by_repo[repo])
        out.append(f"| **{len(by_repo[repo])} files** | | " + " | ".join(f"**{t[k]}**" for _, k in COLUMNS) + " |")
        out.append("")
    out += ["### Totals per language", "", "| language | files | " + " | ".join(c for c, _ in COLUMNS) + " |",
            "|---|---:|" + "---:|" * len(COLUMNS)]
    by_lang = defaultdict(list)
    for r in rows:
        by_lang[r["language"]].append(r)
    for lang in sorted(by_lang, key=lambda l: (l != "en", l)):
        t = totals(by_lang[lang])
        out.append(f"| {lang} | {t['files']} | " + " | ".join(str(t[k]) for _, k in COLUMNS) + " |")
    t = totals(rows)
    out.append(f"| **all** | **{t['files']}** | " + " | ".join(f"**{t[k]}**" for _, k in COLUMNS) + " |")
    if verbose:
        out += ["", "## Question headings counted", "",
                "`-` = no record has this title; `>` = none has, but it only links to a page, which",
                "borrows it; `0` = none has, and the source gives it no answer; `~` = none has, but it sits under a question heading",
                "that has one (a sub-question inside that record's answer); the rule that counted it",
                "in brackets.", ""]
        for r in rows:
            if not (r["headings"] or r["empty"] or r["big"] or r["question_records_not_from_a_counted_heading"]):
                continue
            out.append(f"#### {r['file']} ({r['language']})")
            out.append("")
            for h in r["headings"]:
                mark = (">" if h["lent"] else " " if h["has_record"] else "0" if h["unanswered"] else
                        "~" if h["inside"] else "-")
                out.append(f"    {mark} {h['line']:>5}  {'#' * h['level']} {h['heading']}  [{h['rule']}]")
            for e in r["empty"]:
                out.append(f"    empty record ({e['why']}): {e['title']}  <{e['source'].split('#', 1)[-1]}>")
            for b in r["big"]:
                out.append(f"    record of {b['bytes']} bytes: {b['title']}  <{b['source'].split('#', 1)[-1]}>")
            for t in r["question_records_not_from_a_counted_heading"]:
                out.append(f"    question record from a heading not counted here: {t}")
            out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--qbank", default="build/cli/qbank", help="qbank binary (default build/cli/qbank)")
    ap.add_argument("--verbose", action="store_true", help="list the headings counted, and the empty and big records")
    ap.add_argument("--only", metavar="SUBSTRING", help="only files whose path under corpus/handbooks contains this")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of Markdown")
    args = ap.parse_args()
    qbank = args.qbank if os.path.isabs(args.qbank) else str(ROOT / args.qbank)

    files = handbook_files(args.only)
    if not files:
        raise SystemExit("no files")
    before = binary_stamp(qbank)
    rows = [analyse(rel, normalize(qbank, rel)) for rel in files]
    after = binary_stamp(qbank)
    relinked = before != after
    if relinked:
        print("warning: qbank or libqbank changed during the run; files may have been read by two builds",
              file=sys.stderr)

    if args.json:
        by_lang = defaultdict(list)
        for r in rows:
            by_lang[r["language"]].append(r)
        doc = {
            "qbank": qbank,
            "binary": [{"path": p, "mtime": m} for p, m in after],
            "relinked_during_run": relinked,
            "files": rows,
            "languages": {lang: dict(totals(rs)) for lang, rs in sorted(by_lang.items())},
            "total": dict(totals(rows)),
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(markdown_report(rows, args.verbose))


if __name__ == "__main__":
    main()

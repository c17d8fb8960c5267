#!/usr/bin/env python3
"""Check the curated glossaries in glossaries/*.csv (Python 3 standard library only).

Usage: tools/check-glossaries.py [GLOSSARY_DIR]   (default: glossaries/ next to tools/)

Checks, for every CSV file:
  - UTF-8 without BOM, header exactly `term,language,target term,part of speech,status,note`
  - every record has 6 fields (RFC 4180 quoting); no empty term, language, target or status
  - `part of speech` in noun|verb|adjective|phrase; `status` in preferred|admitted|forbidden|do-not-translate
  - `language` in pt-BR, es-MX, de-DE, fr-FR, ja-JP, zh-CN, or `*` (only with do-not-translate,
    and do-not-translate rows with `*` must have target term == term)
  - no duplicate (term, language, target term); no leading/trailing spaces in fields;
    no term starting with '#' (the l10n CSV reader treats such lines as comments)
  - industry files (every file except do-not-translate.csv): every term has a `preferred` row in
    all six languages, no `*` rows, at least 40 terms; a target term is not both preferred and
    forbidden for the same term+language
  - do-not-translate.csv: only `*` / do-not-translate rows, at least 60 entries
Prints counts per file and language; exits 1 on any problem (reported as file:line: message).
"""
import csv
import os
import sys
from collections import defaultdict, OrderedDict

HEADER = ["term", "language", "target term", "part of speech", "status", "note"]
LANGS = ["pt-BR", "es-MX", "de-DE", "fr-FR", "ja-JP", "zh-CN"]
POS = {"noun", "verb", "adjective", "phrase"}
STATUS = {"preferred", "admitted", "forbidden", "do-not-translate"}
DNT_FILE = "do-not-translate.csv"
MIN_TERMS = 40
MIN_DNT = 60


def check_file(path, problems):
    name = os.path.basename(path)
    is_dnt = name == DNT_FILE

    def bad(line, msg):
        problems.append(f"{path}:{line}: {msg}")

    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad(1, "file starts with a UTF-8 BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad(1, f"not UTF-8: {e}")
        return None
    if not text:
        bad(1, "empty file")
        return None

    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    seen = {}
    statuses = defaultdict(dict)          # (term, lang) -> {target: status}
    preferred = defaultdict(set)          # term -> langs with a preferred row
    terms = OrderedDict()
    counts = defaultdict(lambda: defaultdict(int))  # lang -> status -> n
    try:
        for row in reader:
            line = reader.line_num
            if line == 1 and not seen and not terms:
                if row != HEADER:
                    bad(1, f"header must be exactly {','.join(HEADER)!r}, got {','.join(row)!r}")
                    return None
                continue
            if not row or row == [""]:
                bad(line, "empty line")
                continue
            if len(row) != 6:
                bad(line, f"expected 6 fields, got {len(row)}")
                continue
            term, lang, target, pos, status, note = row
            for label, value in zip(HEADER, row):
                if value != value.strip():
                    bad(line, f"field '{label}' has leading/trailing whitespace")
            if not term or not target:
                bad(line, "empty term or target term")
            if term.startswith("#"):
                bad(line, "term starts with '#': readers take such a line for a comment")
            if pos not in POS:
                bad(line, f"invalid part of speech {pos!r} (allowed: {'|'.join(sorted(POS))})")
            if status not in STATUS:
                bad(line, f"invalid status {status!r} (allowed: {'|'.join(sorted(STATUS))})")
            if lang == "*":
                if status != "do-not-translate":
                    bad(line, "language '*' is only allowed with status do-not-translate")
                if target != term:
                    bad(line, "a '*' do-not-translate row must have target term == term")
                if not is_dnt:
                    bad(line, f"language '*' belongs in {DNT_FILE}, not in an industry file")
            elif lang not in LANGS:
                bad(line, f"invalid language {lang!r} (allowed: {', '.join(LANGS)} or *)")
            if is_dnt and (lang != "*" or status != "do-not-translate"):
                bad(line, f"{DNT_FILE} takes only language '*' with status do-not-translate")
            key = (term, lang, target)
            if key in seen:
                bad(line, f"duplicate (term, language, target term) {key!r}, first at line {seen[key]}")
            else:
                seen[key] = line
            prev = statuses[(term, lang)].get(target)
            if prev and {prev, status} == {"preferred", "forbidden"}:
                bad(line, f"{target!r} is both preferred and forbidden for {term!r} in {lang}")
            statuses[(term, lang)][target] = status
            terms.setdefault(term, line)
            counts[lang][status] += 1
            if status == "preferred":
                preferred[term].add(lang)
    except csv.Error as e:
        bad(reader.line_num, f"CSV error: {e}")
        return None

    if is_dnt:
        if len(terms) < MIN_DNT:
            bad(1, f"only {len(terms)} entries, at least {MIN_DNT} required")
    else:
        for term, line in terms.items():
            missing = [l for l in LANGS if l not in preferred[term]]
            if missing:
                bad(line, f"term {term!r} has no preferred row for {', '.join(missing)}")
        if len(terms) < MIN_TERMS:
            bad(1, f"only {len(terms)} terms, at least {MIN_TERMS} required")
    return len(terms), counts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    gdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "glossaries")
    files = sorted(f for f in os.listdir(gdir) if f.endswith(".csv"))
    if not files:
        print(f"no CSV files in {gdir}", file=sys.stderr)
        return 1
    problems = []
    for name in files:
        result = check_file(os.path.join(gdir, name), problems)
        if result is None:
            continue
        nterms, counts = result
        parts = []
        for lang in (["*"] if name == DNT_FILE else LANGS):
            c = counts.get(lang, {})
            detail = "/".join(f"{c.get(s, 0)}" for s in ("preferred", "admitted", "forbidden"))
            parts.append(f"{lang} {sum(c.values())}" if lang == "*" else f"{lang} {detail}")
        print(f"{name}: {nterms} terms; " + ("entries: " if name == DNT_FILE else "preferred/admitted/forbidden: ") + ", ".join(parts))
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

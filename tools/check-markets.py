#!/usr/bin/env python3
"""Validate the market profiles in Sources/L10nAdapt/Resources/Markets/*.yaml.

A dev aid: the Swift loader (L10nAdapt) performs the same checks at runtime. This script needs only
Python 3 and PyYAML. It checks every file against the market schema described in
Sources/L10nAdapt/Resources/Markets/README.md:

  * required keys present, no unknown keys, no duplicate keys, value types;
  * closed vocabularies (measurement system, unit ids and their dimensions, keep contexts, IEC plug
    letters, certification categories, marks, tone values, date order, spelling variants);
  * id == file name, ISO 3166-1 alpha-2 shape; BCP 47 shape (canonical case) for `language`;
    ICU locale shape for `locale` and agreement of its language/region with `language`;
    ISO 4217 shape for `currency`; date patterns consistent with `order` and `separator`;
  * the market table in README.md agrees with the files (use --table to print the expected table).

Every problem is printed as `FILE: key.path: message`. Exit status: 0 = all files pass,
1 = problems found, 2 = usage error.

Usage:
  tools/check-markets.py [DIR_OR_FILE ...]   (default: Sources/L10nAdapt/Resources/Markets)
  tools/check-markets.py --table             print the README market table generated from the files
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write("check-markets: PyYAML is required (pip install pyyaml / apt install python3-yaml)\n")
    sys.exit(2)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "Sources" / "L10nAdapt" / "Resources" / "Markets"

# --------------------------------------------------------------------------------------------------
# Closed vocabularies (keep in sync with README.md and the Swift loader)
# --------------------------------------------------------------------------------------------------

UNITS: dict[str, str] = {}
for _dim, _ids in {
    "length": "in ft yd mi mm cm m km",
    "area": "sq-in sq-ft sq-yd acre sq-mi cm2 m2 ha km2",
    "volume": "fl-oz cup pt qt gal gal-imp cu-in cu-ft ml l cm3 m3",
    "mass": "oz lb st ton g kg t",
    "temperature": "F C",
    "pressure": "psi inHg bar kPa MPa",
    "flow": "gpm gph cfm l-min l-h m3-h",
    "speed": "mph km-h m-s kn",
    "power": "hp btu-h W kW",
    "torque": "ft-lbf in-lbf N-m",
    "feed rate": "in-min mm-min",
    "areal density": "oz-sq-yd g-m2",
}.items():
    for _u in _ids.split():
        UNITS[_u] = _dim

MEASUREMENT_SYSTEMS = {"metric", "us-customary", "uk-mixed"}
KEEP_CONTEXTS = {"screen-diagonal", "pipe-thread", "wheel-size", "tire-size", "btu-rating", "lumber-nominal"}
PLUG_TYPES = set("ABCDEFGHIJKLMN")  # IEC World Plugs letters
CATEGORIES = {
    "electrical-safety", "radio", "emc", "energy-efficiency", "food-contact", "toys",
    "pv-inverter", "hazardous-substances", "machinery", "medical",
}
MARKS = {
    "CE", "UKCA", "UL", "cUL", "ETL", "CSA", "FCC", "IC", "RoHS", "WEEE", "Energy Star", "NSF", "FDA",
    "PSE", "TELEC", "VCCI", "CCC", "SRRC", "CTA", "KC", "KCC", "EAC", "INMETRO", "ANATEL", "NOM", "IFT",
    "RCM", "SAA", "BIS", "WPC", "SASO", "SABER", "G-Mark", "ECAS", "TDRA", "GOST-R", "TSE", "CB", "TÜV",
    "GS", "VDE", "LFGB", "DGCCRF", "PSB", "IMDA", "S-Mark", "OFCOM", "EU Ecodesign/energy label", "JIS",
    "KS", "GB", "BSMI",
}
ADDRESS = {"formal", "informal", "neutral"}
ALLOW_FLAG = {"allow", "flag"}
DATE_ORDERS = {"DMY", "MDY", "YMD"}
SPELLINGS = {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
FREQUENCIES = {50, 60}

TOP_KEYS = {
    "id": True, "name": True, "language": True, "locale": True, "currency": True, "measurement": True,
    "electrical": True, "certifications": True, "spelling": True, "tone": True, "dates": True,
}
MEASUREMENT_KEYS = {"system": True, "convert": True, "keep": True, "convertWhen": False}
ELECTRICAL_KEYS = {"voltages": True, "frequency": True, "plugs": True, "plugStandard": False,
                   "regionalVoltages": False, "regionalFrequencies": False, "everyRegionWords": False,
                   "summary": True}
CERT_KEYS = {"required": True, "authority": True, "note": True, "match": False}
TONE_KEYS = {
    "address": True, "superlatives": True, "comparatives": True, "exclamationRun": True,
    "allCaps": True, "emoji": True, "note": True,
}
DATES_KEYS = {"order": True, "separator": True, "pattern": True, "longPattern": True}

# BCP 47 (RFC 5646) language tag, canonical case: language[-Script][-REGION](-variant)*(-ext)*(-x-priv)?
BCP47 = re.compile(
    r"^(?P<lang>[a-z]{2,3}|[a-z]{5,8})"
    r"(?:-(?P<script>[A-Z][a-z]{3}))?"
    r"(?:-(?P<region>[A-Z]{2}|[0-9]{3}))?"
    r"(?:-(?:[0-9a-z]{5,8}|[0-9][0-9a-z]{3}))*"
    r"(?:-[0-9a-wyz](?:-[0-9a-z]{2,8})+)*"
    r"(?:-x(?:-[0-9a-z]{1,8})+)?$"
)
# ICU locale ID: lang[_Script][_REGION][@key=value;key=value]
ICU_LOCALE = re.compile(
    r"^(?P<lang>[a-z]{2,3})"
    r"(?:_(?P<script>[A-Z][a-z]{3}))?"
    r"(?:_(?P<region>[A-Z]{2}|[0-9]{3}))?"
    r"(?:@(?P<keywords>[a-z]+=[A-Za-z0-9-]+(?:;[a-z]+=[A-Za-z0-9-]+)*))?$"
)
ICU_KEYWORDS = {"calendar", "numbers", "currency", "collation", "hours"}
ISO4217 = re.compile(r"^[A-Z]{3}$")
MARKET_ID = re.compile(r"^[a-z]{2}$")
# Market ids are lower-case ISO 3166-1 alpha-2 codes, except where the commercial convention differs:
# `uk` is an ISO 3166 "exceptionally reserved" code for the United Kingdom, whose alpha-2 code is GB.
MARKET_COUNTRY_EXCEPTIONS = {"uk": "GB"}


# --------------------------------------------------------------------------------------------------
# YAML loading: reject duplicate keys (PyYAML silently keeps the last one)
# --------------------------------------------------------------------------------------------------

class DuplicateKeyError(yaml.YAMLError):
    pass


class StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DuplicateKeyError(
                f"duplicate key {key!r} at line {key_node.start_mark.line + 1} "
                f"(first at line {seen[key] + 1})"
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --------------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------------

class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, file: Path, path: str, message: str) -> None:
        self.problems.append(f"{display(file)}: {path or '(root)'}: {message}")


def display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def type_name(value) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "mapping"}.get(
        type(value), type(value).__name__
    )


def check_keys(rep: Report, file: Path, path: str, value, spec: dict[str, bool]) -> bool:
    """Check that `value` is a mapping with exactly the keys of `spec` (True = required)."""
    if not isinstance(value, dict):
        rep.add(file, path, f"expected a mapping, found {type_name(value)}")
        return False
    for key in value:
        if not isinstance(key, str):
            rep.add(file, join(path, str(key)), f"key must be a string, found {type_name(key)} "
                    "(quote it: YAML reads yes/no/on/off/true/false and numbers as non-strings)")
        elif key not in spec:
            rep.add(file, join(path, key), f"unknown key (allowed: {', '.join(spec)})")
    for key, required in spec.items():
        if required and key not in value:
            rep.add(file, join(path, key), "missing required key")
    return True


def join(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def check_string(rep: Report, file: Path, path: str, value, *, nonempty: bool = True) -> bool:
    if not isinstance(value, str):
        rep.add(file, path, f"expected a string, found {type_name(value)}")
        return False
    if nonempty and not value.strip():
        rep.add(file, path, "must not be empty")
        return False
    if value != value.strip():
        rep.add(file, path, "has leading or trailing whitespace")
    return True


def check_enum(rep: Report, file: Path, path: str, value, allowed: set) -> bool:
    if not isinstance(value, str):
        rep.add(file, path, f"expected one of {sorted(allowed)}, found {type_name(value)} {value!r}")
        return False
    if value not in allowed:
        rep.add(file, path, f"{value!r} is not one of {sorted(allowed)}")
        return False
    return True


def check_string_list(rep: Report, file: Path, path: str, value, allowed: set | None, *,
                      nonempty: bool) -> list[str]:
    if not isinstance(value, list):
        rep.add(file, path, f"expected a list, found {type_name(value)}")
        return []
    if nonempty and not value:
        rep.add(file, path, "must not be empty")
    seen: set = set()
    good: list[str] = []
    for i, item in enumerate(value):
        ipath = join(path, i)
        if not isinstance(item, str):
            rep.add(file, ipath, f"expected a string, found {type_name(item)} {item!r}")
            continue
        if allowed is not None and item not in allowed:
            rep.add(file, ipath, f"{item!r} is not in the closed vocabulary")
            continue
        if item in seen:
            rep.add(file, ipath, f"duplicate entry {item!r}")
            continue
        seen.add(item)
        good.append(item)
    return good


def check_market(rep: Report, file: Path, data) -> None:
    if not check_keys(rep, file, "", data, TOP_KEYS):
        return

    # id, name
    mid = data.get("id")
    if "id" in data and check_string(rep, file, "id", mid):
        if not MARKET_ID.match(mid):
            rep.add(file, "id", f"{mid!r} must be a lower-case ISO 3166-1 alpha-2 code")
        if mid != file.stem:
            rep.add(file, "id", f"{mid!r} must equal the file name ({file.stem!r})")
    if "name" in data:
        check_string(rep, file, "name", data["name"])

    # language (BCP 47)
    lang_m = None
    if "language" in data and check_string(rep, file, "language", data["language"]):
        lang_m = BCP47.match(data["language"])
        if not lang_m:
            hint = ""
            if re.match(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$", data["language"]):
                hint = " (use '-' separators and canonical case: pt-BR, zh-Hans-CN)"
            rep.add(file, "language", f"{data['language']!r} is not a well-formed BCP 47 tag{hint}")

    # locale (ICU)
    if "locale" in data and check_string(rep, file, "locale", data["locale"]):
        loc_m = ICU_LOCALE.match(data["locale"])
        if not loc_m:
            rep.add(file, "locale", f"{data['locale']!r} is not an ICU locale ID like pt_BR or ar_SA@calendar=gregorian")
        else:
            if loc_m.group("keywords"):
                for kv in loc_m.group("keywords").split(";"):
                    key = kv.split("=", 1)[0]
                    if key not in ICU_KEYWORDS:
                        rep.add(file, "locale", f"unknown ICU keyword {key!r} (allowed: {sorted(ICU_KEYWORDS)})")
            if lang_m:
                if loc_m.group("lang") != lang_m.group("lang"):
                    rep.add(file, "locale", f"language {loc_m.group('lang')!r} disagrees with language tag "
                            f"{data['language']!r}")
                if lang_m.group("region") and loc_m.group("region") != lang_m.group("region"):
                    rep.add(file, "locale", f"region {loc_m.group('region')!r} disagrees with language tag "
                            f"{data['language']!r}")
            if isinstance(mid, str) and loc_m.group("region"):
                country = MARKET_COUNTRY_EXCEPTIONS.get(mid, mid.upper())
                if loc_m.group("region") != country:
                    rep.add(file, "locale", f"region {loc_m.group('region')!r} is not the market's country {country!r}")

    # currency
    if "currency" in data and check_string(rep, file, "currency", data["currency"]):
        if not ISO4217.match(data["currency"]):
            rep.add(file, "currency", f"{data['currency']!r} is not an ISO 4217 code (three upper-case letters)")

    # spelling
    if "spelling" in data:
        sp = data["spelling"]
        is_english = isinstance(data.get("language"), str) and data["language"].split("-")[0] == "en"
        if sp is None:
            if is_english:
                rep.add(file, "spelling", "English-language market needs a spelling variant "
                        f"({', '.join(sorted(SPELLINGS))})")
        elif check_enum(rep, file, "spelling", sp, SPELLINGS) and not is_english:
            rep.add(file, "spelling", "must be null for a market whose language is not English")

    check_measurement(rep, file, data.get("measurement")) if "measurement" in data else None
    check_electrical(rep, file, data.get("electrical")) if "electrical" in data else None
    check_certifications(rep, file, data.get("certifications")) if "certifications" in data else None
    check_tone(rep, file, data.get("tone")) if "tone" in data else None
    check_dates(rep, file, data.get("dates")) if "dates" in data else None


def check_measurement(rep: Report, file: Path, m) -> None:
    if not check_keys(rep, file, "measurement", m, MEASUREMENT_KEYS):
        return
    if "system" in m:
        check_enum(rep, file, "measurement.system", m["system"], MEASUREMENT_SYSTEMS)
    if "convert" in m:
        conv = m["convert"]
        if conv is None:
            conv = {}
            rep.add(file, "measurement.convert", "must be a mapping (use {} for none)")
        if not isinstance(conv, dict):
            rep.add(file, "measurement.convert", f"expected a mapping, found {type_name(conv)}")
        else:
            for src, dst in conv.items():
                p = join("measurement.convert", str(src))
                if not isinstance(src, str) or src not in UNITS:
                    rep.add(file, p, f"source unit {src!r} is not in the unit vocabulary")
                    continue
                if not isinstance(dst, str) or dst not in UNITS:
                    rep.add(file, p, f"target unit {dst!r} is not in the unit vocabulary")
                    continue
                if src == dst:
                    rep.add(file, p, "maps a unit to itself (omit it to keep the unit)")
                elif UNITS[src] != UNITS[dst]:
                    rep.add(file, p, f"{src} ({UNITS[src]}) cannot convert to {dst} ({UNITS[dst]})")
            # chains: a target that is itself converted again
            for src, dst in conv.items():
                if isinstance(dst, str) and dst in conv and src != dst:
                    rep.add(file, join("measurement.convert", str(src)),
                            f"target {dst!r} is itself converted to {conv[dst]!r}; map {src!r} straight to the final unit")
    for i, rule in enumerate(m.get("convertWhen") or []):
        p = f"measurement.convertWhen[{i}]"
        if not isinstance(rule, dict):
            rep.add(file, p, f"expected a mapping, found {type_name(rule)}")
            continue
        for key in rule:
            if key not in ("from", "to", "cues"):
                rep.add(file, join(p, str(key)), "unknown key (allowed: from, to, cues)")
        src, dst, cues = rule.get("from"), rule.get("to"), rule.get("cues")
        if src not in UNITS or dst not in UNITS:
            rep.add(file, p, f"from {src!r} and to {dst!r} must be units of the vocabulary")
        elif UNITS[src] != UNITS[dst] or src == dst:
            rep.add(file, p, f"{src} ({UNITS[src]}) cannot convert to {dst} ({UNITS[dst]})")
        if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c.strip() for c in cues):
            rep.add(file, join(p, "cues"), "must list the words that say what the sentence is about")
    if "keep" in m:
        keep = m["keep"]
        if keep is None:
            rep.add(file, "measurement.keep", "must be a list (use [] for none)")
        else:
            check_string_list(rep, file, "measurement.keep", keep, KEEP_CONTEXTS, nonempty=False)


def check_electrical(rep: Report, file: Path, e) -> None:
    if not check_keys(rep, file, "electrical", e, ELECTRICAL_KEYS):
        return
    if "voltages" in e:
        v = e["voltages"]
        if not isinstance(v, list) or not v:
            rep.add(file, "electrical.voltages", "expected a non-empty list of integers (volts)")
        else:
            for i, x in enumerate(v):
                if isinstance(x, bool) or not isinstance(x, int) or not 90 <= x <= 480:
                    rep.add(file, join("electrical.voltages", i), f"expected a mains voltage in volts (90–480), found {x!r}")
            if len(set(map(str, v))) != len(v):
                rep.add(file, "electrical.voltages", "duplicate voltage")
    if "frequency" in e:
        f = e["frequency"]
        if isinstance(f, bool) or not isinstance(f, int) or f not in FREQUENCIES:
            rep.add(file, "electrical.frequency", f"expected 50 or 60 (Hz), found {f!r}")
    if "plugs" in e:
        check_string_list(rep, file, "electrical.plugs", e["plugs"], PLUG_TYPES, nonempty=True)
    if "plugStandard" in e:
        check_string(rep, file, "electrical.plugStandard", e["plugStandard"])
    if "regionalVoltages" in e:
        rv, volts = e["regionalVoltages"], e.get("voltages") or []
        if not isinstance(rv, list) or len(rv) < 2 or any(v not in volts for v in rv):
            rep.add(file, "electrical.regionalVoltages", "expected two or more of electrical.voltages")
    if "everyRegionWords" in e:
        w = e["everyRegionWords"]
        if not isinstance(w, list) or not w or not all(isinstance(x, str) and x.strip() for x in w):
            rep.add(file, "electrical.everyRegionWords", "expected a list of words")
        elif "regionalVoltages" not in e and "regionalFrequencies" not in e:
            rep.add(file, "electrical.everyRegionWords", "needs electrical.regionalVoltages or electrical.regionalFrequencies")
    if "regionalFrequencies" in e:
        rf = e["regionalFrequencies"]
        if not isinstance(rf, list) or sorted(rf) != [50, 60] or e.get("frequency") not in rf:
            rep.add(file, "electrical.regionalFrequencies", "expected [50, 60], including electrical.frequency")
    if "summary" in e:
        check_string(rep, file, "electrical.summary", e["summary"])


def check_certifications(rep: Report, file: Path, c) -> None:
    if not isinstance(c, dict) or not c:
        rep.add(file, "certifications", f"expected a non-empty mapping of categories, found {type_name(c)}")
        return
    for cat, entry in c.items():
        p = join("certifications", str(cat))
        if cat not in CATEGORIES:
            rep.add(file, p, f"unknown category (allowed: {', '.join(sorted(CATEGORIES))})")
            continue
        if not check_keys(rep, file, p, entry, CERT_KEYS):
            continue
        if "required" in entry:
            check_string_list(rep, file, join(p, "required"), entry["required"], MARKS, nonempty=False)
        if "match" in entry and entry["match"] not in ("any", "all"):
            rep.add(file, join(p, "match"), f"must be 'any' or 'all', found {entry['match']!r}")
        for k in ("authority", "note"):
            if k in entry:
                check_string(rep, file, join(p, k), entry[k])


def check_tone(rep: Report, file: Path, t) -> None:
    if not check_keys(rep, file, "tone", t, TONE_KEYS):
        return
    if "address" in t:
        check_enum(rep, file, "tone.address", t["address"], ADDRESS)
    for k in ("superlatives", "comparatives", "allCaps", "emoji"):
        if k in t:
            check_enum(rep, file, join("tone", k), t[k], ALLOW_FLAG)
    if "exclamationRun" in t:
        x = t["exclamationRun"]
        if isinstance(x, bool) or not isinstance(x, int) or x < 0:
            rep.add(file, "tone.exclamationRun",
                    f"expected 0 (never flag) or a positive integer (run length), found {x!r}")
    if "note" in t:
        check_string(rep, file, "tone.note", t["note"])


def _fields(pattern: str) -> list[tuple[str, int]]:
    """ICU date pattern → [(field letter, width)], skipping quoted literals."""
    out: list[tuple[str, int]] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "'":
            j = pattern.find("'", i + 1)
            while j != -1 and j + 1 < n and pattern[j + 1] == "'":
                j = pattern.find("'", j + 2)
            i = n if j == -1 else j + 1
            continue
        if ch.isascii() and ch.isalpha():
            j = i
            while j < n and pattern[j] == ch:
                j += 1
            out.append((ch, j - i))
            i = j
            continue
        i += 1
    return out


def _literal_text(pattern: str) -> str:
    """The pattern with field letters removed and quotes resolved (what prints between fields)."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "'":
            if i + 1 < n and pattern[i + 1] == "'":
                out.append("'")
                i += 2
                continue
            j = i + 1
            while j < n:
                if pattern[j] == "'":
                    if j + 1 < n and pattern[j + 1] == "'":
                        out.append("'")
                        j += 2
                        continue
                    break
                out.append(pattern[j])
                j += 1
            i = j + 1
            continue
        if ch.isascii() and ch.isalpha():
            out.append("\0")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


ALLOWED_FIELDS = set("yMLdGEc")


def check_date_pattern(rep: Report, file: Path, path: str, pattern: str, order: str | None, *, numeric: bool) -> None:
    if pattern.count("'") % 2:
        rep.add(file, path, "unbalanced quote (ICU literals are written 'like this')")
        return
    fields = _fields(pattern)
    letters = [f for f, _ in fields]
    for f in letters:
        if f not in ALLOWED_FIELDS:
            rep.add(file, path, f"unexpected ICU field {f!r} in a date pattern")
    core = [f for f in letters if f in "yMLd"]
    for need in ("y", "d"):
        if core.count(need) != 1:
            rep.add(file, path, f"must contain exactly one {need!r} field")
    if core.count("M") + core.count("L") != 1:
        rep.add(file, path, "must contain exactly one month field (M or L)")
    if order and len(core) == 3:
        got = "".join("M" if f in "ML" else f.upper() for f in core)
        if got != order:
            rep.add(file, path, f"field order {got} disagrees with dates.order {order}")
    widths = dict(fields)
    if numeric:
        if widths.get("M", 0) > 2:
            rep.add(file, path, "numeric pattern must use a numeric month (M or MM)")
        if widths.get("y") == 2:
            rep.add(file, path, "two-digit year (yy) is ambiguous in product copy; use y or yyyy")


def check_dates(rep: Report, file: Path, d) -> None:
    if not check_keys(rep, file, "dates", d, DATES_KEYS):
        return
    order = d.get("order")
    if "order" in d and not check_enum(rep, file, "dates.order", order, DATE_ORDERS):
        order = None
    sep = d.get("separator")
    if "separator" in d and (not isinstance(sep, str) or sep == ""):
        rep.add(file, "dates.separator", f"expected a non-empty string, found {type_name(sep)} {sep!r}")
        sep = None
    if "pattern" in d and check_string(rep, file, "dates.pattern", d["pattern"]):
        check_date_pattern(rep, file, "dates.pattern", d["pattern"], order, numeric=True)
        if sep:
            lit = _literal_text(d["pattern"])
            between = [s for s in lit.split("\0") if s][:2]  # the two separators between the three fields
            stripped = [s.replace("\u200f", "").replace("\u200e", "") for s in between]
            if len(stripped) < 2 or any(s != sep for s in stripped):
                rep.add(file, "dates.pattern",
                        f"separator between fields is {between!r}, dates.separator says {sep!r}")
    if "longPattern" in d and check_string(rep, file, "dates.longPattern", d["longPattern"]):
        # `order` describes the numeric form only: Canada writes 2026-03-22 but "March 22, 2026".
        check_date_pattern(rep, file, "dates.longPattern", d["longPattern"], None, numeric=False)


# --------------------------------------------------------------------------------------------------
# README table
# --------------------------------------------------------------------------------------------------

TABLE_HEADER = [
    "| id | name | language | locale | currency | mains | plugs | spelling |",
    "|---|---|---|---|---|---|---|---|",
]


def table_row(data: dict) -> str:
    e = data.get("electrical") or {}
    volts = "/".join(str(v) for v in e.get("voltages") or [])
    mains = f"{volts} V {e.get('frequency')} Hz"
    plugs = ", ".join(e.get("plugs") or [])
    if e.get("plugStandard"):
        plugs += f" ({e['plugStandard']})"
    spelling = data.get("spelling") or "—"
    return (f"| `{data.get('id')}` | {data.get('name')} | {data.get('language')} | `{data.get('locale')}` | "
            f"{data.get('currency')} | {mains} | {plugs} | {spelling} |")


def expected_table(markets: list[dict]) -> list[str]:
    return TABLE_HEADER + [table_row(m) for m in sorted(markets, key=lambda m: str(m.get("id")))]


def check_readme(rep: Report, readme: Path, markets: list[dict]) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- markets-table:start -->", "<!-- markets-table:end -->"
    if start not in text or end not in text:
        rep.add(readme, "markets table", f"missing the {start} … {end} block")
        return
    block = text.split(start, 1)[1].split(end, 1)[0].strip().splitlines()
    want = expected_table(markets)
    if block != want:
        missing = [r for r in want if r not in block]
        extra = [r for r in block if r not in want]
        for r in missing:
            rep.add(readme, "markets table", f"missing or outdated row: {r}")
        for r in extra:
            rep.add(readme, "markets table", f"row not backed by a market file: {r}")
        if not missing and not extra:
            rep.add(readme, "markets table", "rows are not sorted by id")


# --------------------------------------------------------------------------------------------------

def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
            stray = sorted(path.glob("*.yml"))
            files.extend(stray)
        elif path.exists():
            files.append(path)
        else:
            sys.stderr.write(f"check-markets: {p}: no such file or directory\n")
            sys.exit(2)
    return files


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    opts = {a for a in argv if a.startswith("--")}
    unknown = opts - {"--table", "--help", "-h"}
    if "--help" in opts or "-h" in argv:
        print(__doc__.strip())
        return 0
    if unknown:
        sys.stderr.write(f"check-markets: unknown option {sorted(unknown)[0]} (see --help)\n")
        return 2
    dirs = args or [str(DEFAULT_DIR)]
    files = collect(dirs)
    rep = Report()
    markets: list[dict] = []
    if not files:
        sys.stderr.write(f"check-markets: no *.yaml files in {', '.join(dirs)}\n")
        return 2
    for f in files:
        if f.suffix == ".yml":
            rep.add(f, "", "market files must use the .yaml extension")
            continue
        try:
            raw = f.read_bytes()
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            rep.add(f, "", f"not valid UTF-8 ({exc})")
            continue
        if text.startswith("\ufeff"):
            rep.add(f, "", "starts with a byte-order mark; save as UTF-8 without BOM")
        if "\t" in text:
            rep.add(f, "", f"contains a tab character (line {text[:text.index(chr(9))].count(chr(10)) + 1}); YAML indentation must use spaces")
        if not text.lstrip("\ufeff").startswith("#"):
            rep.add(f, "", "must start with a comment naming the market and the sources of its facts")
        try:
            data = yaml.load(text, Loader=StrictLoader)
        except yaml.YAMLError as exc:
            rep.add(f, "", f"YAML error: {exc}".replace("\n", " "))
            continue
        check_market(rep, f, data)
        if isinstance(data, dict):
            markets.append(data)

    if "--table" in opts:
        print("\n".join(expected_table(markets)))
        return 0

    # The README table is checked when the default directory (or a directory holding README.md) is used.
    for d in dirs:
        readme = Path(d) / "README.md"
        if Path(d).is_dir() and readme.exists():
            check_readme(rep, readme, markets)

    for line in rep.problems:
        print(line)
    n = len(rep.problems)
    sys.stderr.write(f"check-markets: {len(files)} file(s), {n} problem(s)\n")
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Validate the hand-made gold facts of the example corpus (standard library only).

Usage:
    python3 examples/validate_gold.py [--score PATH/TO/score.py] [--show-unannotated]

Checks sixty-three sets the same way, each a gold file against its articles and its docs
file: examples/gold.jsonl against examples/news/*.txt and examples/docs.jsonl (the held-out
gold), examples/series-gold.jsonl (the Karaganda series), examples/ru-gold.jsonl (Russian),
thirty pairs of blind sets, en-blindN and ru-blindN for N from 1 (no suffix) to 30, each
examples/SET-gold.jsonl against examples/SET/*.txt and examples/SET-docs.jsonl,
annotated blind to the extractor's rules and to the sets before them (examples/SET.md):

* every line parses as a JSON object with exactly the gold fields of FACTS.md
  (doc, text, value, unit, qualifier, metric, measure, subject, period, status,
  equivalents, per, object, sentence; `value_high` after `value` for a range that reports
  one state) and their allowed values, the metrics being those of FACTS.md's second version;
* `doc` names a file in news/; `text` and `sentence` occur verbatim in that document's
  article (after the date header), and `text` occurs inside `sentence`;
* `period` is ISO 8601 as FACTS.md writes it (2021, 2021-05, 2021-05-03, 2021-Q1,
  2021-H1, or an interval A/B of those);
* docs.jsonl has one row per document, whose date agrees with the header;
* every document has gold facts;
* the scorer scores the gold against itself as 1.0 everywhere (quantity, every field,
  strict).

--show-unannotated lists digit runs and number words (English, and Russian stems in any
case) in the articles that no gold `text` covers, for a reviewer to confirm they are non-figures (years, dates, clock times,
durations, ages, temperatures, names). Exit code 0 when all checks pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = [  # (name, documents, gold, docs)
    ("news", HERE / "news", HERE / "gold.jsonl", HERE / "docs.jsonl"),
    ("series", HERE / "series", HERE / "series-gold.jsonl", HERE / "series-docs.jsonl"),
    ("ru", HERE / "ru", HERE / "ru-gold.jsonl", HERE / "ru-docs.jsonl"),
    ("ru-blind", HERE / "ru-blind", HERE / "ru-blind-gold.jsonl", HERE / "ru-blind-docs.jsonl"),
    ("en-blind", HERE / "en-blind", HERE / "en-blind-gold.jsonl", HERE / "en-blind-docs.jsonl"),
    ("en-blind2", HERE / "en-blind2", HERE / "en-blind2-gold.jsonl", HERE / "en-blind2-docs.jsonl"),
    ("en-blind4", HERE / "en-blind4", HERE / "en-blind4-gold.jsonl", HERE / "en-blind4-docs.jsonl"),
    ("ru-blind2", HERE / "ru-blind2", HERE / "ru-blind2-gold.jsonl", HERE / "ru-blind2-docs.jsonl"),
    ("ru-blind3", HERE / "ru-blind3", HERE / "ru-blind3-gold.jsonl", HERE / "ru-blind3-docs.jsonl"),
    ("ru-blind4", HERE / "ru-blind4", HERE / "ru-blind4-gold.jsonl", HERE / "ru-blind4-docs.jsonl"),
    ("en-blind5", HERE / "en-blind5", HERE / "en-blind5-gold.jsonl", HERE / "en-blind5-docs.jsonl"),
    ("en-blind6", HERE / "en-blind6", HERE / "en-blind6-gold.jsonl", HERE / "en-blind6-docs.jsonl"),
    ("en-blind7", HERE / "en-blind7", HERE / "en-blind7-gold.jsonl", HERE / "en-blind7-docs.jsonl"),
    ("en-blind8", HERE / "en-blind8", HERE / "en-blind8-gold.jsonl", HERE / "en-blind8-docs.jsonl"),
    ("en-blind9", HERE / "en-blind9", HERE / "en-blind9-gold.jsonl", HERE / "en-blind9-docs.jsonl"),
    ("en-blind10", HERE / "en-blind10", HERE / "en-blind10-gold.jsonl", HERE / "en-blind10-docs.jsonl"),
    ("en-blind11", HERE / "en-blind11", HERE / "en-blind11-gold.jsonl", HERE / "en-blind11-docs.jsonl"),
    ("en-blind12", HERE / "en-blind12", HERE / "en-blind12-gold.jsonl", HERE / "en-blind12-docs.jsonl"),
    ("en-blind13", HERE / "en-blind13", HERE / "en-blind13-gold.jsonl", HERE / "en-blind13-docs.jsonl"),
    ("en-blind14", HERE / "en-blind14", HERE / "en-blind14-gold.jsonl", HERE / "en-blind14-docs.jsonl"),
    ("en-blind15", HERE / "en-blind15", HERE / "en-blind15-gold.jsonl", HERE / "en-blind15-docs.jsonl"),
    ("en-blind16", HERE / "en-blind16", HERE / "en-blind16-gold.jsonl", HERE / "en-blind16-docs.jsonl"),
    ("en-blind17", HERE / "en-blind17", HERE / "en-blind17-gold.jsonl", HERE / "en-blind17-docs.jsonl"),
    ("en-blind18", HERE / "en-blind18", HERE / "en-blind18-gold.jsonl", HERE / "en-blind18-docs.jsonl"),
    ("en-blind19", HERE / "en-blind19", HERE / "en-blind19-gold.jsonl", HERE / "en-blind19-docs.jsonl"),
    ("en-blind20", HERE / "en-blind20", HERE / "en-blind20-gold.jsonl", HERE / "en-blind20-docs.jsonl"),
    ("en-blind21", HERE / "en-blind21", HERE / "en-blind21-gold.jsonl", HERE / "en-blind21-docs.jsonl"),
    ("en-blind22", HERE / "en-blind22", HERE / "en-blind22-gold.jsonl", HERE / "en-blind22-docs.jsonl"),
    ("en-blind23", HERE / "en-blind23", HERE / "en-blind23-gold.jsonl", HERE / "en-blind23-docs.jsonl"),
    ("en-blind24", HERE / "en-blind24", HERE / "en-blind24-gold.jsonl", HERE / "en-blind24-docs.jsonl"),
    ("en-blind25", HERE / "en-blind25", HERE / "en-blind25-gold.jsonl", HERE / "en-blind25-docs.jsonl"),
    ("en-blind26", HERE / "en-blind26", HERE / "en-blind26-gold.jsonl", HERE / "en-blind26-docs.jsonl"),
    ("en-blind27", HERE / "en-blind27", HERE / "en-blind27-gold.jsonl", HERE / "en-blind27-docs.jsonl"),
    ("en-blind28", HERE / "en-blind28", HERE / "en-blind28-gold.jsonl", HERE / "en-blind28-docs.jsonl"),
    ("en-blind29", HERE / "en-blind29", HERE / "en-blind29-gold.jsonl", HERE / "en-blind29-docs.jsonl"),
    ("en-blind30", HERE / "en-blind30", HERE / "en-blind30-gold.jsonl", HERE / "en-blind30-docs.jsonl"),
    ("ru-blind5", HERE / "ru-blind5", HERE / "ru-blind5-gold.jsonl", HERE / "ru-blind5-docs.jsonl"),
    ("ru-blind6", HERE / "ru-blind6", HERE / "ru-blind6-gold.jsonl", HERE / "ru-blind6-docs.jsonl"),
    ("ru-blind7", HERE / "ru-blind7", HERE / "ru-blind7-gold.jsonl", HERE / "ru-blind7-docs.jsonl"),
    ("ru-blind8", HERE / "ru-blind8", HERE / "ru-blind8-gold.jsonl", HERE / "ru-blind8-docs.jsonl"),
    ("ru-blind9", HERE / "ru-blind9", HERE / "ru-blind9-gold.jsonl", HERE / "ru-blind9-docs.jsonl"),
    ("ru-blind10", HERE / "ru-blind10", HERE / "ru-blind10-gold.jsonl", HERE / "ru-blind10-docs.jsonl"),
    ("ru-blind11", HERE / "ru-blind11", HERE / "ru-blind11-gold.jsonl", HERE / "ru-blind11-docs.jsonl"),
    ("ru-blind12", HERE / "ru-blind12", HERE / "ru-blind12-gold.jsonl", HERE / "ru-blind12-docs.jsonl"),
    ("ru-blind13", HERE / "ru-blind13", HERE / "ru-blind13-gold.jsonl", HERE / "ru-blind13-docs.jsonl"),
    ("ru-blind14", HERE / "ru-blind14", HERE / "ru-blind14-gold.jsonl", HERE / "ru-blind14-docs.jsonl"),
    ("ru-blind15", HERE / "ru-blind15", HERE / "ru-blind15-gold.jsonl", HERE / "ru-blind15-docs.jsonl"),
    ("ru-blind16", HERE / "ru-blind16", HERE / "ru-blind16-gold.jsonl", HERE / "ru-blind16-docs.jsonl"),
    ("ru-blind17", HERE / "ru-blind17", HERE / "ru-blind17-gold.jsonl", HERE / "ru-blind17-docs.jsonl"),
    ("ru-blind18", HERE / "ru-blind18", HERE / "ru-blind18-gold.jsonl", HERE / "ru-blind18-docs.jsonl"),
    ("ru-blind19", HERE / "ru-blind19", HERE / "ru-blind19-gold.jsonl", HERE / "ru-blind19-docs.jsonl"),
    ("ru-blind20", HERE / "ru-blind20", HERE / "ru-blind20-gold.jsonl", HERE / "ru-blind20-docs.jsonl"),
    ("ru-blind21", HERE / "ru-blind21", HERE / "ru-blind21-gold.jsonl", HERE / "ru-blind21-docs.jsonl"),
    ("ru-blind22", HERE / "ru-blind22", HERE / "ru-blind22-gold.jsonl", HERE / "ru-blind22-docs.jsonl"),
    ("ru-blind23", HERE / "ru-blind23", HERE / "ru-blind23-gold.jsonl", HERE / "ru-blind23-docs.jsonl"),
    ("ru-blind24", HERE / "ru-blind24", HERE / "ru-blind24-gold.jsonl", HERE / "ru-blind24-docs.jsonl"),
    ("ru-blind25", HERE / "ru-blind25", HERE / "ru-blind25-gold.jsonl", HERE / "ru-blind25-docs.jsonl"),
    ("ru-blind26", HERE / "ru-blind26", HERE / "ru-blind26-gold.jsonl", HERE / "ru-blind26-docs.jsonl"),
    ("ru-blind27", HERE / "ru-blind27", HERE / "ru-blind27-gold.jsonl", HERE / "ru-blind27-docs.jsonl"),
    ("ru-blind28", HERE / "ru-blind28", HERE / "ru-blind28-gold.jsonl", HERE / "ru-blind28-docs.jsonl"),
    ("ru-blind29", HERE / "ru-blind29", HERE / "ru-blind29-gold.jsonl", HERE / "ru-blind29-docs.jsonl"),
    ("ru-blind30", HERE / "ru-blind30", HERE / "ru-blind30-gold.jsonl", HERE / "ru-blind30-docs.jsonl"),
    ("en-blind3", HERE / "en-blind3", HERE / "en-blind3-gold.jsonl", HERE / "en-blind3-docs.jsonl"),
]
DEFAULT_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"

FIELDS = ["doc", "text", "value", "unit", "qualifier", "metric", "measure", "subject",
          "period", "status", "equivalents", "per", "object", "sentence"]
QUALIFIERS = {None, "more_than", "less_than", "about"}
METRICS = {"investment", "fdi", "project_value", "output", "economy", "jobs", "employment",
           "unemployment", "vacancies", "projects", "companies", "capacity", "area",
           "infrastructure", "trade", "budget", "housing", "income", "environment",
           "transport", "prices", "rank", "other"}
MEASURES = {"level", "change", "index", "share"}
STATUSES = {"actual", "planned"}
# `m2`, `m3`, `t`, `kg`, `l`, `ounce`, `ha`: a price per square metre, cubic metre, tonne,
# kilogram, litre or ounce, a yield per hectare (FACTS.md: `per` may be the unit of what a rate
# is per); `second` for a flow, `night` for a bed's price
PERS = {None, "year", "month", "week", "day", "hour", "second", "night", "student", "job",
        "person", "m2", "m3", "t", "kg", "l", "ounce", "ha"}
CURRENCIES = {"KZT", "USD", "EUR", "RUB", "CNY", "UZS", "KGS", "TJS"}
MEASURE_UNITS = {"%", "m2", "m3", "ha", "t", "km", "kWh", "MW", "rank", "times"}
# counted nouns: singular, lower case
COUNT_UNIT = re.compile(r"^[a-z]+$")
FOLDED = {"workplace": "job", "employment opportunity": "job", "people": "person",
          "resident": "person", "employee": "person", "worker": "person",
          "citizen": "person", "smes": "sme", "industrial zone": "zone"}

P1 = r"\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}(?:-\d{2})?))?"
PERIOD = re.compile(rf"^{P1}(?:/{P1})?$")
HEADER = re.compile(r"^ ?date:? (\d{4}-\d{2}-\d{2})[ \n]")
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve dozen "
                "twenty thirty forty fifty half quarter third first second fifth twice "
                "double twofold threefold").split()
# Russian number words by stem, so that any case form is listed (двух, пяти, полутора, трети)
NUMBER_WORDS_RU = (r"од(?:ин|на|но|ного|ной|ному)|дв(?:а|е|ух|ум|умя)|тр(?:и|ёх|ех|ём|ем|емя)"
                   r"|четыр\w*|пят\w*|шест\w*|сем(?:ь|и|ью)|восьм\w*|восем\w*|девят\w*"
                   r"|десят\w*|полтор\w*|полутор\w*|половин\w*|трет\w*|четверт\w*"
                   r"|перв\w*|втор\w*|тысяч\w*|миллион\w*|миллиард\w*|вдвое|втрое")


def article(path: Path) -> tuple[str, int, str | None]:
    """The whole text, where the article starts, and the header date."""
    s = path.read_text(encoding="utf-8")
    m = HEADER.match(s)
    return s, (m.end() if m else 0), (m.group(1) if m else None)


def check_unit(u, errors, where):
    if u in CURRENCIES or u in MEASURE_UNITS:
        return
    if not isinstance(u, str) or not COUNT_UNIT.match(u):
        errors.append(f"{where}: unit {u!r} is not an ISO code, a measure or a singular noun")
    elif u in FOLDED or (u.endswith("s") and u not in {"bus"}):
        errors.append(f"{where}: unit {u!r} should be folded/singular")


def fields_of(f: dict) -> list[str]:
    """The gold fields this record must have, in order: `value_high` only on a range."""
    if "value_high" not in f:
        return FIELDS
    i = FIELDS.index("value") + 1
    return FIELDS[:i] + ["value_high"] + FIELDS[i:]


def validate(NEWS: Path, GOLD: Path, DOCS: Path, a) -> tuple[list[str], int, int]:
    """Errors, number of facts, number of documents for one set."""
    errors: list[str] = []
    texts = {p.stem: article(p) for p in sorted(NEWS.glob("*.txt"))}
    facts_by_doc: dict[str, list[dict]] = {d: [] for d in texts}

    for lineno, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        where = f"gold.jsonl:{lineno}"
        if not line.strip():
            continue
        try:
            f = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: bad JSON: {e}")
            continue
        if not isinstance(f, dict) or list(f) != fields_of(f):
            errors.append(f"{where}: fields are {list(f) if isinstance(f, dict) else f!r}, "
                          f"want {fields_of(f) if isinstance(f, dict) else FIELDS}")
            continue
        doc = f["doc"]
        if doc not in texts:
            errors.append(f"{where}: no document news/{doc}.txt")
            continue
        s, start, _ = texts[doc]
        body = s[start:]
        facts_by_doc[doc].append(f)
        if not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool):
            errors.append(f"{where}: value {f['value']!r} is not a number")
        elif "value_high" in f and not (
                isinstance(f["value_high"], (int, float)) and f["value_high"] > f["value"]):
            errors.append(f"{where}: value_high {f['value_high']!r} is not above value")
        if f["text"] not in body:
            errors.append(f"{where}: text {f['text']!r} not in {doc}")
        if f["sentence"] not in body:
            errors.append(f"{where}: sentence not verbatim in {doc}: {f['sentence'][:60]!r}")
        elif f["text"] not in f["sentence"]:
            errors.append(f"{where}: text {f['text']!r} not in its sentence")
        check_unit(f["unit"], errors, where)
        for field, allowed in (("qualifier", QUALIFIERS), ("metric", METRICS),
                               ("measure", MEASURES), ("status", STATUSES), ("per", PERS)):
            if f[field] not in allowed:
                errors.append(f"{where}: {field} {f[field]!r} not allowed")
        if f["period"] is not None and not PERIOD.match(f["period"]):
            errors.append(f"{where}: period {f['period']!r} is not ISO 8601 as FACTS.md")
        if not isinstance(f["subject"], (str, type(None))):
            errors.append(f"{where}: subject must be a string or null")
        # FACTS.md v2: an equivalent may be in any unit ("4,882 apartments" next to m2).
        eqs = f["equivalents"]
        if not isinstance(eqs, list) or any(
                not isinstance(e, dict) or set(e) != {"value", "unit"} for e in eqs):
            errors.append(f"{where}: equivalents must be a list of {{value, unit}}")
        else:
            for e in eqs:
                check_unit(e["unit"], errors, f"{where}: equivalent")
                if e["unit"] == f["unit"]:
                    errors.append(f"{where}: equivalent in the fact's own unit {e['unit']!r}")

    for doc, facts in facts_by_doc.items():
        if not facts:
            errors.append(f"news/{doc}.txt has no gold facts")

    # docs.jsonl
    seen = set()
    for lineno, line in enumerate(DOCS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        doc = r.get("doc")
        seen.add(doc)
        if doc not in texts:
            errors.append(f"docs.jsonl:{lineno}: unknown doc {doc!r}")
            continue
        header_date = texts[doc][2]
        if r.get("date_source") == "header":
            if header_date != r.get("date"):
                errors.append(f"docs.jsonl:{lineno}: date {r.get('date')} != header {header_date}")
        elif r.get("date_source") == "text":
            if header_date is not None:
                errors.append(f"docs.jsonl:{lineno}: {doc} has a header but date_source text")
        else:
            errors.append(f"docs.jsonl:{lineno}: date_source must be header or text")
    for doc in texts:
        if doc not in seen:
            errors.append(f"docs.jsonl: no row for {doc}")

    # the scorer against itself
    scorer = Path(a.score)
    if not scorer.exists():
        errors.append(f"scorer not found at {scorer} (use --score)")
    else:
        out = subprocess.run([sys.executable, str(scorer), str(GOLD), str(GOLD), "--json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            errors.append(f"score.py failed: {out.stderr.strip()}")
        else:
            res = json.loads(out.stdout)
            scores = {"quantity f1": res["quantity"]["f1"], "strict f1": res["strict"]["f1"]}
            scores.update({f"{k} accuracy": v["accuracy"] for k, v in res["fields"].items()})
            bad = {k: v for k, v in scores.items() if v != 1.0}
            if bad:
                errors.append(f"self-score is not 1.0: {bad}")
            if res.get("unit_primary_wrong"):
                errors.append("self-score matched through equivalents")

    if a.show_unannotated:
        token = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(NUMBER_WORDS) + "|"
                           + NUMBER_WORDS_RU + r")\b", re.I)
        for doc, (s, start, _) in texts.items():
            covered = []
            for f in facts_by_doc[doc]:
                sent_at = s.find(f["sentence"], start)
                i = s.find(f["text"], sent_at)
                if sent_at >= 0 and i >= 0:
                    covered.append((i, i + len(f["text"])))
            for m in token.finditer(s, start):
                if not any(x <= m.start() < y for x, y in covered):
                    ctx = s[max(start, m.start() - 25):m.end() + 25].replace("\n", " ")
                    print(f"  {doc}: {m.group(0)!r:>8}  …{ctx}…")

    return errors, sum(len(v) for v in facts_by_doc.values()), len(texts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--score", default=str(DEFAULT_SCORER), help="path to score.py")
    ap.add_argument("--show-unannotated", action="store_true")
    a = ap.parse_args(argv)
    failed = False
    for name, docs_dir, gold, docs in SETS:
        errors, n, ndocs = validate(docs_dir, gold, docs, a)
        for e in errors:
            print(f"error: {name}: {e}")
        if errors:
            failed = True
            print(f"{name}: {len(errors)} error(s) in {n} gold facts over {ndocs} documents")
        else:
            print(f"{name}: ok: {n} gold facts over {ndocs} documents; self-score 1.0")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

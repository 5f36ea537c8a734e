"""almanac.extract: one text in, FACTS.md dicts out, equal to what `almanac extract` prints."""

import datetime
import json
import re

import pytest

import almanac
from conftest import as_cli_line, cli_lines

FIELDS = [
    "doc", "text", "value", "value_high", "unit", "qualifier", "metric", "measure", "subject", "period",
    "status", "equivalents", "per", "group", "object", "span", "sentence",
]

TEXT = (
    "The regional akimat reported that 35 new enterprises opened this year, "
    "and a cement plant worth 48 billion tenge ($101 million) will be built by 2026."
)


def test_facts_have_the_fields_of_facts_md_in_order():
    facts = almanac.extract(TEXT, date="2024-09-12", doc="plant")
    assert facts, "the text holds figures"
    for fact in facts:
        assert list(fact) == FIELDS
        assert fact["doc"] == "plant"
        start, end = fact["span"]
        assert TEXT.encode()[start:end].decode() == fact["text"]
    money = next(f for f in facts if f["unit"] == "KZT")
    assert money["value"] == 48e9
    assert money["value_high"] is None
    assert money["equivalents"] == [{"value": 101e6, "unit": "USD"}]


def test_a_range_gives_its_lower_end_as_value_and_its_upper_end_as_value_high():
    facts = almanac.extract("The new plant will employ 250-300 people.", date="2024-05-02")
    assert [(f["text"], f["value"], f["value_high"]) for f in facts] == [
        ("250-300 people", 250, 300)
    ]


# (date argument, the period `this year` resolves to)
DATES = [
    ("2024-09-12", "2024"),
    (datetime.date(2021, 3, 1), "2021"),
    (datetime.datetime(2019, 12, 31, 23, 59), "2019"),
    (None, None),
]


@pytest.mark.parametrize("date, period", DATES)
def test_date_as_string_or_date(date, period):
    text = "35 new enterprises opened this year."
    facts = almanac.extract(text, date=date)
    assert [f["period"] for f in facts] == [period]


@pytest.mark.parametrize("date", ["2024-13-01", "12.09.2024", "2024-09-12T10:00", ""])
def test_a_bad_date_is_a_value_error_naming_it(date):
    with pytest.raises(ValueError, match=f"invalid date {json.dumps(date)}"):
        almanac.extract(TEXT, date=date)


@pytest.mark.parametrize("date", [20240912, 2024.0, ["2024-09-12"]])
def test_a_date_of_another_type_is_a_type_error(date):
    with pytest.raises(TypeError, match="date must be"):
        almanac.extract(TEXT, date=date)


RUSSIAN = "В 2024 году в Шымкенте создано 1 200 новых рабочих мест."


@pytest.mark.parametrize("lang", [None, "en"])
def test_english_is_read_as_english(lang):
    assert almanac.extract(TEXT, lang=lang) == almanac.extract(TEXT)


def test_russian_is_detected_or_named():
    facts = almanac.extract(RUSSIAN)
    assert facts == almanac.extract(RUSSIAN, lang="ru")
    assert [f["value"] for f in facts] == [1200]
    # Read with the English rules, the Russian words say nothing of the figure's subject.
    assert almanac.extract(RUSSIAN, lang="en") != facts


@pytest.mark.parametrize("lang", ["de", "EN", "", "english"])
def test_an_unknown_language_is_a_value_error(lang):
    with pytest.raises(ValueError, match="unsupported lang"):
        almanac.extract(TEXT, lang=lang)


def test_no_figures_no_facts():
    assert almanac.extract("The akimat met the investors on Tuesday.") == []
    assert almanac.extract("") == []


def test_text_files_equal_the_cli_byte_for_byte(news_dir):
    """Every example article: the CLI's lines, and the bindings' facts serialised the same way."""
    expected = cli_lines(str(news_dir))
    lines = []
    for path in sorted(news_dir.iterdir()):
        text = path.read_text(encoding="utf-8")
        lines += [as_cli_line(fact) for fact in almanac.extract(text, doc=path.stem)]
    assert len(lines) > 200
    assert lines == expected
    assert [json.loads(line) for line in expected] == [json.loads(line) for line in lines]


def test_jsonl_records_equal_the_cli_byte_for_byte(corpus):
    expected = cli_lines(str(corpus))
    facts = []
    with corpus.open(encoding="utf-8") as records:
        for record in map(json.loads, records):
            facts += almanac.extract(record["text"], date=record["date"], doc=record["id"])
    assert len(facts) > 1000
    assert [json.loads(line) for line in expected] == facts
    assert [as_cli_line(fact) for fact in facts] == expected


def test_the_date_argument_acts_as_the_cli_date_option(news_dir):
    text = (news_dir / "aktau-port-2022.txt").read_text(encoding="utf-8")
    # Without its date header, so that the date given counts.
    text = re.sub(r"^ date \d{4}-\d{2}-\d{2} ", "", text)
    assert not text.startswith(" date")
    # The CLI names a document read from stdin `stdin`.
    expected = cli_lines("--date", "2020-06-30", "-", stdin=text)
    facts = almanac.extract(text, date="2020-06-30", doc="stdin")
    assert expected
    assert [as_cli_line(fact) for fact in facts] == expected

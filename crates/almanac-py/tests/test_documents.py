"""almanac.extract_documents: each document with its whole extraction, for a ledger."""

import datetime
import json

import pyarrow as pa
import pytest

import almanac
from conftest import cli_lines

PARK = "The Turkestan industrial park created 420 jobs in 2023."


def test_the_extractions_hold_the_cli_facts(corpus):
    with corpus.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    batch = pa.RecordBatch.from_pylist(
        [{"id": r["id"], "text": r["text"], "date": r.get("date"), "title": r.get("title")} for r in records]
    )
    documents = almanac.extract_documents(batch)
    assert documents.schema == almanac.documents_schema()
    rows = documents.to_pylist()
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert [row["text"] for row in rows] == [r["text"] for r in records]
    assert [row["title"] for row in rows] == [r.get("title") for r in records]
    facts = [fact for row in rows for fact in json.loads(row["extraction"])["facts"]]
    expected = [json.loads(line) for line in cli_lines(str(corpus))]
    assert len(expected) > 1000
    assert facts == expected
    assert {row["extractor_version"] for row in rows} == {almanac.EXTRACTOR_VERSION}
    assert {row["lang"] for row in rows} == {"en"}


def test_facts_of_documents_equal_extract_batch(corpus):
    with corpus.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines][:200]
    batch = pa.RecordBatch.from_pylist([{"id": r["id"], "text": r["text"], "date": r.get("date")} for r in records])
    facts = almanac.facts_of_documents(almanac.extract_documents(batch))
    assert facts.schema == almanac.facts_schema()
    assert facts.num_rows > 100
    assert facts.equals(almanac.extract_batch(batch))


def test_facts_of_documents_refuses_other_batches():
    facts = almanac.extract_batch(pa.RecordBatch.from_pydict({"id": ["a"], "text": [PARK]}))
    with pytest.raises(ValueError, match="this is the facts dataset"):
        almanac.facts_of_documents(facts)


def test_columns_and_languages():
    batch = pa.RecordBatch.from_pydict(
        {
            "id": [1, 2, 3],
            "text": [PARK, PARK, "В 2023 году в Шымкенте создано 420 рабочих мест."],
            "date": pa.array([datetime.date(2024, 3, 4), None, None], pa.date32()),
            "url": ["https://example.org/park", None, None],
            "lang": [None, "kk", None],
        }
    )
    rows = almanac.extract_documents(batch).to_pylist()
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert [r["date"] for r in rows] == [datetime.date(2024, 3, 4), None, None]
    assert [r["url"] for r in rows] == ["https://example.org/park", None, None]
    assert [r["title"] for r in rows] == [None, None, None]
    assert [r["lang"] for r in rows] == ["en", "kk", "ru"]
    extractions = [json.loads(r["extraction"]) for r in rows]
    assert extractions[0]["date"] == "2024-03-04" and extractions[0]["date_source"] == "metadata"
    assert extractions[0]["facts"][0]["text"] == "420 jobs"
    assert {entity["name"] for entity in extractions[0]["entities"]} == {"Turkestan Industrial Park"}
    # Told to read it as Kazakh, for which almanac has no rules: stored without facts.
    assert extractions[1]["facts"] == [] and extractions[1]["lang"] == "kk"
    assert extractions[2]["lang"] == "ru" and extractions[2]["facts"]


@pytest.mark.parametrize(
    "columns, error, message",
    [
        ({"id": ["a"], "text": pa.array([None], pa.string())}, ValueError, 'row 0: "text" is null'),
        ({"id": ["a"], "text": [PARK], "lang": ["fr"]}, ValueError, 'document "a": unknown lang "fr"'),
        ({"id": ["a"], "text": [PARK], "title": [1]}, TypeError, 'column "title" is of type Int64'),
        ({"id": ["a"]}, KeyError, 'the batch has no "text" column'),
    ],
)
def test_bad_batches(columns, error, message):
    with pytest.raises(error, match=message):
        almanac.extract_documents(pa.RecordBatch.from_pydict(columns))

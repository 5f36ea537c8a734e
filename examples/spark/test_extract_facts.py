"""The Spark job, run as a user runs it (local[2]), gives the CLI's facts, filed by year,
and its documents dataset imported by the CLI gives the ledger `almanac ingest` makes.

Needs pyspark, Java 17+, the wheel of the bindings, and the release binaries `almanac`
and `almanac-gen` (`.ci/run` provides all of them).
"""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import almanac

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
JOB = HERE / "extract_facts.py"

sys.path.insert(0, str(HERE))
from extract_facts import period_end_year  # noqa: E402


def binary(name: str) -> str:
    path = ROOT / "target" / "release" / name
    if not path.is_file():
        raise RuntimeError(f"{path} not found: build it with `cargo build --release --bins`")
    return str(path)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """200 generated articles, and one without a date or an id."""
    path = tmp_path_factory.mktemp("archive") / "articles.jsonl"
    subprocess.run([binary("almanac-gen"), "--docs", "200", "--seed", "3", "-o", str(path)], check=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"id": "undated", "text": "The park has 12 resident companies."}) + "\n")
        out.write(json.dumps({"text": "A record without an id is skipped: 5 plants."}) + "\n")
    return path


def cli_facts(path: Path) -> list[dict]:
    run = subprocess.run([binary("almanac"), "extract", str(path)], check=True, capture_output=True, text=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def run_job(archive: Path, output: Path, *args: str) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYSPARK_")}
    subprocess.run(
        [sys.executable, str(JOB), str(archive), str(output), "--master", "local[2]", "--batch-rows", "64", *args],
        check=True,
        env=env,
        timeout=600,
    )
    table = ds.dataset(output, format="parquet", partitioning="hive").to_table()
    rows = []
    for row in table.to_pylist():
        row["span"] = [row.pop("span_start"), row.pop("span_end")]
        row["sentence"] = row.pop("sentence")
        rows.append(row)
    return rows


def key(fact: dict):
    return (fact["doc"], fact["span"][0], fact["span"][1], fact["text"])


def check_job_output(rows: list[dict], archive: Path):
    expected = cli_facts(archive)
    expected = [f for f in expected if not f["doc"].startswith("articles-")]  # the id-less record
    assert len(expected) > 1000
    dates = {}
    with archive.open(encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            if "id" in record:
                dates[record["id"]] = record.get("date")
    years = [row.pop("year") for row in rows]
    assert sorted(rows, key=key) == sorted(expected, key=key)
    for row, year in zip(rows, years):
        if row["period"]:
            assert year == period_end_year(row["period"]), row
        else:
            date = dates[row["doc"]]
            assert year == (int(date[:4]) if date else None), row
    assert Counter(y is None for y in years)[True] >= 1  # the undated article's fact


@pytest.fixture(scope="module")
def jsonl_job(archive, tmp_path_factory):
    """The job run once on the JSONL archive, with the documents dataset too."""
    out = tmp_path_factory.mktemp("job")
    rows = run_job(archive, out / "facts", "--documents", str(out / "documents"))
    return rows, out


def test_jsonl_archive(archive, jsonl_job):
    rows, out = jsonl_job
    check_job_output([dict(row) for row in rows], archive)
    # Partitioned by year on disk.
    assert {p.name for p in (out / "facts").iterdir() if p.is_dir()} >= {"year=2019", "year=2020"}


def ledger(db: Path, *args: str) -> str:
    run = subprocess.run(
        [binary("almanac"), *args, "--db", str(db)], check=True, capture_output=True, text=True
    )
    return run.stdout


def ledger_facts(db: Path) -> list[dict]:
    """The ledger's facts but their ids (the order Spark wrote the documents in numbers
    them), without the id-less record that only `ingest` keeps."""
    facts = json.loads(ledger(db, "facts", "--format", "json"))
    for fact in facts:
        del fact["id"]
    return sorted((f for f in facts if not f["doc"].startswith("articles-")), key=key)


def test_documents_import_gives_the_ingested_ledger(archive, jsonl_job, tmp_path):
    _, out = jsonl_job
    documents = out / "documents"
    assert pq.read_schema(next(documents.glob("part-*.parquet"))).names == almanac.documents_schema().names
    imported, ingested = tmp_path / "imported.db", tmp_path / "ingested.db"
    summary = ledger(imported, "import-parquet", str(documents))
    assert "imported 201 documents" in summary, summary
    ledger(ingested, "ingest", str(archive))
    facts = ledger_facts(imported)
    assert len(facts) > 1000
    assert facts == ledger_facts(ingested)
    entities = json.loads(ledger(imported, "entities", "--format", "json"))
    assert entities == json.loads(ledger(ingested, "entities", "--format", "json"))
    # Once more into both ledgers: every document is unchanged.
    for db in (imported, ingested):
        summary = ledger(db, "import-parquet", str(documents))
        assert "0 new, 0 updated, 201 unchanged, 0 failed" in summary, summary


def test_parquet_archive_with_date_column(archive, tmp_path):
    with archive.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    table = pa.table(
        {
            "id": [r.get("id") for r in records],
            "text": [r["text"] for r in records],
            "date": pa.array([r.get("date") for r in records]).cast(pa.date32()),
            "title": [r.get("title") for r in records],
        }
    )
    parquet = tmp_path / "articles.parquet"
    pq.write_table(table, parquet)
    rows = run_job(parquet, tmp_path / "facts")
    check_job_output(rows, archive)


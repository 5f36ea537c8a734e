"""Extract the facts of an archive of articles with Spark; write them as Parquet by year.

    python examples/spark/extract_facts.py ARCHIVE OUTPUT [--documents DIR] [--master local[2]] [--overwrite]
    spark-submit examples/spark/extract_facts.py ARCHIVE OUTPUT

ARCHIVE is JSONL (a file, a directory or a glob; one article a line with `id`, `text`
and `date`, and optionally `title`, `url` and `lang`, as `almanac ingest` reads JSONL) or
Parquet (`--format parquet`, or a path ending in `.parquet`) with the same columns; `date`
may be a string `YYYY-MM-DD` or a DATE. Records without `id` or `text` are skipped.

OUTPUT is a directory of Parquet files, `year=YYYY/part-*.parquet`, whose columns are
`almanac.facts_schema()` (FACTS.md's fields, `span` as `span_start` and `span_end`).
A fact's year is the year its period ends (`2021-Q3` -> 2021, `2016/2022` -> 2022, a plan
`2024/2030` -> 2030): a figure is filed under the latest time it speaks of, so a plan lands
where its outcome will be reported. A fact with no period takes the year of its document's
`date`; with neither, it goes to Spark's null partition (`year=__HIVE_DEFAULT_PARTITION__`).

`--documents DIR` also writes the documents dataset there (Parquet, the columns of
`almanac.documents_schema()`): each article with its whole extraction (facts, entities,
date, language), which `almanac import-parquet DIR` writes to a ledger (SQLite or
PostgreSQL) as `almanac ingest` would have. The facts alone cannot make a ledger: it
keeps each document's text, entities and date too. The articles are then extracted once:
the documents dataset is written first, and the facts are read out of its extractions
(`almanac.facts_of_documents`).

The extraction runs in Spark's Python workers through `mapInArrow`: each Arrow batch of
articles goes to `almanac.extract_batch` as it is, and its facts come back as an Arrow
batch. Memory stays bounded by the batch size (`--batch-rows` articles). Each worker
extracts with `spark.task.cpus` threads (the bindings' pool is made in the worker itself,
after Spark's fork), so `local[N]` or N executor cores use N cores.
"""

import argparse
import os
import sys

import pyarrow as pa

import almanac


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.master and args.master.startswith("local"):
        # Local workers run this interpreter, the one with the wheel, not `python3` on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("almanac-extract-facts")
    if args.master:
        builder = builder.master(args.master)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
    spark = builder.getOrCreate()
    try:
        documents = read_archive(spark, args.archive, args.format)
        threads = int(spark.conf.get("spark.task.cpus", "1"))
        mode = "overwrite" if args.overwrite else "errorifexists"
        if args.documents:
            extract_documents(documents, threads).write.mode(mode).parquet(args.documents)
            facts = facts_of_documents(spark.read.parquet(args.documents))
        else:
            facts = extract_facts(documents.select("id", "text", "date"), threads=threads)
        facts.write.mode(mode).partitionBy("year").parquet(args.output)
    finally:
        spark.stop()
    return 0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", help="JSONL or Parquet articles: id, text, date")
    parser.add_argument("output", help="directory for the facts, Parquet partitioned by year")
    parser.add_argument(
        "--documents", metavar="DIR", help="also write the documents with their extractions, for `almanac import-parquet`"
    )
    parser.add_argument("--format", choices=["jsonl", "parquet"], help="default: from the extension")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--batch-rows", type=int, default=1000, help="articles per Arrow batch")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    return parser.parse_args(argv)


def read_archive(spark, path: str, format: str = None):
    """The articles as a DataFrame of `id`, `text`, `date`, `title`, `url` and `lang`."""
    if (format or ("parquet" if path.rstrip("/").endswith(".parquet") else "jsonl")) == "parquet":
        frame = spark.read.parquet(path)
        for column in ("date", "title", "url", "lang"):
            if column not in frame.columns:
                frame = frame.selectExpr("*", f"CAST(NULL AS STRING) AS {column}")
        frame = frame.selectExpr("CAST(id AS STRING) AS id", "text", "date", "title", "url", "lang")
    else:
        frame = spark.read.schema("id STRING, text STRING, date STRING, title STRING, url STRING, lang STRING").json(path)
    return frame.where("id IS NOT NULL AND text IS NOT NULL")


def facts_schema() -> pa.Schema:
    """The facts and their partition column."""
    return almanac.facts_schema().append(pa.field("year", pa.int32()))


def extract_facts(documents, threads: int = 1):
    """The facts of `documents` (a DataFrame of `id`, `text`, `date`), with their `year`."""
    from pyspark.sql.pandas.types import from_arrow_schema

    schema = facts_schema()

    def extract_partition(batches):
        # Read by the pool when the worker's first batch is extracted: one thread a task.
        os.environ.setdefault("RAYON_NUM_THREADS", str(threads))
        for batch in batches:
            facts = almanac.extract_batch(batch)
            years = pa.array(fact_years(facts, batch), pa.int32())
            yield pa.RecordBatch.from_arrays([*facts.columns, years], schema=schema)

    return documents.mapInArrow(extract_partition, from_arrow_schema(schema))


def facts_of_documents(documents):
    """The facts held in the documents dataset's extractions, with their `year`."""
    from pyspark.sql.pandas.types import from_arrow_schema

    schema = facts_schema()

    def facts_partition(batches):
        for batch in batches:
            facts = almanac.facts_of_documents(batch)
            years = pa.array(fact_years(facts, batch), pa.int32())
            yield pa.RecordBatch.from_arrays([*facts.columns, years], schema=schema)

    return documents.mapInArrow(facts_partition, from_arrow_schema(schema))


def extract_documents(documents, threads: int = 1):
    """Each of `documents` with its whole extraction: `almanac.documents_schema()`."""
    from pyspark.sql.pandas.types import from_arrow_schema

    def extract_partition(batches):
        os.environ.setdefault("RAYON_NUM_THREADS", str(threads))
        for batch in batches:
            yield almanac.extract_documents(batch)

    return documents.mapInArrow(extract_partition, from_arrow_schema(almanac.documents_schema()))


def fact_years(facts: pa.RecordBatch, documents: pa.RecordBatch) -> list:
    """The partition year of each fact: its period's end, else its document's date."""
    doc_years = dict(zip(documents.column("id").to_pylist(), map(year_of_date, documents.column("date").to_pylist())))
    return [
        period_end_year(period) if period else doc_years.get(doc)
        for doc, period in zip(facts.column("doc").to_pylist(), facts.column("period").to_pylist())
    ]


def period_end_year(period: str) -> int:
    """`2021`, `2021-05`, `2021-Q1`, `2021-05-01` -> 2021; an interval's end: `2016/2022` -> 2022."""
    return int(period.rsplit("/", 1)[-1][:4])


def year_of_date(date):
    """The year of a `date` value: a DATE, or a string read as the bindings read it."""
    if date is None:
        return None
    if hasattr(date, "year"):
        return date.year
    head = date.strip()[:4]
    return int(head) if head.isdigit() else None


if __name__ == "__main__":
    sys.exit(main())

"""almanac.extract_batch and extract_df: Arrow and pandas in and out, on all cores."""

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time

import pyarrow as pa
import pytest

import almanac
from conftest import cli_lines


def read_batch(path, **columns) -> pa.RecordBatch:
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return pa.RecordBatch.from_pylist(
        [{"id": r["id"], "text": r["text"], "date": r.get("date")} for r in records]
    )


def as_facts(batch: pa.RecordBatch) -> list[dict]:
    """Rows of a facts batch as FACTS.md dicts (span joined back), for comparison with the CLI."""
    facts = []
    for row in batch.to_pylist():
        span = [row.pop("span_start"), row.pop("span_end")]
        sentence = row.pop("sentence")
        row["span"], row["sentence"] = span, sentence
        facts.append(row)
    return facts


def test_the_batch_equals_the_cli(corpus):
    facts = almanac.extract_batch(read_batch(corpus))
    assert facts.schema == almanac.facts_schema()
    expected = [json.loads(line) for line in cli_lines(str(corpus))]
    assert len(expected) > 1000
    assert as_facts(facts) == expected


def test_schema_types():
    schema = almanac.facts_schema()
    equivalent = pa.struct([pa.field("value", pa.float64(), False), pa.field("unit", pa.string(), False)])
    types = {
        "value": pa.float64(),
        "value_high": pa.float64(),
        "equivalents": pa.list_(equivalent),
        "group": pa.int64(),
        "span_start": pa.int64(),
        "span_end": pa.int64(),
    }
    for field in schema:
        assert field.type == types.get(field.name, pa.string()), field.name
    assert [f.name for f in schema if not f.nullable] == [
        "doc", "text", "value", "equivalents", "span_start", "span_end", "sentence"
    ]


TEXT = "The akimat said 35 new enterprises opened this year with 1,200 jobs."


@pytest.mark.parametrize(
    "dates",
    [
        pa.array(["2023-04-05"]),
        pa.array(["2023-04-05T09:30:00"], pa.large_string()),
        pa.array(["2023-04-05"], pa.string_view()),
        pa.array([19452], pa.date32()),  # 2023-04-05
        pa.array([1680687000], pa.timestamp("s", tz="UTC")),
    ],
)
def test_date_columns_of_every_kind(dates):
    batch = pa.RecordBatch.from_arrays([pa.array(["a"]), pa.array([TEXT]), dates], ["id", "text", "date"])
    facts = almanac.extract_batch(batch)
    assert facts.column("period").to_pylist() == ["2023", "2023"]
    assert facts.to_pylist() and as_facts(facts) == [
        dict(f, doc="a") for f in almanac.extract(TEXT, date="2023-04-05")
    ]


def test_ids_texts_and_dates_may_be_absent_or_null():
    batch = pa.RecordBatch.from_arrays(
        [pa.array([1, 2], pa.int32()), pa.array([TEXT, None], pa.large_string())], ["id", "text"]
    )
    facts = almanac.extract_batch(batch)
    assert set(facts.column("doc").to_pylist()) == {"1"}
    assert facts.column("period").to_pylist() == [None, None]
    empty = almanac.extract_batch(batch.slice(1))
    assert empty.num_rows == 0 and empty.schema == almanac.facts_schema()


@pytest.mark.parametrize(
    "columns, error, message",
    [
        ({"id": ["a"]}, KeyError, 'no "text" column'),
        ({"id": pa.array([None], pa.string()), "text": [TEXT]}, ValueError, 'row 0: "id" is null'),
        ({"id": ["a"], "text": [1]}, TypeError, 'column "text" is of type Int64'),
        ({"id": ["a"], "text": [TEXT], "date": ["5 April 2023"]}, ValueError, 'document "a": invalid date "5 April 2023"'),
        ({"id": ["a"], "text": [TEXT], "date": [2023]}, TypeError, 'column "date" is of type Int64'),
    ],
)
def test_bad_batches(columns, error, message):
    with pytest.raises(error, match=message):
        almanac.extract_batch(pa.RecordBatch.from_pydict(columns))


def test_lang():
    batch = pa.RecordBatch.from_pydict({"id": ["a"], "text": [TEXT]})
    assert almanac.extract_batch(batch, lang="en") == almanac.extract_batch(batch)
    russian = pa.RecordBatch.from_pydict(
        {"id": ["r"], "text": ["В 2024 году в Шымкенте создано 1 200 новых рабочих мест."]}
    )
    assert almanac.extract_batch(russian, lang="ru") == almanac.extract_batch(russian)
    assert almanac.extract_batch(russian).num_rows == 1
    with pytest.raises(ValueError, match='unsupported lang "fr"' ):
        almanac.extract_batch(batch, lang="fr")


def test_the_gil_is_released_while_a_batch_is_extracted(corpus):
    """The main thread keeps running Python while another thread extracts a large batch."""
    batch = read_batch(corpus)
    batch = pa.concat_batches([batch] * 8)  # about 2.5 MB of text
    started = threading.Event()
    worker = threading.Thread(target=lambda: (started.set(), almanac.extract_batch(batch)))
    worker.start()
    started.wait()
    t0, n_steps = time.perf_counter(), 0
    while worker.is_alive():
        n_steps += 1
        time.sleep(0.001)
    elapsed = time.perf_counter() - t0
    # Holding the GIL, the call would let this loop step once or twice in all.
    assert elapsed > 0.05
    assert n_steps > 20, (n_steps, elapsed)


def extract_in_child(batch, queue):
    queue.put(almanac.extract_batch(batch).to_pylist())


def test_a_forked_child_makes_its_own_pool(corpus):
    """Spark's Python workers fork after the module is loaded. The parent's pool threads do
    not survive a fork: a child that used the parent's pool would wait forever."""
    batch = read_batch(corpus).slice(0, 40)
    expected = almanac.extract_batch(batch).to_pylist()  # the parent's pool exists now
    assert almanac.n_threads() >= 1
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=extract_in_child, args=(batch, queue))
    child.start()
    try:
        result = queue.get(timeout=60)
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
    assert child.exitcode == 0
    assert result == expected


def test_a_forked_child_with_os_fork(corpus):
    batch = read_batch(corpus).slice(0, 20)
    n_expected = almanac.extract_batch(batch).num_rows
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report the count, never return into pytest
        try:
            os.write(write_end, str(almanac.extract_batch(batch).num_rows).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    deadline = time.monotonic() + 60
    while (waited := os.waitpid(pid, os.WNOHANG)) == (0, 0):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung extracting a batch")
        time.sleep(0.05)
    assert os.waitstatus_to_exitcode(waited[1]) == 0
    with os.fdopen(read_end) as pipe:
        assert int(pipe.read()) == n_expected


def test_threads_follow_rayon_num_threads():
    code = "import almanac; print(almanac.n_threads())"
    env = dict(os.environ, RAYON_NUM_THREADS="3")
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "3"


def test_extract_df(corpus):
    import pandas as pd
    with corpus.open(encoding="utf-8") as lines:
        frame = pd.DataFrame([json.loads(line) for line in lines])[["id", "text", "date"]]
    facts = almanac.extract_df(frame)
    assert isinstance(facts, pd.DataFrame)
    assert list(facts.columns) == almanac.facts_schema().names
    expected = almanac.extract_batch(read_batch(corpus)).to_pandas()
    pd.testing.assert_frame_equal(facts, expected)


def test_extract_df_without_pandas_says_so():
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import almanac\n"
        "try:\n"
        "    almanac.extract_df(None)\n"
        "except ImportError as err:\n"
        "    print(err)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "needs pandas" in run.stdout and "pip install pandas" in run.stdout

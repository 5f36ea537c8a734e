"""Throughput of almanac.extract_batch over a JSONL corpus, streamed in Arrow batches.

    almanac-gen --docs 20000 --seed 11 -o corpus.jsonl
    python crates/almanac-py/bench/extract_batch.py corpus.jsonl [--batch-rows 2000]
    RAYON_NUM_THREADS=1 python crates/almanac-py/bench/extract_batch.py corpus.jsonl

Prints the MB/s of article text (UTF-8 bytes of `text`, the measure the CLI's figures use)
spent inside extract_batch, the same end to end (reading JSON lines into batches included),
and the peak memory of the process. Batches are read one at a time, so memory stays
bounded whatever the corpus size.
"""

import argparse
import json
import resource
import time

import pyarrow as pa

import almanac


def batches(path: str, rows: int):
    with open(path, encoding="utf-8") as lines:
        records = []
        for line in lines:
            record = json.loads(line)
            records.append({"id": record["id"], "text": record["text"], "date": record.get("date")})
            if len(records) == rows:
                yield pa.RecordBatch.from_pylist(records)
                records = []
        if records:
            yield pa.RecordBatch.from_pylist(records)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--batch-rows", type=int, default=2000)
    args = parser.parse_args()
    n_docs = n_bytes = n_facts = 0
    in_extract = 0.0
    t0 = time.perf_counter()
    for batch in batches(args.corpus, args.batch_rows):
        n_docs += batch.num_rows
        n_bytes += sum(len(text.encode()) for text in batch.column("text").to_pylist())
        t1 = time.perf_counter()
        n_facts += almanac.extract_batch(batch).num_rows
        in_extract += time.perf_counter() - t1
    total = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n_docs} documents, {n_bytes / 1e6:.1f} MB of text, {n_facts} facts, "
        f"{almanac.n_threads()} threads\n"
        f"extract_batch: {in_extract:.2f} s, {n_bytes / 1e6 / in_extract:.1f} MB/s, "
        f"{n_docs / in_extract:.0f} docs/s\n"
        f"end to end:    {total:.2f} s, {n_bytes / 1e6 / total:.1f} MB/s\n"
        f"peak memory:   {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()

"""Shared fixtures: the repository, the `almanac` binaries, and what the CLI prints.

The tests compare the bindings with the CLI built from the same tree, so both binaries
must exist: `.ci/run` builds them (`cargo build --release --bins`) before it runs pytest.
`ALMANAC_BIN` and `ALMANAC_GEN` point elsewhere if need be.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def binary(variable: str, name: str) -> Path:
    path = Path(os.environ.get(variable, ROOT / "target" / "release" / name))
    if not path.is_file():
        raise RuntimeError(f"{path} not found: build it with `cargo build --release --bins`")
    return path


def cli_lines(*args: str, stdin: str = "") -> list[str]:
    """What `almanac extract ARGS` prints, one JSON line a fact."""
    run = subprocess.run(
        [str(binary("ALMANAC_BIN", "almanac")), "extract", *args],
        input=stdin,
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return run.stdout.splitlines()


def as_cli_line(fact: dict) -> str:
    """A fact serialised as serde_json writes it: compact, UTF-8, keys in the dict's order."""
    return json.dumps(fact, ensure_ascii=False, separators=(",", ":"))


def generated_corpus(path: Path, n_docs: int, seed: int) -> Path:
    gen = binary("ALMANAC_GEN", "almanac-gen")
    subprocess.run([str(gen), "--docs", str(n_docs), "--seed", str(seed), "-o", str(path)], check=True)
    return path


@pytest.fixture(scope="session")
def news_dir() -> Path:
    return ROOT / "examples" / "news"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A generated JSONL corpus of 300 articles, with ids and dates."""
    return generated_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 300, 3)

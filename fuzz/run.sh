#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after the other, seeding each
# corpus from examples/ the first time. A crash stops that target and is saved under
# fuzz/artifacts/TARGET/; the script goes on with the others and exits non-zero at the end.
#
#   fuzz/run.sh 900                 # 15 minutes each
#   fuzz/run.sh 60 read_html times  # only these targets
#
# cargo-fuzz needs a nightly compiler: `cargo +nightly` when rustup has one, else stable
# with RUSTC_BOOTSTRAP=1 (which lets stable accept the -Z flags cargo-fuzz passes).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(extract numbers times read_text read_html read_jsonl)
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2
  exit 2
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

# The seeds: our example articles whole, their lines (for the number and time parsers),
# HTML made from them, and the example JSONL files' lines.
seed() {
  local target=$1 dir=fuzz/corpus/$1
  [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && return
  mkdir -p "$dir"
  case $target in
    extract | read_text)
      cp examples/news/*.txt examples/series/*.txt "$dir/" ;;
    numbers | times)
      cat examples/news/*.txt examples/series/*.txt | grep '[0-9]' | head -400 |
        split -l 1 - "$dir/line-" ;;
    read_html)
      for f in examples/news/*.txt; do
        name=$(basename "$f" .txt)
        { printf '<html><head><title>%s</title></head><body><nav>Menu</nav><article>' "$name"
          sed 's/^/<p>/; s/$/<\/p>/' "$f"
          printf '</article><footer>(c)</footer></body></html>\n'; } >"$dir/$name.html"
      done ;;
    read_jsonl)
      head -c 200000 examples/docs.jsonl | split -l 1 - "$dir/docs-"
      head -c 200000 examples/series-docs.jsonl | split -l 1 - "$dir/series-" ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  seed "$target"
  echo "== $target: $seconds s"
  if ! "${fuzz[@]}" run "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1; then
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashes in: ${failed[*]} (fuzz/artifacts/)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Time and peak memory of `almanac extract` and `almanac ingest` (into a fresh ledger) on
# the pathological shapes of issue 18, at several sizes, as a Markdown table. Memory must
# stay under the bar (300 MB) and the time per MB flat.
#
#   memory.sh ALMANAC [SIZES_MB] [FLAGS...]
#
# SIZES_MB defaults to "1 2 4 8"; FLAGS go to both commands (e.g. `--max-paragraph-kb
# 100000`, without which the one-paragraph shapes are refused at once, which is measured
# too). The shapes:
#
# - sentence: one line repeating a clause of figures, no full stop (a scraped page);
# - short: `5 jobs. ` over and over, on one line;
# - sentence/split, short/split: the same cut into paragraphs of 32 KB by blank lines,
#   under the default paragraph limit;
# - html: `<div>`s nested to the size around one paragraph;
# - corpus: 8 documents of the sentence/split shape at the size (ingest only), for the
#   bytes the pipeline holds in flight.
#
# SHAPES (environment) picks shapes by name, space-separated. Each run has 600 s;
# "timeout" in the table means it took longer. Needs GNU time and python3.
set -euo pipefail
almanac=$(realpath "$1")
sizes=${2:-1 2 4 8}
shift $(($# < 2 ? $# : 2))
flags=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_shape() { # shape bytes path
  python3 - "$@" <<'EOF'
import os, sys
shape, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def repeat(unit, size):
    return unit * max(1, -(-size // len(unit)))
def split(unit, size, paragraph=32 * 1024):
    per = max(1, paragraph // len(unit))
    return "\n\n".join([unit * per] * max(1, -(-size // (per * len(unit)))))
clause = "Almaty invested 1,500 tenge in roads in 2023 and unemployment fell to 4.5 percent "
if shape == "sentence":
    text = repeat(clause, size)
elif shape == "short":
    text = repeat("5 jobs. ", size)
elif shape == "sentence/split":
    text = split(clause, size)
elif shape == "short/split":
    text = split("5 jobs. ", size)
elif shape == "html":
    depth = size // len("<div></div>")
    text = ("<html><body>" + "<div>" * depth + "<p>Aktobe opened 3 plants in 2022.</p>"
            + "</div>" * depth + "</body></html>")
elif shape == "corpus":
    os.makedirs(path)
    for i in range(8):
        with open(f"{path}/doc{i}.txt", "w") as f:
            f.write(f"Document {i}.\n\n" + split(clause, size))
    sys.exit()
with open(path, "w") as f:
    f.write(text)
EOF
}

# command input: prints "seconds|peak MB|exit status|what it said"
measure() {
  local cmd=$1 input=$2 out="$work/out" err="$work/err" stats="$work/stats" status=0
  rm -rf "$work/ledger.db"*
  case $cmd in
    extract) timeout 600 /usr/bin/time -f "%e %M" -o "$stats" \
      "$almanac" extract "$input" "${flags[@]}" >"$out" 2>"$err" || status=$? ;;
    ingest) timeout 600 /usr/bin/time -f "%e %M" -o "$stats" \
      "$almanac" ingest "$input" --db "$work/ledger.db" "${flags[@]}" >"$out" 2>"$err" ||
      status=$? ;;
  esac
  if [ "$status" = 124 ]; then
    echo "timeout|-|124|"
    return
  fi
  read -r secs kb < <(tail -1 "$stats")
  local said
  if [ "$cmd" = extract ]; then
    said="$(wc -l <"$out") facts"
  else
    said="$(grep -o '[0-9]* facts added' "$out" | cut -d' ' -f1) facts"
  fi
  # The first message, cut: a refusal or a limit's warning.
  local note
  note=$({ grep -v '^Command exited' "$err" || true; } | head -1 |
    sed -e 's/^almanac: [^:]*: //' -e 's/ (.*//' -e 's/, and their facts are missing//')
  echo "$secs|$((kb / 1024))|$status|$said${note:+; $note}"
}

echo "flags: ${flags[*]:-(defaults)}"
echo
echo "| shape | MB | command | s | s/MB | peak MB | exit | output |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |"
for shape in ${SHAPES:-sentence short sentence/split short/split html corpus}; do
  for mb in $sizes; do
    input="$work/${shape//\//-}-$mb"
    [ "$shape" = html ] && input="$input.html"
    [ "$shape" = corpus ] || [ "$shape" = html ] || input="$input.txt"
    rm -rf "$input"
    make_shape "$shape" $((mb * 1024 * 1024)) "$input"
    for cmd in extract ingest; do
      [ "$shape" = corpus ] && [ "$cmd" = extract ] && continue
      IFS='|' read -r secs peak status said < <(measure "$cmd" "$input")
      total=$mb label=$mb
      [ "$shape" = corpus ] && total=$((mb * 8)) label="8 × $mb"
      per=$(python3 -c "import sys; s=sys.argv[1]; print(f'{float(s)/float(sys.argv[2]):.2f}' if s != 'timeout' else '-')" "$secs" "$total")
      echo "| $shape | $label | $cmd | $secs | $per | $peak | $status | $said |"
    done
    rm -rf "$input"
  done
done

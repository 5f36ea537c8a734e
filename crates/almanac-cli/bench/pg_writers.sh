#!/usr/bin/env bash
# Ingest throughput into a PostgreSQL ledger with N writers: the corpus (JSONL) is cut
# into N parts of whole lines, a fresh database is made, and N `almanac ingest` processes
# write their parts at once. Prints documents/s over the wall time of the slowest, and
# each writer's peak memory.
#
#   pg_writers.sh ALMANAC CORPUS.jsonl postgres://user@host:port WRITERS
set -euo pipefail
almanac=$1 corpus=$2 server=$3 writers=$4
db="almanac_bench_$writers"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db" 2>/dev/null
# The schema first, so that the writers' clocks count ingest only.
printf '{"id":"schema","text":"."}\n' >"$work/schema.jsonl"
"$almanac" ingest -q "$work/schema.jsonl" --db "$server/$db"
split -n "l/$writers" -d --additional-suffix=.jsonl "$corpus" "$work/part-"
docs=$(wc -l <"$corpus")
start=$(date +%s.%N)
for part in "$work"/part-*.jsonl; do
  /usr/bin/time -f "%M" -o "$part.rss" "$almanac" ingest -q "$part" --db "$server/$db" &
done
wait
end=$(date +%s.%N)
rss=$(cat "$work"/part-*.rss | sort -n | tail -1)
facts=$(psql "$server/$db" -Atc "SELECT COUNT(*) FROM facts")
python3 -c "import sys; d,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'{sys.argv[4]} writers: {d} docs in {e-s:.1f} s, {d/(e-s):.0f} docs/s; {sys.argv[5]} facts; peak RSS of a writer {int(sys.argv[6])//1024} MB')" \
  "$docs" "$start" "$end" "$writers" "$facts" "$rss"

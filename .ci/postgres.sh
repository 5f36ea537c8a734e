# Sourced by .ci/run: a PostgreSQL server of the test run's own, on loopback, for the
# store's tests against PostgreSQL (ALMANAC_TEST_PG). Debian's server package is installed
# when missing; the cluster lives in a temporary directory owned by the `postgres` user
# (initdb refuses root), trusts loopback connections only, and is stopped by `pg_stop`.

pg_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home postgres
  fi
  PG_BIN=$bin
  PG_DIR=$(mktemp -d)
  chown postgres "$PG_DIR"
  PG_PORT=${PG_PORT:-54329}
  # A port no other server answers on (pg_isready: 2 is "no response").
  while "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; [ $? -ne 2 ]; do
    PG_PORT=$((PG_PORT + 1))
  done
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 -c fsync=off" \
    start >/dev/null || { cat "$PG_DIR/server.log"; return 1; }
  export ALMANAC_TEST_PG="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$PG_DIR"
  fi
}

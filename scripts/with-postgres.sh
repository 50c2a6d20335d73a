#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server on a loopback port, then removes it.
# Usage: scripts/with-postgres.sh npm run test:unit
# Works as root (the server runs as the `postgres` user via runuser) or as a normal user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  else
    echo "PostgreSQL 15 is not installed: sudo apt-get install -y postgresql-15" >&2
    exit 1
  fi
fi
PGPORT=${PGPORT:-$((54000 + RANDOM % 1000))}
PGROOT=$(mktemp -d -t varde-pg.XXXXXX)
chmod 755 "$PGROOT"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGROOT" postgres
  chown postgres "$PGROOT"
  AS=(runuser -u postgres --)
else
  AS=()
fi
"${AS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL 15 test server on 127.0.0.1:$PGPORT"
"$@"

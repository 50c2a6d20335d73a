#!/usr/bin/env bash
# Every test: unit, data (on embedded PGlite and on a throwaway PostgreSQL 15), browser journeys.
# Needs Debian's Chromium (apt-get install -y chromium) and PostgreSQL 15 binaries
# (apt-get install -y postgresql-15); scripts/with-postgres.sh starts and removes the server.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json
status=0
step() { echo; echo "== $1"; shift; "$@" || status=1; }

step "Build the web app" npm run build --silent
[ $status -eq 0 ] || { echo "Build failed"; exit 1; }
step "Unit and data tests on embedded PGlite" \
  npx vitest run --project unit --project data --reporter=default --reporter=json --outputFile.json=test-results/pglite.json
step "Data tests on PostgreSQL 15" \
  scripts/with-postgres.sh npx vitest run --project data --reporter=default --reporter=json --outputFile.json=test-results/postgres.json
step "Browser journeys in Chromium" \
  npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
node scripts/summarise-tests.mjs test-results/pglite.json test-results/postgres.json test-results/e2e.json || status=1
exit $status

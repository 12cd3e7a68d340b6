#!/usr/bin/env bash
# Installs the database servers the migration tests (test/migrations) start throwaway
# instances of: PostgreSQL and MariaDB from Debian packages. SQLite needs no server (the tests
# use the npm package better-sqlite3). Idempotent: a server whose binaries are already found is
# skipped. Run as root on Debian 12. It never starts or enables a system service; the tests
# run their own instances in temporary directories (test/migrations/servers.ts).
set -euo pipefail

log() { echo "db/setup.sh: $*"; }
fail() { echo "db/setup.sh: ERROR: $*" >&2; exit 1; }

# Debian keeps PostgreSQL's server binaries out of PATH, under /usr/lib/postgresql/<major>/bin.
have_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_mariadb() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || return 1
  command -v mariadb-install-db >/dev/null 2>&1
}

missing=()
have_postgres || missing+=(postgresql)
have_mariadb || missing+=(mariadb-server)

if [ ${#missing[@]} -eq 0 ]; then
  log "PostgreSQL and MariaDB are already installed"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || fail "installing ${missing[*]} needs root (apt-get)"
t0=$(date +%s)
log "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
have_postgres || fail "postgresql installed but initdb/pg_ctl not found"
have_mariadb || fail "mariadb-server installed but mariadbd/mariadb-install-db not found"
log "done in $(( $(date +%s) - t0 )) s"

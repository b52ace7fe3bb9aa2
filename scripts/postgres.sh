#!/usr/bin/env bash
# Make sure a PostgreSQL server for the tests listens on 127.0.0.1:5432 with
# trust authentication and a database named test, as CI and the developers'
# machines expect (see internal/store/postgres). Idempotent: when a server
# already answers there it does nothing and prints nothing. Otherwise it
# installs Debian's postgresql when missing (as root), starts the cluster,
# trusts local TCP connections and creates the database.
set -euo pipefail

host=127.0.0.1
port=5432
db=test

listening() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$host" -p "$port"
  else
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
  fi
}

if listening; then
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
fi
if [ ! -d "/etc/postgresql/$version/main" ]; then
  pg_createcluster --port "$port" "$version" main >/dev/null
fi

# Trust TCP connections from this machine only; the first matching line of
# pg_hba.conf wins, so ours go on top.
hba="/etc/postgresql/$version/main/pg_hba.conf"
if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
  { printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n'; cat "$hba"; } >"$hba.new"
  cat "$hba.new" >"$hba"
  rm -f "$hba.new"
fi

echo "postgres.sh: starting PostgreSQL $version" >&2
if pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload
else
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi

for _ in $(seq 1 60); do
  listening && break
  sleep 0.5
done
if ! listening; then
  echo "postgres.sh: PostgreSQL did not start on $host:$port" >&2
  exit 1
fi

psql_postgres() { runuser -u postgres -- psql -X -q -At "$@"; }
if [ "$(psql_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
  psql_postgres -c "CREATE DATABASE $db"
fi

#!/bin/bash
# Entrypoint of referralbridge/postgres: on first start (PGDATA without PG_VERSION) run initdb with the
# POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB of the environment, then run postgres in the foreground as the user
# postgres, listening on POSTGRES_LISTEN:PGPORT. Arguments (`-c key=value`, optionally after `postgres`) go to the
# server.
set -euo pipefail

if [ "${1:-}" = postgres ]; then
  shift
fi

: "${PGDATA:=/var/lib/postgresql/data}"
: "${PGPORT:=5432}"
: "${POSTGRES_LISTEN:=*}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
export PGDATA PGPORT

if [ "$(id -u)" = 0 ]; then
  # a fresh named or bind-mounted directory may belong to root: hand it to postgres, then drop privileges
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    echo "error: the database is not initialized and POSTGRES_PASSWORD is not set" >&2
    echo "       set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust, for throwaway databases only)" >&2
    exit 1
  fi
  echo "initializing the database in $PGDATA (superuser ${POSTGRES_USER}, database ${POSTGRES_DB})"
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host="$auth" >/dev/null
  rm -f "$pwfile"
  # connections from other hosts (containers on a network), with a password
  printf 'host all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    # single-user mode: no server, no socket, nothing listening before the database exists
    printf 'CREATE DATABASE "%s" OWNER "%s";\n' "${POSTGRES_DB//\"/\"\"}" "${POSTGRES_USER//\"/\"\"}" \
      | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "database initialized"
else
  echo "reusing the database in $PGDATA"
fi

exec postgres -D "$PGDATA" -c listen_addresses="$POSTGRES_LISTEN" -p "$PGPORT" "$@"

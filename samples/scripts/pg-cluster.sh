#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on a loopback port, for sample recording and integration tests.
#
#   pg-cluster.sh start DATA_DIR PORT ["name = value"...]   # initdb if needed, start, wait
#   pg-cluster.sh stop DATA_DIR
#
# Installs Debian's postgresql package when no server binaries are found. PostgreSQL refuses to run
# as root, so as root the cluster belongs to the 'postgres' user (created by the package).
# The server listens on 127.0.0.1 only, trusts local connections (it holds throw-away data) and
# logs to DATA_DIR/server.log.
set -euo pipefail

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    pg_config --bindir
    return
  fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [[ -n "$d" && -x "$d/initdb" ]] && echo "$d"
}

bindir="$(find_bindir || true)"
if [[ -z "$bindir" ]]; then
  echo "pg-cluster: PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql postgresql-contrib >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql postgresql-contrib >&2; }
  bindir="$(find_bindir)"
fi

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cmd="${1:?usage: pg-cluster.sh start|stop DATA_DIR [PORT settings...]}"
data="${2:?data directory}"
case "$cmd" in
  start)
    port="${3:?port}"
    shift 3
    if [[ ! -f "$data/PG_VERSION" ]]; then
      mkdir -p "$data"
      [[ "$(id -u)" == 0 ]] && chown postgres: "$data"
      chmod 700 "$data"
      as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # settings go to a file included by postgresql.conf: values may hold spaces and quotes
    grep -q "^include_if_exists = 'evident.conf'" "$data/postgresql.conf" \
      || echo "include_if_exists = 'evident.conf'" >> "$data/postgresql.conf"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$data'"
      for s in "$@"; do echo "$s"; done
    } > "$data/evident.conf"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$data/evident.conf"
    as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop DATA_DIR [PORT settings...]" >&2
    exit 2
    ;;
esac

# Shared by admin.sh's run and test commands: find or install PostgreSQL, and start a private cluster.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.

pg_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  return 1
}

pg_ensure_installed() {
  if pg_bindir >/dev/null && ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then return 0; fi
  echo "PostgreSQL (with contrib) is not installed; installing Debian's postgresql packages..." >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
  pg_bindir >/dev/null || { echo "PostgreSQL install failed." >&2; return 1; }
}

# Run a command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + (RANDOM * 7 + $$) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# pg_start_cluster DIR PORT MODE [PASSWORD_FILE]
#   MODE=test: trust auth on loopback, fsync off (throwaway); MODE=dev: scram password auth, durable.
pg_start_cluster() {
  local dir=$1 port=$2 mode=$3 pwfile=${4:-} bin
  bin=$(pg_bindir) || return 1
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    local auth=(--auth=trust)
    if [ "$mode" = dev ]; then
      cp "$pwfile" "$dir/initdb.pw"; [ "$(id -u)" -eq 0 ] && chown postgres "$dir/initdb.pw"
      auth=(--auth-local=scram-sha-256 --auth-host=scram-sha-256 --pwfile="$dir/initdb.pw")
    fi
    pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 "${auth[@]}" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
    rm -f "$dir/initdb.pw"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$dir'"
      echo "max_connections = 200"
      echo "work_mem = '16MB'"
      echo "maintenance_work_mem = '1GB'"
      echo "max_parallel_maintenance_workers = 2"
      echo "max_wal_size = '8GB'"
      echo "checkpoint_timeout = '15min'"
      echo "random_page_cost = 1.1"
      echo "effective_cache_size = '12GB'"
      # The Performance page's top statements (the extension itself is created by ./admin.sh run).
      echo "shared_preload_libraries = 'pg_stat_statements'"
      if [ "$mode" = test ]; then
        echo "shared_buffers = '256MB'"
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      else
        echo "shared_buffers = '2GB'"
        # A single local server with no replicas: the seed's bulk load (TRUNCATE + COPY FREEZE + index builds in one
        # transaction) then writes no WAL at all, only the table and its indexes, synced once at commit.
        echo "wal_level = minimal"; echo "max_wal_senders = 0"
      fi
    } | pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  fi
  # Clusters made before the Performance page lacked it: add it once (read at the next start).
  if ! grep -q "^shared_preload_libraries" "$dir/data/postgresql.conf"; then
    echo "shared_preload_libraries = 'pg_stat_statements'" | pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  fi
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { tail -n 30 "$dir/server.log" >&2; return 1; }
}

pg_cluster_running() {
  local bin; bin=$(pg_bindir) || return 1
  [ -f "$1/data/PG_VERSION" ] && pg_as_owner "$bin/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

pg_stop_cluster() {
  local bin; bin=$(pg_bindir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$1/data" -m "${2:-fast}" -w stop >/dev/null 2>&1 || true
  # A throwaway cluster (immediate mode) must not outlive its directory: runs have left servers behind on their ports
  # when pg_ctl gave up. Its postmaster is killed outright; its backends exit when they see it gone.
  local pid
  if [ "${2:-fast}" = immediate ] && pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) \
     && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$1/data"; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

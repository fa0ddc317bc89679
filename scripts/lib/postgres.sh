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

pg_mem_mb() { awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo; }

# Memory and parallelism from the machine, as pgtune does for a mixed workload: shared_buffers a quarter of RAM,
# effective_cache_size three quarters, maintenance_work_mem RAM/16 (at most 2 GB), work_mem what is left after
# shared_buffers spread over max_connections x 3, parallel workers from the cores. Written to data/sizing.conf (which
# postgresql.conf includes), and printed on the first start. Called while postgresql.conf is written.
pg_sizing() {
  local mem cores sb ecs mwm wm gather
  mem=$(pg_mem_mb); cores=$(nproc)
  sb=$((mem / 4)); ecs=$((mem * 3 / 4))
  mwm=$((mem / 16)); [ "$mwm" -gt 2048 ] && mwm=2048
  wm=$(((mem - sb) / (200 * 3))); [ "$wm" -lt 4 ] && wm=4
  gather=$((cores / 2)); [ "$gather" -lt 1 ] && gather=1
  {
    echo "# sized by scripts/lib/postgres.sh from ${mem} MB and ${cores} cores"
    echo "shared_buffers = '${sb}MB'"
    echo "effective_cache_size = '${ecs}MB'"
    echo "maintenance_work_mem = '${mwm}MB'"
    echo "work_mem = '${wm}MB'"
    echo "max_worker_processes = $((cores > 8 ? cores : 8))"
    echo "max_parallel_workers = ${cores}"
    echo "max_parallel_workers_per_gather = ${gather}"
    echo "max_parallel_maintenance_workers = ${gather}"
  } | pg_as_owner tee "$dir/data/sizing.conf" >/dev/null
  echo "include_if_exists = 'sizing.conf'"
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
      echo "max_wal_size = '8GB'"
      echo "checkpoint_timeout = '15min'"
      echo "random_page_cost = 1.1"
      # The Performance page's top statements (the extension itself is created by ./admin.sh run); pg_prewarm's
      # autoprewarm reloads, after a restart, the pages that were in shared buffers before it.
      echo "shared_preload_libraries = 'pg_stat_statements,pg_prewarm'"
      if [ "$mode" = test ]; then
        echo "shared_buffers = '256MB'"
        echo "work_mem = '16MB'"
        echo "maintenance_work_mem = '1GB'"
        echo "max_parallel_maintenance_workers = 2"
        echo "effective_cache_size = '12GB'"
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      else
        pg_sizing
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
  # First start of a sized cluster: say what it was sized to (once; the file holds the settings).
  if [ -f "$dir/data/sizing.conf" ] && [ ! -f "$dir/sizing.shown" ]; then
    echo "PostgreSQL sized for this machine ($(pg_mem_mb) MB, $(nproc) cores): $(grep -v '^#' "$dir/data/sizing.conf" | tr '\n' ';' | sed 's/;$//; s/;/; /g')"
    touch "$dir/sizing.shown"
  fi
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

# pg_prewarm_first_touch PORT DB: reads into shared buffers what the first user touches, the grid's ordering index and
# the rollups (the count label, facets, timeline and hotspots); prints the pages read. Uses PGPASSWORD if set.
pg_prewarm_first_touch() {
  psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -qAt -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
    -c "SELECT 'prewarmed ' || sum(pg_prewarm(c.oid)) || ' pages' FROM pg_class c
        WHERE c.relname = 'ix_health_checks_timestamp_id' OR (c.relkind = 'r' AND c.relname LIKE 'rollup\\_%')"
}

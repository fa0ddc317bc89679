#!/usr/bin/env bash
# ./admin.sh cluster up [--rows N] | status | drill | down
# Everything past one machine, on this one, as separate processes on 127.0.0.1 (ports ADMIN_CLUSTER_PORT_BASE..+14,
# default 5720): a PostgreSQL primary and a streaming hot standby, a PgBouncer (transaction mode) in front of each,
# Redis (the hotspot cache's backplane), two app nodes, HAProxy (sticky circuits, WebSockets). Debian packages are
# installed when missing. Config files are rendered from deploy/ into .data/cluster/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/replication.sh
. "$repo/scripts/lib/replication.sh"
# shellcheck source=lib/gc.sh
. "$repo/scripts/lib/gc.sh"

base=${ADMIN_CLUSTER_PORT_BASE:-5720}
pg_primary=$base; pg_standby=$((base + 1)); pgb_primary=$((base + 2)); pgb_standby=$((base + 3)); redis_port=$((base + 4))
proxy_port=$((base + 10)); app_ports=($((base + 11)) $((base + 12)))
state="$repo/.data/cluster"
if [ "$(id -u)" -eq 0 ]; then pgroot="/var/lib/postgresql/admin-cluster-$(printf %s "$repo" | md5sum | cut -c1-8)"; else pgroot="$state/pg"; fi
primary_dir="$pgroot/primary"; standby_dir="$pgroot/standby"
# Which port is the primary now (a promotion drill swaps them): "PRIMARY STANDBY" in .data/cluster/roles.
current_primary() { if [ -s "$state/roles" ]; then cut -d' ' -f1 "$state/roles"; else echo "$pg_primary"; fi; }
current_standby() { if [ -s "$state/roles" ]; then cut -d' ' -f2 "$state/roles"; else echo "$pg_standby"; fi; }
dir_of() { if [ "$1" = "$pg_primary" ]; then echo "$primary_dir"; else echo "$standby_dir"; fi; }
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

cmd=${1:-help}; shift || true
rows=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    *) echo "unknown option $1 (known: --rows N)" >&2; exit 2 ;;
  esac
done

say() { printf '%s\n' "$*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { local i; for i in $(seq 1 "${2:-60}"); do port_open "$1" && return 0; sleep 0.5; done; return 1; }
secret() { [ -s "$state/$1" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$state/$1"); cat "$state/$1"; }
# render TEMPLATE OUT KEY=VALUE...: @KEY@ placeholders replaced (values may hold any character but newline).
render() {
  local template=$1 out=$2; shift 2
  python3 - "$template" "$out" "$@" <<'PY'
import sys
template, out, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(template).read()
for pair in pairs:
    k, v = pair.split("=", 1)
    text = text.replace("@" + k + "@", v)
open(out, "w").write(text)
PY
}
psql_primary() { PGPASSWORD=$pg_pw psql -h 127.0.0.1 -p "$1" -U postgres -d admin -qAtX "${@:2}"; }

ensure_packages() {
  local missing=()
  command -v pgbouncer >/dev/null || missing+=(pgbouncer)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v python3 >/dev/null || missing+=(python3)
  command -v curl >/dev/null || missing+=(curl)
  pg_ensure_installed
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian's ${missing[*]}..."
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

publish_app() {
  # Again only when a source changed since the last publish.
  if [ -f "$state/app/Admin.dll" ] && [ -z "$(find "$repo/src" "$repo/Directory.Packages.props" -newer "$state/app/Admin.dll" -type f -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
    cp "$repo/deploy/appsettings.Cluster.json" "$state/app/"; return 0
  fi
  say "Publishing the app once for both nodes..."
  dotnet publish "$repo/src/Admin/Admin.csproj" -c Release -o "$state/app" --nologo -v quiet -p:WarningLevel=0 >/dev/null
  cp "$repo/deploy/appsettings.Cluster.json" "$state/app/"
}

# The standby's pooler gives up on a queued query sooner: reads leave a stopped standby within about a second (the
# replica probe), so a query queued there should fail over to the primary soon after, not 5 s later.
render_pgbouncer() { # NAME LISTEN_PORT PG_PORT
  local dir="$state/pgbouncer-$1" wait=5
  [ "$1" = standby ] && wait=2
  render "$repo/deploy/pgbouncer.ini.template" "$dir/pgbouncer.ini" "DIR=$dir" "LISTEN_PORT=$2" "PG_PORT=$3" "QUERY_WAIT=$wait"
}

start_pgbouncer() { # NAME LISTEN_PORT PG_PORT
  local dir="$state/pgbouncer-$1"
  mkdir -p "$dir"
  render_pgbouncer "$@"
  (umask 077; printf '"admin_app" "%s"\n"postgres" "%s"\n' "$app_pw" "$pg_pw" > "$dir/userlist.txt")
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
  if [ -s "$dir/pgbouncer.pid" ] && kill -0 "$(cat "$dir/pgbouncer.pid")" 2>/dev/null; then return 0; fi
  pg_as_owner pgbouncer -d "$dir/pgbouncer.ini"
  wait_port "$2" 20 || { tail -n 20 "$dir/pgbouncer.log" >&2; return 1; }
}

stop_pid_file() { local f=$1; if [ -s "$f" ]; then kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; fi; }

start_redis() {
  mkdir -p "$state/redis"
  if port_open "$redis_port"; then return 0; fi
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$state/redis/redis.pid" --logfile "$state/redis/redis.log" --dir "$state/redis" >/dev/null
  wait_port "$redis_port" 20
}

node_metrics_port() { echo $((base + 12 + $1)); } # node N's Prometheus endpoint: base+13, base+14

start_node() { # N
  local n=$1 port=${app_ports[$(( $1 - 1 ))]} dir="$state/node-$1"
  mkdir -p "$dir"
  render "$repo/deploy/node.env.template" "$dir/node.env" "NODE=$n" "APP_PORT=$port" "PGB_PRIMARY=$pgb_primary" \
    "PGB_STANDBY=$pgb_standby" "PG_PRIMARY=$pg_primary" "PG_STANDBY=$pg_standby" "APP_PW=$app_pw" "REDIS_PORT=$redis_port" \
    "METRICS_PORT=$(node_metrics_port "$n")"
  chmod 600 "$dir/node.env"
  if [ -s "$dir/app.pid" ] && kill -0 "$(cat "$dir/app.pid")" 2>/dev/null; then return 0; fi
  (
    set -a; . "$dir/node.env"; set +a
    gc_env
    cd "$state/app"
    ASPNETCORE_ENVIRONMENT=Cluster exec setsid dotnet Admin.dll >"$dir/app.log" 2>&1 </dev/null
  ) &
  echo $! > "$dir/app.pid"
}

wait_node() { local port=${app_ports[$(( $1 - 1 ))]} i; for i in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && return 0; sleep 1; done; tail -n 30 "$state/node-$1/app.log" >&2; return 1; }

start_proxy() {
  local servers="" i
  for i in 1 2; do servers+="    server node$i 127.0.0.1:${app_ports[$((i - 1))]} check cookie node$i"$'\n'; done
  mkdir -p "$state/proxy"
  render "$repo/deploy/haproxy.cfg.template" "$state/proxy/haproxy.cfg" "DIR=$state/proxy" "PROXY_PORT=$proxy_port" "SERVERS=$servers"
  if [ -s "$state/proxy/haproxy.pid" ] && kill -0 "$(cat "$state/proxy/haproxy.pid")" 2>/dev/null; then return 0; fi
  haproxy -D -f "$state/proxy/haproxy.cfg" -p "$state/proxy/haproxy.pid"
  wait_port "$proxy_port" 20
}

up() {
  ensure_packages
  command -v dotnet >/dev/null || { say "The .NET 10 SDK is required (dotnet not found on PATH)."; exit 1; }
  mkdir -p "$state" "$pgroot"
  pg_pw=$(secret pg-password); app_pw=$(secret app-password)
  publish_app
  local fresh=0
  [ -f "$primary_dir/data/PG_VERSION" ] || fresh=1
  if ! pg_cluster_running "$(dir_of "$(current_primary)")"; then
    say "Starting the primary on port $(current_primary)..."
    pg_start_cluster "$(dir_of "$(current_primary)")" "$(current_primary)" dev "$state/pg-password"
  fi
  local owner="Host=127.0.0.1;Port=$(current_primary);Database=admin;Username=postgres;Password=$pg_pw"
  if [ "$fresh" = 1 ]; then
    PGPASSWORD=$pg_pw psql -h 127.0.0.1 -p "$pg_primary" -U postgres -d postgres -qc "CREATE DATABASE admin"
    (cd "$state/app" && ConnectionStrings__Admin="$owner" dotnet Admin.dll migrate >/dev/null)
    # Seeded while wal_level is still minimal (no WAL for the bulk load); the base backup copies the result.
    say "Seeding $rows rows into the primary..."
    (cd "$state/app" && ConnectionStrings__Admin="$owner" dotnet Admin.dll seed --rows "$rows" --if-empty)
    (cd "$state/app" && ConnectionStrings__Admin="$owner" dotnet Admin.dll create-user --user admin --role Admin --if-no-users > "$state/first-login")
    # Through PgBouncer the app cannot send startup options: its statement timeout is the role's own setting.
    psql_primary "$pg_primary" -c "ALTER ROLE admin_app LOGIN PASSWORD '$app_pw'" -c "ALTER ROLE admin_app SET statement_timeout = '5s'"
    say "Switching the primary to wal_level=replica..."
    pg_enable_replication "$primary_dir" "$pg_primary"
  else
    (cd "$state/app" && ConnectionStrings__Admin="$owner" dotnet Admin.dll migrate >/dev/null)
  fi
  local p s; p=$(current_primary); s=$(current_standby)
  if ! pg_cluster_running "$(dir_of "$s")"; then
    say "Starting the standby on port $s (pg_basebackup -R, slot admin_standby)..."
    pg_start_standby "$p" "$(dir_of "$s")" "$s" admin_standby "$pg_pw"
  fi
  start_pgbouncer primary "$pgb_primary" "$p"
  start_pgbouncer standby "$pgb_standby" "$s"
  start_redis
  # Node 1 first: its first page creates the Data Protection key (kept in the database) that both nodes then share.
  start_node 1; wait_node 1
  curl -fsS -o /dev/null "http://127.0.0.1:${app_ports[0]}/account/login" || true
  start_node 2; wait_node 2
  start_proxy
  status
  echo
  echo "HealthCheck Admin (2 nodes behind HAProxy): http://127.0.0.1:$proxy_port"
  if [ -s "$state/first-login" ]; then
    # Shown once, like ./admin.sh run: later starts print nothing secret.
    echo "Log in as 'admin' with the one-time password below; you will choose your own."
    head -1 "$state/first-login"
    rm -f "$state/first-login"
  else
    echo "Log in with your account."
  fi
}

status() {
  pg_pw=$(cat "$state/pg-password" 2>/dev/null || true)
  local row
  printf '%-22s %-6s %s\n' part port state
  row() { printf '%-22s %-6s %s\n' "$1" "$2" "$3"; }
  row "postgres A" "$pg_primary" "$(psql_primary "$pg_primary" -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby' ELSE 'primary' END || ', ' || (SELECT count(*) FROM pg_stat_replication) || ' streaming'" 2>/dev/null || echo down)"
  row "postgres B" "$pg_standby" "$(psql_primary "$pg_standby" -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby, replayed to ' || pg_last_wal_replay_lsn() || ', last replayed commit ' || coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 1)::text, '?') || ' s ago' ELSE 'primary (promoted)' END" 2>/dev/null || echo down)"
  row "pgbouncer -> primary" "$pgb_primary" "$(port_open "$pgb_primary" && echo up || echo down)"
  row "pgbouncer -> standby" "$pgb_standby" "$(port_open "$pgb_standby" && echo up || echo down)"
  row "redis" "$redis_port" "$(port_open "$redis_port" && echo up || echo down)"
  local i
  for i in 1 2; do
    row "app node $i" "${app_ports[$((i - 1))]}" "$(curl -fsS -m 3 "http://127.0.0.1:${app_ports[$((i - 1))]}/healthz/replica" 2>/dev/null || echo down)"
  done
  row "haproxy" "$proxy_port" "$(port_open "$proxy_port" && echo up || echo down)"
  psql_primary "$(current_standby)" -c "SELECT 'standby reads served: ' || sum(xact_commit) || ' transactions' FROM pg_stat_database WHERE datname = 'admin'" 2>/dev/null || true
}

down() {
  local i
  stop_pid_file "$state/proxy/haproxy.pid"
  for i in 1 2; do
    if [ -s "$state/node-$i/app.pid" ]; then kill -INT "$(cat "$state/node-$i/app.pid")" 2>/dev/null || true; fi
  done
  for i in 1 2; do
    local f="$state/node-$i/app.pid"
    if [ -s "$f" ]; then for _ in $(seq 1 20); do kill -0 "$(cat "$f")" 2>/dev/null || break; sleep 0.5; done; kill -9 "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; fi
  done
  stop_pid_file "$state/pgbouncer-primary/pgbouncer.pid"
  stop_pid_file "$state/pgbouncer-standby/pgbouncer.pid"
  stop_pid_file "$state/redis/redis.pid"
  pg_stop_cluster "$standby_dir"
  pg_stop_cluster "$primary_dir"
  say "Stopped. Data stays in $pgroot and $state (remove both to start afresh)."
}

case "$cmd" in
  up) up ;;
  status) status ;;
  down) down ;;
  drill) . "$repo/scripts/lib/drill.sh"; drill ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac

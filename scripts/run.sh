#!/usr/bin/env bash
# ./admin.sh run: bring the app up on this machine with no other step.
# Uses ConnectionStrings__Admin when set; otherwise starts (or reuses) a private PostgreSQL cluster.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/local-db.sh
. "$repo/scripts/lib/local-db.sh"
# shellcheck source=lib/gc.sh
. "$repo/scripts/lib/gc.sh"

rows=1000000
urls=${ADMIN_URLS:-http://127.0.0.1:5080}
stop_db=0
reset_admin=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --urls) urls=$2; shift 2 ;;
    --stop-db) stop_db=1; shift ;;
    --reset-admin) reset_admin=1; shift ;;
    *) echo "unknown option $1 (known: --rows N, --urls URL, --reset-admin, --stop-db)" >&2; exit 2 ;;
  esac
done

if [ "$stop_db" = 1 ]; then pg_stop_cluster "$cluster"; echo "Stopped the local PostgreSQL in $cluster."; exit 0; fi

local_db_up
export ConnectionStrings__Admin="$conn"
app_build_and_migrate
cd "$state/app"
dotnet Admin.dll seed --rows "$rows" --if-empty
# First start only: the first admin, with a one-time password printed here (no default password ships).
first_admin=$(dotnet Admin.dll create-user --user admin --role Admin --if-no-users)
if [ "$reset_admin" = 1 ]; then first_admin=$(dotnet Admin.dll create-user --user admin --reset); fi

# The web app logs in as admin_app (made by the migrations): it can read and write records, but not rewrite the
# audit trail. Migrations and the seed above ran as the cluster owner.
if [ "$conn_is_local" = 1 ]; then
  if [ ! -s "$state/app-password" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$state/app-password")
  fi
  app_pw=$(cat "$state/app-password")
  PGPASSWORD=$pw psql -h 127.0.0.1 -p "$port" -U postgres -d admin -qc "ALTER ROLE admin_app LOGIN PASSWORD '$app_pw'"
  # The Performance page's top statements: the extension (preloaded by scripts/lib/postgres.sh), readable by the app.
  # A cluster started before the preload was added needs one restart (./admin.sh stop-db) to fill it.
  PGPASSWORD=$pw psql -h 127.0.0.1 -p "$port" -U postgres -d admin -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
    -c "GRANT pg_read_all_stats TO admin_app" >/dev/null
  export ConnectionStrings__Admin="Host=127.0.0.1;Port=$port;Database=admin;Username=admin_app;Password=$app_pw"
  # What the first user touches, read into shared buffers in the background while the app starts: the grid's ordering
  # index and the rollups (the count label, facets, timeline and hotspots). After later restarts pg_prewarm's
  # autoprewarm reloads whatever was cached before.
  (PGPASSWORD=$pw pg_prewarm_first_touch "$port" admin >"$state/prewarm.log" 2>&1 &)
fi

export ASPNETCORE_URLS=$urls
echo
echo "HealthCheck Admin: $urls"
if [ -n "$first_admin" ]; then
  echo "Log in as 'admin' with the one-time password below; you will choose your own."
  echo "$first_admin" | head -1
else
  echo "Log in with your account. Admin password forgotten? ./admin.sh run --reset-admin prints a new one-time password."
fi
gc_env
exec dotnet Admin.dll

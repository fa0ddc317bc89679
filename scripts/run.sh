#!/usr/bin/env bash
# ./admin.sh run: bring the app up on this machine with no other step.
# Uses ConnectionStrings__Admin when set; otherwise starts (or reuses) a private PostgreSQL cluster.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/postgres.sh
. "$repo/scripts/lib/postgres.sh"

rows=1000000
urls=${ADMIN_URLS:-http://127.0.0.1:5080}
stop_db=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --urls) urls=$2; shift 2 ;;
    --stop-db) stop_db=1; shift ;;
    *) echo "unknown option $1 (known: --rows N, --urls URL)" >&2; exit 2 ;;
  esac
done

state="$repo/.data"
mkdir -p "$state"
# As root the cluster must live where the postgres user can reach it.
if [ "$(id -u)" -eq 0 ]; then
  cluster="/var/lib/postgresql/admin-$(printf %s "$repo" | md5sum | cut -c1-8)"
else
  cluster="$state/postgres"
fi

if [ "$stop_db" = 1 ]; then pg_stop_cluster "$cluster"; echo "Stopped the local PostgreSQL in $cluster."; exit 0; fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2; exit 1; }

conn=${ConnectionStrings__Admin:-}
if [ -z "$conn" ]; then
  pg_ensure_installed
  mkdir -p "$(dirname "$cluster")"
  if [ ! -s "$state/pg-password" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$state/pg-password")
  fi
  pw=$(cat "$state/pg-password")
  if [ ! -s "$state/pg-port" ]; then
    port=5433; (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && port=$(pg_free_port)
    echo "$port" > "$state/pg-port"
  fi
  port=$(cat "$state/pg-port")
  if ! pg_cluster_running "$cluster"; then
    echo "Starting a local PostgreSQL in $cluster on port $port..."
    pg_start_cluster "$cluster" "$port" dev "$state/pg-password"
  fi
  if [ -z "$(PGPASSWORD=$pw psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'admin'")" ]; then
    PGPASSWORD=$pw psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE admin"
  fi
  conn="Host=127.0.0.1;Port=$port;Database=admin;Username=postgres;Password=$pw"
fi
export ConnectionStrings__Admin="$conn"

echo "Building..."
dotnet publish "$repo/src/Admin/Admin.csproj" -c Release -o "$state/app" --nologo -v quiet -p:WarningLevel=0 >/dev/null
cd "$state/app"
dotnet Admin.dll migrate
dotnet Admin.dll seed --rows "$rows" --if-empty
export ASPNETCORE_URLS=$urls
echo
echo "HealthCheck Admin: $urls"
exec dotnet Admin.dll

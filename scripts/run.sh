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
conn_is_local=0
if [ -z "$conn" ]; then
  conn_is_local=1
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
  export ConnectionStrings__Admin="Host=127.0.0.1;Port=$port;Database=admin;Username=admin_app;Password=$app_pw"
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
exec dotnet Admin.dll

# Shared by ./admin.sh run and seed: the database the app uses, and the app built for it.
# Sets repo-relative state, and after local_db_up: conn (owner connection string), conn_is_local, and for a local
# cluster port and pw.
# shellcheck source=postgres.sh
. "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

state="$repo/.data"
# As root the cluster must live where the postgres user can reach it.
if [ "$(id -u)" -eq 0 ]; then
  cluster="/var/lib/postgresql/admin-$(printf %s "$repo" | md5sum | cut -c1-8)"
else
  cluster="$state/postgres"
fi

# Uses ConnectionStrings__Admin when set; otherwise starts (or reuses) the private cluster and its `admin` database.
local_db_up() {
  mkdir -p "$state"
  conn=${ConnectionStrings__Admin:-}
  conn_is_local=0
  [ -n "$conn" ] && return 0
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
}

# Publishes the app into .data/app and migrates the database (as its owner).
app_build_and_migrate() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2; exit 1; }
  echo "Building..."
  dotnet publish "$repo/src/Admin/Admin.csproj" -c Release -o "$state/app" --nologo -v quiet -p:WarningLevel=0 >/dev/null
  (cd "$state/app" && ConnectionStrings__Admin="$conn" dotnet Admin.dll migrate)
}

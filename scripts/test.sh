#!/usr/bin/env bash
# ./admin.sh test: every test project against a throwaway PostgreSQL (temp dir, free port, fsync off),
# removed on exit whatever happens. Ends with "N passed, N failed"; fails when a test fails or none ran.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/postgres.sh
. "$repo/scripts/lib/postgres.sh"
# shellcheck source=lib/replication.sh
. "$repo/scripts/lib/replication.sh"

pg_ensure_installed || exit 1
# shellcheck source=lib/prometheus.sh
. "$repo/scripts/lib/prometheus.sh"
prometheus_ensure_installed || true # the scrape test then fails and says why
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian's chromium for the browser tests..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is not installed (sudo apt-get install chromium): the browser tests will fail." >&2
  fi
fi

# The cache backplane tests need a real Redis (Debian's redis-server).
if ! command -v redis-server >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian's redis-server for the cache backplane tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi

# No build servers (MSBuild nodes, compiler server) may outlive the run.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

tmp=$(mktemp -d /tmp/admin-test.XXXXXX)
chmod 755 "$tmp"
# The tests' TMPDIR. Safety net: a process still running with it in its command line (Chromium's profile lives
# there) was started by this run and outlived it, e.g. after a test host crash. The directory name is unique to this run.
tests_tmp="$tmp/tmp"
kill_leftovers() { local pids; pids=$(pgrep -f -- "$tests_tmp/" || true); if [ -n "$pids" ]; then echo "Stopping leftover test processes: $pids" >&2; kill $pids 2>/dev/null; fi; return 0; }
cleanup() {
  kill_leftovers
  [ -s "$tmp/redis.pid" ] && kill "$(cat "$tmp/redis.pid")" 2>/dev/null
  pg_stop_cluster "$tmp/standby" immediate; pg_stop_cluster "$tmp/primary" immediate; pg_stop_cluster "$tmp/pg" immediate
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ADMIN_TEST_PORT_BASE fixes the ports (base: the test cluster, +1/+2: the replication pair, +3: Redis) on a shared
# machine; otherwise free ones are picked. Choose it below 32768: above, an outgoing connection's ephemeral port can
# hold it (a run with 48800 stopped at once on "Address already in use").
next_port() { if [ -n "${ADMIN_TEST_PORT_BASE:-}" ]; then echo $((ADMIN_TEST_PORT_BASE + $1)); else pg_free_port; fi; }
port=${ADMIN_TEST_PG_PORT:-$(next_port 0)} || { echo "no free port" >&2; exit 1; }
pg_start_cluster "$tmp/pg" "$port" test || exit 1
export ADMIN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "Test PostgreSQL on port $port ($tmp/pg)"

# A small primary and its streaming hot standby (pg_basebackup -R with a slot) for the read-routing tests.
primary_port=$(next_port 1); standby_port=$(next_port 2)
if pg_start_cluster "$tmp/primary" "$primary_port" test && pg_enable_replication "$tmp/primary" "$primary_port" \
   && pg_start_standby "$primary_port" "$tmp/standby" "$standby_port" admin_test_standby; then
  export ADMIN_TEST_PG_PRIMARY="Host=127.0.0.1;Port=$primary_port;Username=postgres;Database=postgres"
  export ADMIN_TEST_PG_STANDBY="Host=127.0.0.1;Port=$standby_port;Username=postgres;Database=postgres"
  echo "Test replication pair: primary on $primary_port, standby on $standby_port"
else
  echo "Could not start the test replication pair: the standby tests will fail." >&2
fi

if command -v redis-server >/dev/null 2>&1; then
  redis_port=$(next_port 3)
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log" --dir "$tmp" >/dev/null && export ADMIN_TEST_REDIS="127.0.0.1:$redis_port"
  echo "Test Redis on port $redis_port"
fi

cd "$repo"
dotnet build Admin.sln -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
log="$tmp/test.log"
mkdir -p "$tests_tmp"
TMPDIR="$tests_tmp" dotnet test Admin.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
sum() { grep -E '^(Passed|Failed)!' "$log" | grep -oE "$1: +[0-9]+" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
passed=${passed:-0}; failed=${failed:-0}
# A crashed or aborted test host prints no summary of its own: never report that run as all green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed (exit $status) without a failing test: a test run aborted or a fixture crashed; see above." >&2
  failed=1
fi
echo
echo "$passed passed, $failed failed, ${skipped:-0} skipped"
if [ "$passed" -eq 0 ]; then echo "No tests ran." >&2; exit 1; fi
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then exit 1; fi

#!/usr/bin/env bash
# Cold figures for the grid: before each scenario, restart PostgreSQL and drop the OS page cache, then time the
# scenario's first run (`bench --cold`). Two passes:
#   cold      - pg_prewarm's autoprewarm list removed: nothing of the table is in memory;
#   prewarmed - the same restart, then the prewarm ./admin.sh run does at start (the grid's ordering index, the rollups).
# Usage (as root, with ConnectionStrings__Admin set as for `bench`):
#   scripts/bench-cold.sh PGDATA PORT [path/to/Admin.dll]
set -euo pipefail
pgdata=${1:?PGDATA}; port=${2:?PORT}; dll=${3:-src/Admin/bin/Release/net10.0/Admin.dll}
: "${ConnectionStrings__Admin:?set ConnectionStrings__Admin as for bench}"
[ "$(id -u)" -eq 0 ] || { echo "bench-cold.sh: needs root (it drops the OS page cache)" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$ConnectionStrings__Admin")
scenarios=("first page" "jump to a date" "province + risk" "district + risk" "phone exact" "phone prefix")

restart() {
  runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
  [ "$1" = cold ] && rm -f "$pgdata/autoprewarm.blocks"
  sync; echo 3 >/proc/sys/vm/drop_caches
  runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata" -o "-p $port" -l "$pgdata/../server.log" -w start >/dev/null
  if [ "$1" = prewarmed ]; then
    # The statement scripts/run.sh runs at start (waited for here, so the figure is what a user sees after it).
    psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qAtc "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
      -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relname IN
          ('ix_health_checks_timestamp_id', 'rollup_district_days', 'rollup_district_months', 'rollup_cell_days', 'rollup_cell_month_to_date')" >/dev/null
  fi
}

for pass in cold prewarmed; do
  for s in "${scenarios[@]}"; do
    restart "$pass"
    line=$(dotnet "$dll" bench --cold --match "$s" 2>&1 | grep -E "^\s*(grid|filter|search)\s" | head -1)
    printf '%-10s %s\n' "$pass" "$(tr -s ' ' <<<"$line")"
  done
done
uptime

#!/usr/bin/env bash
# Makes a local PostgreSQL cluster cold for `bench --cold-command`: stop it, drop the OS page cache, start it again.
#   scripts/pg-cold.sh PGDATA PORT cold       - also forget pg_prewarm's list: nothing of any table is in memory;
#   scripts/pg-cold.sh PGDATA PORT prewarmed  - then the prewarm ./admin.sh run does at start (the grid's ordering index
#                                               and the rollups), waited for, as a user meets the server after a restart.
# Needs root (drop_caches) and a cluster started by scripts/lib/postgres.sh (owned by postgres).
set -euo pipefail
. "$(dirname "$0")/lib/postgres.sh"
pgdata=${1:?PGDATA}; port=${2:?PORT}; mode=${3:?cold or prewarmed}
[ "$(id -u)" -eq 0 ] || { echo "pg-cold.sh: needs root (it drops the OS page cache)" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
[ "$mode" = cold ] && rm -f "$pgdata/autoprewarm.blocks"
sync; echo 3 >/proc/sys/vm/drop_caches
runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata" -o "-p $port" -l "$pgdata/../server.log" -w start >/dev/null
if [ "$mode" = prewarmed ]; then
  db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"${ConnectionStrings__Admin:-}")
  pg_prewarm_first_touch "$port" "${db:-admin}" >/dev/null
fi

# Streaming replication on this machine: a primary with wal_level=replica and a hot standby made by pg_basebackup.
# Shared by ./admin.sh cluster and ./admin.sh test (whose replica tests start a small pair of their own).
# shellcheck source=postgres.sh
. "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

# pg_enable_replication DIR PORT: wal_level=replica and the replication settings, restarting the server (a cluster made
# by pg_start_cluster in dev mode starts with wal_level=minimal so its seed writes no WAL; seed first, then call this).
pg_enable_replication() {
  local dir=$1 port=$2 bin; bin=$(pg_bindir) || return 1
  {
    echo "# replication (scripts/lib/replication.sh): later lines win"
    echo "wal_level = replica"
    echo "max_wal_senders = 5"
    echo "max_replication_slots = 5"
    echo "hot_standby = on"
    # The standby tells the primary which rows its queries still see, so VACUUM keeps them: long reads on the
    # standby (exports, feed crawls) are not cancelled by replay conflicts.
    echo "hot_standby_feedback = on"
    echo "wal_keep_size = '1GB'"
  } | pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/server.log" -m fast -w -t 120 restart >/dev/null \
    || { tail -n 30 "$dir/server.log" >&2; return 1; }
}

# pg_start_standby PRIMARY_PORT DIR PORT SLOT [PASSWORD]: a base backup of the primary (-R: standby.signal and
# primary_conninfo; -C -S: a physical replication slot, so the primary keeps WAL until the standby has it), started.
pg_start_standby() {
  local primary_port=$1 dir=$2 port=$3 slot=$4 pw=${5:-} bin; bin=$(pg_bindir) || return 1
  mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"; chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    local conninfo="host=127.0.0.1 port=$primary_port user=postgres application_name=$slot"
    [ -n "$pw" ] && conninfo="$conninfo password=$pw"
    pg_as_owner psql -d "$conninfo dbname=postgres" -qAtc \
      "SELECT pg_drop_replication_slot('$slot') FROM pg_replication_slots WHERE slot_name = '$slot' AND NOT active" >/dev/null
    pg_as_owner "$bin/pg_basebackup" -d "$conninfo" -D "$dir/data" -R -C -S "$slot" -X stream -c fast >"$dir/basebackup.log" 2>&1 \
      || { cat "$dir/basebackup.log" >&2; return 1; }
  fi
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir" -l "$dir/server.log" -w -t 120 start >/dev/null \
    || { tail -n 30 "$dir/server.log" >&2; return 1; }
}

pg_promote() {
  local bin; bin=$(pg_bindir) || return 1
  pg_as_owner "$bin/pg_ctl" -D "$1/data" -w -t 60 promote >/dev/null
}

# ./admin.sh cluster drill: four failures under a bounded API load (scripts/lib/drill_load.py: one writer, one feed
# crawler, through HAProxy), each measured: time to recover, requests failed, rows lost. Sourced by scripts/cluster.sh.
# The promotion comes last; afterwards the old primary is rebuilt as the new primary's standby (roles swapped).

drill_seconds=${ADMIN_DRILL_SECONDS:-30}

drill_owner() { echo "Host=127.0.0.1;Port=$(current_primary);Database=admin;Username=postgres;Password=$pg_pw"; }

# One scenario: load for drill_seconds, the fault FAULT after 8 s, REPAIR after the load. Appends a table row.
drill_one() {
  local name=$1 fault=$2 repair=$3 tag; tag="$(date +%s)-$RANDOM"
  local out="$state/drill/$tag.json"
  say "Drill: $name (load for ${drill_seconds} s, fault at 8 s)..."
  python3 "$repo/scripts/lib/drill_load.py" --url "http://127.0.0.1:$proxy_port" --write-key "$write_key" --read-key "$read_key" \
    --seconds "$drill_seconds" --tag "$tag" --msisdn "$drill_msisdn" --cursor "$(cat "$state/drill/cursor" 2>/dev/null)" \
    --seen "$state/drill/seen" --ready "$out.ready" > "$out" &
  local load=$!
  # The fault 8 s into the load (an interpreter start on a busy machine can take seconds of its own).
  for _ in $(seq 1 600); do [ -e "$out.ready" ] && break; sleep 0.1; done
  sleep 8
  local fault_at; fault_at=$(date +%s.%N)
  rm -f "$state/drill/back_at"
  $fault
  wait "$load" || { say "The load generator failed: see $out"; return 1; }
  $repair
  python3 - "$out" "$fault_at" "$state/drill" <<'PY' > "$state/drill/$tag.row"
import json, os, sys
s = json.load(open(sys.argv[1])); fault = float(sys.argv[2]); d = sys.argv[3]
fails = [f for f in s["failures"] if f[0] >= fault - 1]
last = max((f[0] for f in fails), default=None)
recover = "0.0 s" if last is None else f"{last - fault:.1f} s"
# When the failed part itself was back (PgBouncer listening, promotion done): how long the app took after that.
if os.path.exists(d + "/back_at"):
    back = float(open(d + "/back_at").read())
    recover += f" (part back after {back - fault:.1f} s; app {max(0.0, (last or back) - back):.1f} s after that)"

open(d + "/cursor", "w").write(s["cursor"])
open(d + "/seen", "w").write("\n".join(s["seen"]) + "\n")
open(d + "/acked", "a").write("".join(x + "\n" for x in s["acked"]))
print(f'{recover}|{s["write_failures"]}/{s["writes"]}|{s["read_failures"]}/{s["reads"]}|{len(s["acked"])}')
PY
  local row; row=$(cat "$state/drill/$tag.row")
  local lost; lost=$(drill_lost)
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(cut -d'|' -f1 <<<"$row")" "$(cut -d'|' -f2 <<<"$row")" \
    "$(cut -d'|' -f3 <<<"$row")" "$(cut -d'|' -f4 <<<"$row")" "$lost" >> "$state/drill/table.md"
}

# Acknowledged writes missing from the current primary.
drill_lost() {
  sort -u "$state/drill/acked" > "$state/drill/acked.sorted"
  PGPASSWORD=$pg_pw psql -h 127.0.0.1 -p "$(current_primary)" -U postgres -d admin -qAtX \
    -c "SELECT deduplication_id FROM health_checks WHERE msisdn = '$drill_msisdn'" | sort -u > "$state/drill/stored.sorted"
  comm -23 "$state/drill/acked.sorted" "$state/drill/stored.sorted" | wc -l
}

fault_kill_node() { kill -9 "$(cat "$state/node-1/app.pid")"; }
repair_node() { rm -f "$state/node-1/app.pid"; start_node 1; wait_node 1; }

fault_stop_standby() {
  pg_stop_cluster "$(dir_of "$(current_standby)")" fast
  # How long until each node's health entry says reads went to the primary.
  local t0; t0=$(date +%s.%N)
  for _ in $(seq 1 100); do
    if curl -fsS -m 1 "http://127.0.0.1:${app_ports[0]}/healthz/replica" | grep -q "reads go to the primary" \
       && curl -fsS -m 1 "http://127.0.0.1:${app_ports[1]}/healthz/replica" | grep -q "reads go to the primary"; then
      echo "$(python3 -c "print(round($(date +%s.%N) - $t0, 1))")" > "$state/drill/fallback"; return 0
    fi
    sleep 0.1
  done
  echo "not within 10" > "$state/drill/fallback"
}
repair_standby() {
  local port; port=$(current_standby)
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$(dir_of "$port")/data" -o "-p $port -k $(dir_of "$port")" -l "$(dir_of "$port")/server.log" -w -t 120 start >/dev/null
}

fault_restart_pgbouncer() {
  local pid; pid=$(cat "$state/pgbouncer-primary/pgbouncer.pid")
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  pg_as_owner pgbouncer -d "$state/pgbouncer-primary/pgbouncer.ini"
  wait_port "$pgb_primary" 100
  date +%s.%N > "$state/drill/back_at"
}
repair_nothing() { :; }

fault_promote() {
  local old new; old=$(current_primary); new=$(current_standby)
  pg_stop_cluster "$(dir_of "$old")" fast
  pg_promote "$(dir_of "$new")"
  echo "$new $old" > "$state/roles"
  # PgBouncer in front of the writes now points at the promoted server (a reload keeps client connections).
  render_pgbouncer primary "$pgb_primary" "$new"
  kill -HUP "$(cat "$state/pgbouncer-primary/pgbouncer.pid")"
  date +%s.%N > "$state/drill/back_at"
}
repair_rebuild_standby() {
  # The old primary returns as the new primary's standby: a fresh base backup (pg_rewind would copy less).
  local primary standby dir; primary=$(current_primary); standby=$(current_standby); dir=$(dir_of "$standby")
  say "Rebuilding the old primary (port $standby) as a standby of the new one (port $primary)..."
  rm -rf "$dir/data"
  pg_start_standby "$primary" "$dir" "$standby" admin_standby "$pg_pw"
  render_pgbouncer standby "$pgb_standby" "$standby"
  kill -HUP "$(cat "$state/pgbouncer-standby/pgbouncer.pid")"
}

# Circuits across a node's death: virtual users with real Blazor circuits (the load harness, tests/Admin.Load) through
# HAProxy, app node 1 killed 12 s in. A user whose circuit was on it reloads the same address, as the browser does when
# the server no longer knows its circuit, and lands on the other node (shared Data Protection keys keep the login).
drill_circuits() {
  local users=${ADMIN_DRILL_CIRCUIT_USERS:-8} out="$state/drill/circuits.json"
  say "Drill: kill app node 1 under $users users' circuits (${drill_seconds} s after the users are in, fault 12 s in)..."
  dotnet build "$repo/tests/Admin.Load" -c Release --nologo -v quiet >/dev/null
  dotnet "$repo/tests/Admin.Load/bin/Release/net10.0/Admin.Load.dll" --base "http://127.0.0.1:$proxy_port/" --users "$users" \
    --duration "${drill_seconds}s" --think 0.5-1.5 --create-users "$users" --db "$(drill_owner)" --json "$out" --quiet \
    > "$state/drill/circuits.txt" 2>&1 &
  local load=$! xacts_before; xacts_before=$(drill_xacts)
  # The users log in and open their first pages before the clock starts: wait for both nodes to hold circuits.
  local i
  for i in $(seq 1 600); do
    [ "$(drill_circuits_on 1)" -gt 0 ] && [ "$(drill_circuits_on 2)" -gt 0 ] && break
    kill -0 "$load" 2>/dev/null || break
    sleep 0.1
  done
  sleep 12
  local on_node1; on_node1=$(drill_circuits_on 1)
  fault_kill_node
  # The harness exits non-zero when any action failed, as some must here (those in flight on the dead node).
  wait "$load" || true
  repair_node
  [ -s "$out" ] || { say "The load harness did not finish: see $state/drill/circuits.txt"; return 1; }
  python3 - "$out" "$on_node1" "$xacts_before" "$(drill_xacts)" <<'PY' > "$state/drill/circuits.row"
import json, sys
r = json.load(open(sys.argv[1]))
(p0, s0), (p1, s1) = (map(int, sys.argv[3].split()), map(int, sys.argv[4].split()))
reload = next((a for a in r["actions"] if a["action"] == "circuit.reload"), None)
others = sum(a["errors"] for a in r["actions"] if a["action"] != "circuit.reload")
done = sum(a["count"] for a in r["actions"])
if reload and reload["count"]:
    moved = f'{reload["count"]} reloaded at the same address on node 2: p50 {reload["p50"]:.0f} ms, max {reload["max"]:.0f} ms'
else:
    moved = "no circuit reloaded"
print(f'{sys.argv[2]} circuits on node 1 when it died; {moved}; {reload["errors"] if reload else 0} reloads failed; '
      f'{others} other action errors in {done} actions; circuits started {r["circuitsStarted"]}, failed {r["circuitsFailed"]}; '
      f'scans of health_checks meanwhile: standby {s1 - s0}, primary {p1 - p0}')
PY
  cat "$state/drill/circuits.row"
}

# Reads of health_checks on each server so far (index and sequential scans; each server counts its own): "PRIMARY STANDBY".
drill_xacts() {
  local port n out=""
  for port in "$(current_primary)" "$(current_standby)"; do
    n=$(PGPASSWORD=$pg_pw psql -h 127.0.0.1 -p "$port" -U postgres -d admin -qAtX \
      -c "SELECT coalesce(idx_scan, 0) + seq_scan FROM pg_stat_user_tables WHERE relname = 'health_checks'" 2>/dev/null || echo 0)
    out+="${n:-0} "
  done
  echo "$out"
}

# Circuits open on app node N, from its metrics endpoint (the open-circuits gauge); 0 when it does not answer.
drill_circuits_on() {
  local port; port=$(node_metrics_port "$1")
  curl -fsS -m 1 "http://127.0.0.1:$port/metrics" 2>/dev/null | awk '/^admin_circuits_open[{ ]/ {s+=$NF} END {print s+0}'
}

drill() {
  pg_pw=$(cat "$state/pg-password"); app_pw=$(cat "$state/app-password")
  port_open "$proxy_port" || { say "The cluster is not up: ./admin.sh cluster up"; exit 1; }
  mkdir -p "$state/drill"; rm -f "$state/drill/"*
  # Both nodes up before the first fault (a node left dead by an interrupted drill is started again).
  local i
  for i in 1 2; do
    if ! { [ -s "$state/node-$i/app.pid" ] && kill -0 "$(cat "$state/node-$i/app.pid")" 2>/dev/null; }; then
      rm -f "$state/node-$i/app.pid"; start_node "$i"; wait_node "$i"
    fi
  done
  drill_msisdn="+2789$(printf '%07d' $((RANDOM * 30 % 10000000)))"
  # One key for the drill's writer and crawler, made once (the verb starts a whole host: slow on a busy machine).
  if [ ! -s "$state/drill-key" ]; then
    (umask 077; cd "$state/app" && ConnectionStrings__Admin="$(drill_owner)" dotnet Admin.dll create-api-key --name "cluster drill" --role Admin --scopes read,write > "$state/drill-key")
  fi
  write_key=$(cat "$state/drill-key"); read_key=$write_key
  echo "| drill | time to recover | writes failed / sent | reads failed / sent | rows acknowledged | rows lost |" > "$state/drill/table.md"
  echo "|---|---|---|---|---|---|" >> "$state/drill/table.md"
  drill_one "kill app node 1 (kill -9)" fault_kill_node repair_node
  drill_circuits
  drill_one "stop the standby" fault_stop_standby repair_standby
  drill_one "restart PgBouncer (primary)" fault_restart_pgbouncer repair_nothing
  drill_one "stop the primary, promote the standby" fault_promote repair_rebuild_standby
  # The crawler, across all four, must have seen every stored row of the drill exactly once.
  say "Crawling to the end of the feed..."
  python3 "$repo/scripts/lib/drill_load.py" --url "http://127.0.0.1:$proxy_port" --read-key "$read_key" --finish --seconds 120 \
    --msisdn "$drill_msisdn" --cursor "$(cat "$state/drill/cursor")" --seen "$state/drill/seen" > "$state/drill/final.json"
  local seen dup stored
  seen=$(python3 -c "import json;print(len(json.load(open('$state/drill/final.json'))['seen']))")
  dup=$(python3 -c "import json,collections;s=json.load(open('$state/drill/final.json'))['seen'];print(sum(c-1 for c in collections.Counter(s).values()))")
  stored=$(PGPASSWORD=$pg_pw psql -h 127.0.0.1 -p "$(current_primary)" -U postgres -d admin -qAtX -c "SELECT count(*) FROM health_checks WHERE msisdn = '$drill_msisdn'")
  echo
  cat "$state/drill/table.md"
  echo
  echo "Reads fell back to the primary (both nodes' /healthz/replica) $(cat "$state/drill/fallback") s after the standby stopped."
  echo "Feed crawler across all four drills: $seen rows seen, $dup duplicates, $stored rows stored for its phone number."
  echo "Circuits when app node 1 was killed: $(cat "$state/drill/circuits.row" 2>/dev/null || echo "not run")."
  echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

#!/usr/bin/env bash
# scripts/capacity.sh --db CONNSTR [--steps 50,100,250,500,1000] [--duration 3m] [--think 5] [--port 5642] [--mix M]
#   [--chromium 1] [--pgdata DIR] [--out DIR] [--warm-up 90s] [--tab-journeys 0] [--app-env "K=V ..."] (the app gets deploy/gc.env; --app-env adds to it or overrides it)
#   [--spawn-rate 5] (users started a second) [--harness-nice -5] (the harness's niceness; root for a negative one)
#   [--ack-delay 0ms] (how long each virtual tab takes to acknowledge a render batch, as a browser's main thread does)
# One node's capacity: for each step a fresh app (Release build, Production mode) on this machine against the database,
# one warm-up pass of every journey and --warm-up of 100 users (not measured; 0 measures a cold node), then N virtual
# users of the load harness (real circuits) beside --chromium real headless Chromium users on the records grid (their
# actions are the chromium.* rows), with the app's and PostgreSQL's CPU and the app's RSS sampled from /proc and its GC's
# pauses read from its metrics endpoint (on --port + 1, so it cannot clash with another app's 9464). Writes
# step-N.json and step-N.log to --out and prints one table row per step. --tab-journeys is the harness's: 0 (default)
# keeps each user's tab for the whole step, as an analyst keeps the dashboard open; 1 opens a new one per journey.
# Run it on a quiet machine: app, PostgreSQL and harness share its cores.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/gc.sh
. "$repo/scripts/lib/gc.sh"
steps=50,100,250,500,1000 duration=3m think=5 port=5642 mix=analyst=70,manager=20,admin=10 chromium=1 db="" pgdata="" out=capacity warmup=90s tabs=0 app_env="" spawn_rate=5 harness_nice=-5 ack_delay=0ms
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --think) think=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --chromium) chromium=$2; shift 2 ;;
    --pgdata) pgdata=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --warm-up) warmup=$2; shift 2 ;;
    --tab-journeys) tabs=$2; shift 2 ;;
    --app-env) app_env=$2; shift 2 ;;
    --spawn-rate) spawn_rate=$2; shift 2 ;;
    --harness-nice) harness_nice=$2; shift 2 ;;
    --ack-delay) ack_delay=$2; shift 2 ;;
    *) echo "capacity.sh: unknown option '$1' (see the script's first lines)" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] || { echo "capacity.sh: --db CONNSTR is required (the database the app serves)" >&2; exit 2; }
mkdir -p "$out"; out=$(cd "$out" && pwd)
# The harness stands in for 500 people's own machines; on this box it shares the server's cores, and time it spends
# waiting there for a core behind the app would count in every action it times. A raised priority keeps that wait short;
# its CPU is the same either way, and the server still shares the cores with it (README, "Eighteenth series").
if [ "$harness_nice" -lt 0 ] && [ "$(id -u)" != 0 ]; then
  echo "capacity.sh: --harness-nice $harness_nice needs root; the harness runs at the app's priority" >&2; harness_nice=0
fi
seconds() { case $1 in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
app_dir="$out/app"
dotnet publish "$repo/src/Admin" -c Release -o "$app_dir" --nologo -v quiet >&2
dotnet build "$repo/tests/Admin.Load" -c Release --nologo -v quiet >&2
load="$repo/tests/Admin.Load/bin/Release/net10.0/Admin.Load.dll"
pg_pid=()
if [ -n "$pgdata" ]; then pg_pid=(--pg-pid "$(head -1 "$pgdata/postmaster.pid")"); fi
base="http://127.0.0.1:$port"
metrics_port=$((port + 1))

app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap stop_app EXIT

printf '| users | circuits started / failed | actions / errors | worst action p95 | Chromium user p95 (worst action; worst wire) | app RSS idle → peak | KB per circuit | app / PostgreSQL / harness CPU | app GC paused | load average |\n|---|---|---|---|---|---|---|---|---|---|\n'
for n in ${steps//,/ }; do
  (cd "$app_dir" && gc_env && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base ConnectionStrings__Admin=$db Metrics__Port=$metrics_port \
    exec env $app_env dotnet Admin.dll >"$out/app-$n.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "$base/healthz/live" >/dev/null 2>&1 && break; sleep 0.5; done
  # Warm-up: every journey once (JIT, pools, caches), not measured.
  dotnet "$load" --base "$base" --users 3 --iterations 1 --think 0.2-0.5 --create-users 1 --db "$db" --mix "$mix" --quiet \
    >"$out/warmup-$n.log" 2>&1 || true
  # A fresh process spends its first minute under load in the JIT (tier-1 recompiles of every hot method: 4-7 s of
  # compilation per 10 s, README "Capacity"); a node behind a load balancer has done that before it takes this load.
  if [ "$warmup" != 0 ] && [ "$warmup" != 0s ]; then
    dotnet "$load" --base "$base" --users 100 --think 2-4 --ramp-up 10s --duration "$warmup" --create-users 1 --db "$db" --mix "$mix" --quiet \
      >>"$out/warmup-$n.log" 2>&1 || true
  fi
  # The users start --spawn-rate a second, and --duration counts from the last one: N circuits for that long.
  ramp=$(( n / spawn_rate > 10 ? n / spawn_rate : 10 ))
  total=$(( ramp + $(seconds "$duration") ))
  # Two accounts per role: the login form allows 10 attempts a minute per address (6 here + a browser; the warm-ups' 6 came
  # a minute and a half before), and the virtual users of an account share its cookie, as tabs of one browser do.
  nice -n "$harness_nice" dotnet "$load" --base "$base" --users "$n" --mix "$mix" --think "$think" --ramp-up "${ramp}s" --duration "${total}s" --chromium "$chromium" \
    --tab-journeys "$tabs" --ack-delay "$ack_delay" --prime --create-users 2 --db "$db" --app-pid "$app_pid" "${pg_pid[@]}" --app-metrics "http://127.0.0.1:$metrics_port/metrics" --quiet --json "$out/step-$n.json" \
    >"$out/step-$n.log" 2>&1 || true
  stop_app
  python3 - "$out/step-$n.json" "$n" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = sys.argv[2]; acts = r["actions"]; res = r.get("resources") or {}; gc = r.get("appGc")
def worst(rows):
    rows = [a for a in rows if a["p95"] is not None]
    return max(rows, key=lambda a: a["p95"]) if rows else None
def show(a): return f"{a['p95']:.0f} ms ({a['action']})" if a else "–"
paused = f"{gc['pauseSeconds']:.1f} s ({gc['pausePercent']:.1f} %)" if gc else "–"
vu = worst([a for a in acts if not a["action"].startswith("chromium.")]); cr = worst([a for a in acts if a["action"].startswith("chromium.")])
wire = worst([a for a in r.get("parts", []) if a["action"].endswith(" wire")])
print(f"| {n} | {r['circuitsStarted']} / {r['circuitsFailed']} (peak {r['circuitsAlivePeak']} alive) | "
      f"{sum(a['count'] for a in acts)} / {sum(a['errors'] for a in acts)} | {show(vu)} | {show(cr)}{'; wire ' + show(wire) if wire else ''} | "
      f"{res.get('idleRssMb', 0):.0f} → {res.get('peakRssMb', 0):.0f} MB | {res.get('kbPerCircuit') or 0:.0f} | "
      f"{res.get('appCpuPercent', 0):.0f} % / {res.get('postgresCpuPercent') or 0:.0f} % / {res.get('harnessCpuPercent', 0):.0f} % | "
      f"{paused} | "
      f"{res.get('loadAverageStart')} → {res.get('loadAverageEnd')} |")
PY
done

#!/usr/bin/env bash
# scripts/circuit-rss.sh --app DIR --db CONNSTR [--users 200] [--mix analyst=50,manager=50] [--think 120] [--port 5643]
#   [--hold 60] [--label NAME] [--out DIR] [-- ENV=VALUE ...]
# Server memory per held circuit: a fresh app (a published Release build in DIR, Production mode, ENV=VALUE pairs added
# to its environment, e.g. DOTNET_GCgen0size=...), one warm-up pass of each journey, RSS idle; then --users virtual users
# held on their first page (think time 120 s, so every circuit sits on the records grid or the hotspot map; a short
# --think such as 3-10 measures circuits mid-journey instead, with the GC's allocation headroom) and RSS sampled twice,
# --hold/2 s apart, once the ramp is done. Prints one table row (the header below): RSS idle → held, and per circuit
# ((held − idle) / users, KB) the RSS, its part inside the GC's reservation and outside it (native: runtime, zlib,
# thread stacks), the GC's heap and committed bytes (dotnet-counters, if installed); the bytes the app sent per circuit
# (TCP bytes_sent of its sockets, from `ss`, each second); threads idle → held; p95 of the first pages; load average.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
app="" db="" users=200 mix=analyst=50,manager=50 think=120 port=5643 hold=60 label=run out=circuit-rss env=()
while [ $# -gt 0 ]; do
  case "$1" in
    --app) app=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --think) think=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --hold) hold=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --) shift; env=("$@"); break ;;
    *) echo "circuit-rss.sh: unknown option '$1' (see the script's first lines)" >&2; exit 2 ;;
  esac
done
[ -n "$app" ] && [ -n "$db" ] || { echo "circuit-rss.sh: --app DIR and --db CONNSTR are required" >&2; exit 2; }
mkdir -p "$out"; out=$(cd "$out" && pwd)
load="$repo/tests/Admin.Load/bin/Release/net10.0/Admin.Load.dll"
[ -f "$load" ] || dotnet build "$repo/tests/Admin.Load" -c Release --nologo -v quiet >&2
counters=~/.dotnet/tools/dotnet-counters
base="http://127.0.0.1:$port"

echo "| run | circuits | RSS idle → held (two samples) | KB per circuit: RSS | in GC range | outside | GC heap idle → held | KB per circuit: GC heap | GC committed idle → held | KB per circuit: committed | KB sent per circuit | threads | p95 | load average |"
app_pid="" load_pid="" wire_pid=""
stop() {
  if [ -n "$wire_pid" ]; then kill "$wire_pid" 2>/dev/null || true; fi
  if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; fi
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
}
trap stop EXIT

# The app's figures now, in kB: VmRSS, anonymous RSS, RSS inside the GC's reservation (its largest contiguous anonymous
# range, hundreds of GB of address space with regions), GC heap and committed bytes (dotnet-counters), threads.
sample() {
  local rss anon gcrss gc=("–" "–")
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status")
  anon=$(awk '/^Anonymous:/ { print $2 }' "/proc/$app_pid/smaps_rollup")
  gcrss=$(python3 - "$app_pid" <<'PY'
import sys
ranges, end, rss = [], None, 0
for line in open(f"/proc/{sys.argv[1]}/smaps"):
    f = line.split()
    if not f[0].endswith(":"):
        a, b = (int(x, 16) for x in f[0].split("-"))
        anon = len(f) < 6
        if anon and end == a: ranges[-1][1] = b
        elif anon: ranges.append([a, b, 0])
        end = b if anon else None
    elif f[0] == "Rss:" and end is not None:
        ranges[-1][2] += int(f[1])
print(max(ranges, key=lambda r: r[1] - r[0])[2] if ranges else 0)
PY
)
  if [ -x "$counters" ]; then
    rm -f "$out/counters.csv"
    "$counters" collect -p "$app_pid" --format csv -o "$out/counters.csv" --duration 00:00:00:04 \
      --counters "System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size]" >/dev/null 2>&1 || true
    # Rows: timestamp,provider,name (unit)[tags],type,value. The last value of each counter, in KB.
    mapfile -t gc < <(python3 - "$out/counters.csv" <<'PY'
import csv, sys
last = {}
try:
    for row in csv.reader(open(sys.argv[1])):
        if len(row) >= 5 and row[2].startswith("dotnet.gc.last_collection"):
            last[row[2]] = float(row[4]) / 1024  # one row per generation; the newest wins
except (OSError, ValueError):
    pass
heap = [v for name, v in last.items() if "heap.size" in name]
committed = [v for name, v in last.items() if "committed" in name]
print(f"{sum(heap):.0f}" if heap else "–"); print(f"{sum(committed):.0f}" if committed else "–")
PY
)
  fi
  echo "$rss $anon $gcrss ${gc[0]} ${gc[1]} $(awk '/^Threads:/ { print $2 }' "/proc/$app_pid/status")"
}

(cd "$app" && env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Admin="$db" "${env[@]}" \
  dotnet Admin.dll >"$out/app-$label.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz/live" >/dev/null 2>&1 && break; sleep 0.5; done
# `dotnet` execs the app: $app_pid's child is the process whose memory counts.
child=$(pgrep -P "$app_pid" -n dotnet || true); [ -n "$child" ] && app_pid=$child
# Warm-up: each journey once (JIT, pools, caches, the theme's and the map's shared markup), not measured.
dotnet "$load" --base "$base" --users 2 --iterations 1 --think 0.2-0.5 --create-users 1 --db "$db" --mix "$mix" --quiet \
  >"$out/warmup-$label.log" 2>&1 || true
sleep 10
read -r idle idle_anon idle_gcrss idle_heap idle_committed idle_threads < <(sample)
ramp=$(( users / 5 > 10 ? users / 5 : 10 ))
dotnet "$load" --base "$base" --users "$users" --mix "$mix" --think "$think" --ramp-up "${ramp}s" --duration "$(( ramp + hold + 30 ))s" \
  --create-users 4 --db "$db" --quiet --json "$out/load-$label.json" >"$out/load-$label.log" 2>&1 &
load_pid=$!
# Bytes on the wire: the largest bytes_sent seen per socket of the app's port (keyed by the client's port), summed.
python3 - "$port" "$out/wire-$label.txt" <<'PY' &
import re, subprocess, sys, time
port, path, seen = sys.argv[1], sys.argv[2], {}
while True:
    text = subprocess.run(["ss", "-tinH", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True).stdout
    for peer, sent in re.findall(r"127\.0\.0\.1:\d+\s+127\.0\.0\.1:(\d+)\s+.*?bytes_sent:(\d+)", text, re.S):
        seen[peer] = max(seen.get(peer, 0), int(sent))
    open(path, "w").write(str(sum(seen.values())))
    time.sleep(1)
PY
wire_pid=$!
sleep $(( ramp + 15 ))
read -r a1 an1 g1 h1 c1 _ < <(sample)
sleep $(( hold / 2 ))
read -r a2 an2 g2 h2 c2 threads < <(sample)
wait "$load_pid" || true; load_pid=""
kill "$wire_pid" 2>/dev/null || true; wire_pid=""
python3 - "$out/load-$label.json" "$label" "$users" "$idle" "$idle_gcrss" "$idle_heap" "$idle_committed" "$a1" "$g1" "$h1" "$c1" "$a2" "$g2" "$h2" "$c2" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(cat "$out/wire-$label.txt" 2>/dev/null || echo 0)" "$idle_threads → $threads" <<'PY'
import json, sys
(path, label, users, idle, idle_gc, idle_heap, idle_comm, a1, g1, h1, c1, a2, g2, h2, c2, load, wire, threads) = sys.argv[1:]
n = int(users)
def num(s): return None if s in ("–", "") else float(s)
def per(held1, held2, base):
    if None in (num(held1), num(held2), num(base)): return "–"
    return f"{((num(held1) + num(held2)) / 2 - num(base)) / n:,.0f}"
try:
    r = json.load(open(path)); circ = f"{r['circuitsAlivePeak']} alive, {r['circuitsFailed']} failed"
    acts = [a for a in r["actions"] if a["p95"] is not None]
    shown = [a for a in acts if a["action"].endswith(".open")] + sorted(acts, key=lambda a: -a["p95"])[:1]
    p95 = ", ".join(dict.fromkeys(f"{a['action']} {a['p95']:.0f}" for a in shown))
    circ += f", {sum(a['count'] for a in r['actions'])} actions, {sum(a['errors'] for a in r['actions'])} errors"
except (OSError, KeyError, ValueError):
    circ, p95 = "no JSON", "–"
mb = lambda s: "–" if num(s) is None else f"{num(s) / 1024:,.0f}"
out1, out2, out_idle = (str(num(x) - num(y)) for x, y in ((a1, g1), (a2, g2), (idle, idle_gc)))
print(f"| {label} | {circ} | {mb(idle)} → {mb(a1)} / {mb(a2)} MB | {per(a1, a2, idle)} | {per(g1, g2, idle_gc)} | {per(out1, out2, out_idle)} | "
      f"{mb(idle_heap)} → {mb(h1)} / {mb(h2)} MB | {per(h1, h2, idle_heap)} | {mb(idle_comm)} → {mb(c1)} / {mb(c2)} MB | "
      f"{per(c1, c2, idle_comm)} | {int(wire) / n / 1024:,.0f} | {threads} | {p95} ms | {load} |")
PY

#!/usr/bin/env python3
"""Bounded API load for ./admin.sh cluster drill: one writer posting HealthChecks (each retried until acknowledged,
idempotent on deduplication_id) and one feed crawler following its cursor, for a fixed time, through the proxy.
Prints a JSON summary: requests, failures, when the last failure was and when requests succeeded again, the
acknowledged deduplication ids, the crawler's cursor and the ids it has seen. Only 127.0.0.1 is ever contacted."""
import argparse, json, os, threading, time, urllib.error, urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--url", required=True)
p.add_argument("--write-key"); p.add_argument("--read-key", required=True)
p.add_argument("--seconds", type=float, default=30)
p.add_argument("--tag", default="drill"); p.add_argument("--msisdn", default="+27899990000")
p.add_argument("--cursor", default=""); p.add_argument("--seen", default="", help="file of ids already seen (one a line)")
p.add_argument("--ready", default="", help="file created once the first request has been answered")
p.add_argument("--finish", action="store_true", help="no writes: crawl until caught up (twice empty, 2 s apart)")
a = p.parse_args()
assert urllib.parse.urlparse(a.url).hostname in ("127.0.0.1", "localhost"), "the drill only talks to this machine"

start = time.time(); end = start + a.seconds
lock = threading.Lock()
stats = {"writes": 0, "write_failures": 0, "reads": 0, "read_failures": 0, "failures": [], "acked": [], "seen": []}
if a.seen and os.path.exists(a.seen):
    stats["seen"] = [l.strip() for l in open(a.seen) if l.strip()]

def call(method, path, key, body=None):
    req = urllib.request.Request(a.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # refused, reset, timeout: the fault being drilled
        return 0, str(e).encode()

def answered():
    if a.ready and not os.path.exists(a.ready):
        open(a.ready, "w").write(str(time.time()))

def failed(kind, code):
    with lock:
        stats[kind + "_failures"] += 1
        stats["failures"].append([round(time.time(), 3), kind, code])

def writer():
    i = 0
    while time.time() < end:
        dedup = f"drill-{a.tag}-{i}"
        body = {"deduplication_id": dedup, "msisdn": a.msisdn, "source": "WhatsApp", "province": "ZA-GP", "age": "18-40",
                "fever": False, "cough": True, "sore_throat": False, "exposure": "no", "tracing": True,
                "timestamp": "2021-07-05T09:30:00Z", "completed_timestamp": "2021-07-05T09:32:00Z"}
        code, _ = call("POST", "/api/v1/healthchecks", a.write_key, body)
        answered()
        with lock: stats["writes"] += 1
        if code in (200, 201):
            with lock: stats["acked"].append(dedup)
            i += 1
            time.sleep(0.05)
        else:
            failed("write", code)
            time.sleep(0.1)  # then the same record again: a retry cannot duplicate it

def crawler():
    cursor = a.cursor; empty = 0
    while a.finish or time.time() < end:
        q = {"page_size": "500", "msisdn": a.msisdn}
        if cursor: q["cursor"] = cursor
        code, raw = call("GET", "/api/v1/healthchecks?" + urllib.parse.urlencode(q), a.read_key)
        answered()
        with lock: stats["reads"] += 1
        if code != 200:
            failed("read", code); time.sleep(0.1); continue
        page = json.loads(raw)
        with lock: stats["seen"].extend(r["id"] for r in page["results"])
        cursor = page["cursor"]
        if page["has_more"]:
            continue
        if a.finish:
            empty = empty + 1 if not page["results"] else 0
            if empty >= 2: break
            time.sleep(2)
        else:
            time.sleep(0.2)
    stats["cursor"] = cursor

threads = [threading.Thread(target=crawler)] + ([threading.Thread(target=writer)] if a.write_key and not a.finish else [])
for t in threads: t.start()
for t in threads: t.join()
stats["started"] = round(start, 3); stats["ended"] = round(time.time(), 3)
print(json.dumps(stats))

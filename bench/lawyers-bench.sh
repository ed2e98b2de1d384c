#!/usr/bin/env bash
# Find a lawyer over HTTP: searches per second against a database that holds a synthetic roll.
#
#   bench/lawyers-bench.sh DATABASE_URL
#
# Load the database first, e.g. `build/entente_directory_bench --database sqlite:///tmp/bench.db
# --members 1000000 --queries 10` (or `entente seed synthetic --members N`). The script starts
# build/entente on it (loopback only), then runs wrk over two lists of queries, each request the
# next query of the list:
#   mixed     bench/lawyers/mixed.txt: 40 queries (full names, family names, beginnings, typos,
#             the other script, a bar or city filter)
#   distinct  5,000 queries made from the synthetic rolls (full name, family name, a beginning,
#             a dropped letter, the other script), so that few repeat within a run
# and prints req/s, p50, p99, non-2xx answers, the server's CPU time per request (from /proc: wrk
# runs on the same cores) and its memory.
#
# Environment: ENTENTE_BIN (default build/entente), BENCH_DURATION (10s), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${ENTENTE_BIN:-$ROOT/build/entente}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
URL="${1:-}"

die() { echo "lawyers-bench: $*" >&2; exit 1; }
[[ -n "$URL" ]] || die "usage: bench/lawyers-bench.sh DATABASE_URL"
[[ -x "$BIN" ]] || die "no server binary at $BIN"
for tool in curl wrk python3; do command -v "$tool" >/dev/null || die "$tool not found"; done

TMP="$(mktemp -d /tmp/entente-lawyers.XXXXXX)"
PID=""
cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID"
    for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
export ENTENTE_DATABASE_URL="$URL" ENTENTE_LISTEN="127.0.0.1:$PORT" ENTENTE_ACCESS_LOG=false
"$BIN" serve >"$TMP/entente.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || { cat "$TMP/entente.log" >&2; die "the server did not start"; }

# The distinct list, from the synthetic rolls as exported.
for bar in synthetic-bar-kz synthetic-bar-fr; do
  "$BIN" export roll --bar "$bar" -o "$TMP/$bar.csv" 2>/dev/null || die "no roll for $bar: load a synthetic roll first"
done
python3 - "$TMP/synthetic-bar-kz.csv" "$TMP/synthetic-bar-fr.csv" >"$TMP/distinct.txt" <<'PY'
import csv, random, sys, urllib.parse
people = []
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        people += [(row["name"], row["other_names"]) for row in csv.DictReader(f)]
rng = random.Random(1)
queries = set()
while len(queries) < 5000:
    name, others = rng.choice(people)
    words = name.split()
    kind = rng.randrange(5)
    if kind == 0:
        q = name
    elif kind == 1:
        q = words[-1]
    elif kind == 2:
        q = words[-1][: rng.randrange(3, 6)]
    elif kind == 3:
        w = max(words, key=len)
        at = len(w) // 2
        q = name.replace(w, w[:at] + w[at + 1:], 1)
    else:
        q = others.split(";")[0].strip() or name
    queries.add("per_page=20&q=" + urllib.parse.quote(q))
print("\n".join(sorted(queries, key=lambda _: rng.random())))
PY

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
echo "| queries | req/s | p50 | p99 | non-2xx | server CPU per request |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for list in mixed distinct; do
  file="$ROOT/bench/lawyers/$list.txt"
  [[ "$list" == distinct ]] && file="$TMP/distinct.txt"
  export LAWYERS_QUERIES="$file"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$ROOT/bench/lawyers/queries.lua" "http://127.0.0.1:$PORT" >/dev/null
  before="$(cpu_ticks)"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/lawyers/queries.lua" "http://127.0.0.1:$PORT")"
  after="$(cpu_ticks)"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  cpu="$(awk -v t="$((after - before))" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.3f ms", 1000 * t / hz / n }')"
  echo "| $list ($(wc -l <"$file")) | $rps | $p50 | $p99 | ${non2xx:-0} | $cpu |"
done
echo
# Peak resident memory, and the part that is the server's own (RssAnon): the rest is the SQLite
# file mapped into memory, pages the kernel shares and can drop.
echo "server memory: peak resident $(awk '/VmHWM/ {print $2, $3}' "/proc/$PID/status")," \
  "own (anonymous) now $(awk '/RssAnon/ {print $2, $3}' "/proc/$PID/status")," \
  "mapped file now $(awk '/RssFile/ {print $2, $3}' "/proc/$PID/status")"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1, database $URL"

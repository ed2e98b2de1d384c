#!/usr/bin/env bash
# Sign-in latency over HTTP against the cost of argon2id itself.
#
#   bench/sign-in-bench.sh        (expects build/entente and build/entente_auth_bench)
#
# Starts entente on a temporary demo database on a free loopback port, signs in N times
# (BENCH_SIGN_INS, default 40) as a demo account — each time fetching the sign-in form for its
# CSRF token, then posting it — and prints the p50/p90 of the POST next to argon2id's verify
# time from entente_auth_bench. Writes build/bench/sign-in.md. Only 127.0.0.1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${ENTENTE_BIN:-$ROOT/build/entente}"
AUTH_BENCH="$ROOT/build/entente_auth_bench"
COUNT="${BENCH_SIGN_INS:-40}"
OUT_DIR="$ROOT/build/bench"
mkdir -p "$OUT_DIR"

[[ -x "$BIN" && -x "$AUTH_BENCH" ]] || { echo "sign-in-bench: build entente and entente_auth_bench first" >&2; exit 1; }

WORK="$(mktemp -d)"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The demo accounts sign in: `serve` loads nothing by itself, so the demo is seeded first.
ENTENTE_DATABASE_URL="sqlite://$WORK/bench.db" ENTENTE_LOG_LEVEL=warn "$BIN" seed demo > "$WORK/seed.log" 2>&1 \
  || { cat "$WORK/seed.log" >&2; echo "sign-in-bench: entente seed demo failed" >&2; exit 1; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
ENTENTE_DATABASE_URL="sqlite://$WORK/bench.db" ENTENTE_LISTEN="127.0.0.1:$PORT" ENTENTE_ACCESS_LOG=false \
  ENTENTE_LOG_LEVEL=warn ENTENTE_SIGN_IN_FAILURES_PER_ADDRESS=100000 "$BIN" serve > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

: > "$WORK/times"
for _ in $(seq 1 "$COUNT"); do
  jar="$WORK/jar"
  rm -f "$jar"
  token="$(curl -fsS -c "$jar" "http://127.0.0.1:$PORT/sign-in" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)"
  curl -sS -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=paris.member@demo.entente.example" \
    --data-urlencode "password=entente-demo-2014" "http://127.0.0.1:$PORT/sign-in" >> "$WORK/times"
done
if grep -qv '^303 ' "$WORK/times"; then
  echo "sign-in-bench: a sign-in did not succeed:" >&2
  grep -v '^303 ' "$WORK/times" | head -n 3 >&2
  exit 1
fi

read -r p50 p90 < <(awk '{print $2 * 1000}' "$WORK/times" | sort -n |
  awk '{v[NR]=$1} END {printf "%.1f %.1f\n", v[int((NR+1)*0.5)], v[int(NR*0.9 + 0.5)]}')
verify="$("$AUTH_BENCH" --benchmark_filter=BM_VerifyPassword --benchmark_format=csv 2>/dev/null |
  awk -F, '/BM_VerifyPassword.*_median/ {printf "%.1f", $3}')"

report="# Sign-in latency

$(date -u '+%Y-%m-%d %H:%M UTC'), $COUNT sign-ins over HTTP on 127.0.0.1 (SQLite, demo database).

| measure | ms |
| --- | ---: |
| argon2id verify alone (entente_auth_bench, median) | $verify |
| POST /sign-in p50 | $p50 |
| POST /sign-in p90 | $p90 |
"
echo "$report" | tee "$OUT_DIR/sign-in.md"

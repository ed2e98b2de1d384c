#!/usr/bin/env bash
# HTTP throughput of entente compared with nginx serving the same home page as a static file.
#
#   bench/http-bench.sh            (expects build/entente; builds nothing)
#
# Environment:
#   ENTENTE_BIN      server binary (default build/entente)
#   BENCH_DURATION   wrk duration per target (default 10s)
#   BENCH_WARMUP     short run before each measured one, 0 to skip (default 2s)
#   BENCH_THREADS    wrk threads (default 2)   BENCH_CONNECTIONS  wrk connections (default 64)
#   NGINX_WORKERS    nginx worker_processes (default auto)
#
# Prints a Markdown table (target, req/s, p99) and the home/nginx ratio, and writes it to
# build/bench/http.md. Everything listens on 127.0.0.1 only. wrk runs on the same machine and
# shares its cores with the server being measured, so numbers are comparable only between runs
# on the same machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${ENTENTE_BIN:-$ROOT/build/entente}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-2s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
NGINX_WORKERS="${NGINX_WORKERS:-auto}"
OUT_DIR="$ROOT/build/bench"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

die() { echo "http-bench: $*" >&2; exit 1; }

[[ -x "$BIN" ]] || die "no server binary at $BIN (build it first, or set ENTENTE_BIN)"
for tool in curl wrk "$NGINX"; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install curl wrk nginx-light)"
done

# A free loopback port: let the kernel choose one (port 0) when python3 is there, otherwise
# probe random high ports with bash's /dev/tcp until a connection is refused.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found"
}

TMP="$(mktemp -d /tmp/entente-bench.XXXXXX)"
ENTENTE_PID=""
NGINX_PID=""

cleanup() {
  local status=$?
  set +e
  if [[ -n "$ENTENTE_PID" ]] && kill -0 "$ENTENTE_PID" 2>/dev/null; then
    kill -TERM "$ENTENTE_PID"
    # SIGTERM drains in-flight requests (up to ~25 s); do not wait forever.
    for _ in $(seq 1 60); do kill -0 "$ENTENTE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$ENTENTE_PID" 2>/dev/null
  fi
  if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID"   # graceful shutdown of the master and its workers
    for _ in $(seq 1 20); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$NGINX_PID" 2>/dev/null
  fi
  wait 2>/dev/null
  if (( status != 0 )); then
    for log in "$TMP/entente.log" "$TMP/nginx-error.log"; do
      [[ -s "$log" ]] && { echo "--- tail of $(basename "$log")" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_http() {  # URL SECONDS
  local url=$1 deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    (( SECONDS < deadline )) || return 1
    [[ -z "$ENTENTE_PID" ]] || kill -0 "$ENTENTE_PID" 2>/dev/null || die "entente exited early"
    sleep 0.2
  done
}

# --- entente on a fresh SQLite database with the demo data -------------------------------------
ENTENTE_PORT="$(free_port)"
export ENTENTE_DATABASE_URL="sqlite://$TMP/bench.db"
export ENTENTE_LISTEN="127.0.0.1:$ENTENTE_PORT"
export ENTENTE_ACCESS_LOG=false   # one log line per request would measure the logger
"$BIN" seed demo >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; die "entente seed demo failed"; }
"$BIN" serve >"$TMP/entente.log" 2>&1 &
ENTENTE_PID=$!
wait_http "http://127.0.0.1:$ENTENTE_PORT/healthz" 20 || die "entente /healthz not ready after 20 s"

# --- nginx serving the rendered home page as a static file -------------------------------------
mkdir -p "$TMP/www" "$TMP/nginx"
code="$(curl -s -o "$TMP/www/index.html" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$ENTENTE_PORT/")"
[[ "$code" == 200 && -s "$TMP/www/index.html" ]] || die "GET / on entente gave $code"
HOME_BYTES="$(wc -c <"$TMP/www/index.html")"
# Run as root, nginx workers switch to user nobody, which must be able to read the file.
chmod 755 "$TMP" "$TMP/www"
chmod 644 "$TMP/www/index.html"

NGINX_PORT="$(free_port)"
while [[ "$NGINX_PORT" == "$ENTENTE_PORT" ]]; do NGINX_PORT="$(free_port)"; done
cat >"$TMP/nginx/nginx.conf" <<EOF
# master process in the foreground (we keep its pid), workers as configured
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    # nginx closes a keep-alive connection after 1000 requests by default; entente does not,
    # and wrk would count the reconnections against nginx.
    keepalive_requests 1000000;
    keepalive_timeout 65s;
    types { text/html html; }
    default_type application/octet-stream;
    charset utf-8;
    client_body_temp_path $TMP/nginx/client_body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/www;
        location / { }
    }
}
EOF
# -e: the error log before the configuration is read (the default is under /var/log/nginx).
"$NGINX" -e "$TMP/nginx-error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
wait_http "http://127.0.0.1:$NGINX_PORT/index.html" 10 || die "nginx not ready after 10 s"
cmp -s "$TMP/www/index.html" <(curl -fs "http://127.0.0.1:$NGINX_PORT/index.html") \
  || die "nginx does not serve the saved home page"

# --- measurements -------------------------------------------------------------------------------
# wrk prints "Requests/sec:  12345.67" and, with --latency, a line "     99%    1.23ms".
# p99 is kept as wrk writes it (us, ms or s); errors are non-2xx/3xx answers plus socket errors.
declare -A RPS P99 ERRS
run_wrk() {  # NAME URL
  local name=$1 url=$2 out="$TMP/wrk-$1.txt"
  if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  fi
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $url" >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$out"
  sed 's/^/    /' "$out" >&2
  RPS[$name]="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  P99[$name]="$(awk '$1 == "99%" {print $2}' "$out")"
  local non2xx sockerr
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"
  # "Socket errors: connect 0, read 0, write 0, timeout 0"
  sockerr="$(awk '/Socket errors:/ { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i; print n }' "$out")"
  ERRS[$name]=$(( ${non2xx:-0} + ${sockerr:-0} ))
  [[ -n "${RPS[$name]}" && -n "${P99[$name]}" ]] || die "could not parse wrk output for $name"
}

run_wrk healthz "http://127.0.0.1:$ENTENTE_PORT/healthz"
run_wrk home "http://127.0.0.1:$ENTENTE_PORT/"
run_wrk nginx "http://127.0.0.1:$NGINX_PORT/index.html"

RATIO="$(awk -v a="${RPS[home]}" -v b="${RPS[nginx]}" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')"

mkdir -p "$OUT_DIR"
{
  echo "# HTTP benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`" \
       "on 127.0.0.1 (wrk shares the cores), home page $HOME_BYTES bytes, nginx worker_processes $NGINX_WORKERS."
  echo
  echo "| target | req/s | p99 | errors |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| entente /healthz | ${RPS[healthz]} | ${P99[healthz]} | ${ERRS[healthz]} |"
  echo "| entente / (home) | ${RPS[home]} | ${P99[home]} | ${ERRS[home]} |"
  echo "| nginx /index.html (same page, static) | ${RPS[nginx]} | ${P99[nginx]} | ${ERRS[nginx]} |"
  echo
  echo "Home page on entente: **$RATIO %** of nginx's req/s for the same bytes."
} >"$OUT_DIR/http.md"
echo
cat "$OUT_DIR/http.md"

#!/usr/bin/env bash
# The event page with a 200-session programme through HTTP (wrk), beside nginx serving a saved
# copy of the same page. Figures in docs/PERFORMANCE.md.
#
#   bench/event-page-bench.sh          (BENCH_DURATION=10s BENCH_CONNECTIONS=64 by default)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${ENTENTE_BIN:-$ROOT/build/entente}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
TMP="$(mktemp -d /tmp/entente-event-bench.XXXXXX)"
ENTENTE_PID="" NGINX_PID=""
cleanup() {
  set +e
  [[ -n "$ENTENTE_PID" ]] && kill -TERM "$ENTENTE_PID" 2>/dev/null
  [[ -n "$NGINX_PID" ]] && kill -QUIT "$NGINX_PID" 2>/dev/null
  sleep 1
  [[ -n "$ENTENTE_PID" ]] && kill -KILL "$ENTENTE_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

ENTENTE_PORT="$(port)"
ENTENTE_DATABASE_URL="sqlite://$TMP/bench.db" ENTENTE_LOG_LEVEL=warn "$BIN" seed demo >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; exit 1; }
ENTENTE_DATABASE_URL="sqlite://$TMP/bench.db" ENTENTE_LISTEN="127.0.0.1:$ENTENTE_PORT" ENTENTE_LOG_LEVEL=warn \
  ENTENTE_ACCESS_LOG=false "$BIN" serve >"$TMP/entente.log" 2>&1 &
ENTENTE_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$ENTENTE_PORT/healthz" >/dev/null && break; sleep 0.2; done

# A 200-session programme over four days, recorded through the API as the Paris Bar's coordinator.
/usr/bin/python3 - "$ENTENTE_PORT" <<'PY'
import http.cookiejar, json, re, sys, urllib.parse, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(base + "/sign-in").read().decode()
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
form = urllib.parse.urlencode({"csrf_token": token, "email": "paris.coordinator@demo.entente.example",
                               "password": "entente-demo-2014"}).encode()
opener.open(base + "/sign-in", form)
page = opener.open(base + "/events/rentree-du-barreau-de-paris-2014").read().decode()
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
def send(path, body):
    request = urllib.request.Request(base + path, json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-CSRF-Token": token})
    return json.loads(opener.open(request).read())
event = send("/api/v1/events", {"slug": "bench-200-sessions", "kind": "conference", "time_zone": "Europe/Paris",
                                "starts": "2027-12-06", "ends": "2027-12-09", "title": {"en": "Benchmark: 200 sessions"},
                                "city": {"en": "Paris"}, "organizers": ["paris-bar"]})
for n in range(200):
    day, slot = 6 + n // 50, n % 50
    room, hour = slot % 5, 8 + slot // 5
    send(f"/api/v1/events/{event['id']}/sessions",
         {"kind": "round_table", "starts": f"2027-12-{day:02}T{hour:02}:00", "ends": f"2027-12-{day:02}T{hour:02}:50",
          "room": f"Salle {room + 1}", "title": {"en": f"Session {n + 1}", "fr": f"Séance {n + 1}"},
          "speakers": ["daniyar-kanafin"], "organizations_met": ["paris-bar-training-school"]})
PY
URL="http://127.0.0.1:$ENTENTE_PORT/events/bench-200-sessions?tz=Asia/Almaty"
mkdir -p "$TMP/www" "$TMP/nginx"
curl -sf -o "$TMP/www/index.html" "$URL"
BYTES="$(wc -c <"$TMP/www/index.html")"
chmod 755 "$TMP" "$TMP/www"; chmod 644 "$TMP/www/index.html"
NGINX_PORT="$(port)"
cat >"$TMP/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; keepalive_timeout 65s;
    types { text/html html; } default_type application/octet-stream; charset utf-8;
    client_body_temp_path $TMP/nginx/client_body; proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi; uwsgi_temp_path $TMP/nginx/uwsgi; scgi_temp_path $TMP/nginx/scgi;
    server { listen 127.0.0.1:$NGINX_PORT; root $TMP/www; }
}
EOF
"$NGINX" -e "$TMP/nginx-error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
sleep 1
echo "event page: $BYTES bytes, 200 sessions, viewer zone beside the event's"
for target in "$URL" "http://127.0.0.1:$NGINX_PORT/index.html"; do
  wrk -t2 -c"$CONNECTIONS" -d1s "$target" >/dev/null
  echo "== $target"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$target" | grep -E "Requests/sec|99%|Non-2xx|Socket errors"
done

#!/usr/bin/env bash
# Production smoke test, following the README's "Deploying to production": in a copy of the tracked files,
# npm ci → npm run build → npm prune --omit=dev; migrate and load the reference data on a fresh PostgreSQL
# database; start the portal (NODE_ENV=production), a worker, the webhook listener and — as Zalo — the simulator,
# each a process of its own, behind Debian's nginx running deploy/nginx/motcua-zalo.conf (TLS with a self-signed
# certificate, high ports). Then: health, sign-in, a dossier through the API whose notification the worker
# delivers to the simulator, a Zalo event through nginx to the listener, and the look-up limit holding against
# a client that rotates X-Forwarded-For.
#
# Needs: PostgreSQL on 127.0.0.1:5432 (trust, user root), nginx, openssl, curl, the npm registry.
# SMOKE_PORT_BASE (default 18400) picks the five ports; SMOKE_KEEP=1 keeps the work folder and its logs;
# SMOKE_APP=<kept work folder>/app reruns the checks on an app already built and pruned.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
base="${SMOKE_PORT_BASE:-18400}"
https_port=$base http_port=$((base + 1)) web_port=$((base + 2)) hook_port=$((base + 3)) sim_port=$((base + 4))
work="$(mktemp -d /tmp/motcua-smoke.XXXXXX)"
chmod 755 "$work"
app="$work/app" logs="$work/logs" db="motcua_smoke_$$"
mkdir -p "$app" "$logs"
pids=()
started=$SECONDS

step() { printf '\n▶ %s (%ss)\n' "$*" "$((SECONDS - started))"; }
fail() {
  echo "✗ $*" >&2
  for f in "$logs"/*.log; do [ -f "$f" ] && { echo "--- $(basename "$f") (last lines)"; tail -n 25 "$f"; } >&2; done
  exit 1
}
cleanup() {
  local status=$?
  # Each process leads a group of its own (setsid): npm, node and next start stop together.
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 10); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 1
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  psql -h 127.0.0.1 -U root -d postgres -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  if [ "${SMOKE_KEEP:-}" = 1 ] || [ $status -ne 0 ]; then echo "Work folder kept: $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT

# Starts a long-running process in the background in a process group of its own, its output in logs/<name>.log.
spawn() {
  local name=$1
  shift
  setsid "$@" >"$logs/$name.log" 2>&1 &
  pids+=($!)
}

# Polls a command until it succeeds, or fails the test after $1 seconds.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "$what: not within ${seconds}s"
}

# A field of a JSON document on stdin, by a JavaScript expression over `j`.
json() { node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>{const v=new Function("j",`return ${process.argv[1]}`)(JSON.parse(s));process.stdout.write(v===undefined?"":typeof v==="string"?v:JSON.stringify(v))})' "$1"; }

if [ -n "${SMOKE_APP:-}" ]; then
  # Reruns while working on this script: an app folder a previous run kept, already built and pruned.
  app=$SMOKE_APP
  cd "$app"
else
  step "A copy of the tracked files"
  (cd "$repo" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$app"
  cd "$app"

  # The build waits for /tmp/motcua-build.lock, which other builds on a shared machine hold too.
  step "npm ci && npm run build && npm prune --omit=dev"
  npm ci --no-audit --no-fund --prefer-offline >"$logs/npm-ci.log" 2>&1 || fail "npm ci"
  NEXT_TELEMETRY_DISABLED=1 flock /tmp/motcua-build.lock npm run build >"$logs/build.log" 2>&1 || fail "npm run build"
  npm prune --omit=dev --no-audit --no-fund >"$logs/npm-prune.log" 2>&1 || fail "npm prune"
  for dev in tsx esbuild typescript vitest drizzle-kit; do [ ! -e "node_modules/$dev" ] || fail "devDependency $dev left after the prune"; done
fi

step "Environment, as the guide sets it"
psql -h 127.0.0.1 -U root -d postgres -qc "create database $db" >/dev/null
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="postgres://root@127.0.0.1:5432/$db"
AUTH_SECRET="$(openssl rand -base64 32)" APP_ENCRYPTION_KEY="$(openssl rand -base64 32)"
export AUTH_SECRET APP_ENCRYPTION_KEY
export PUBLIC_BASE_URL="https://127.0.0.1:$https_port" TRUSTED_PROXIES=1 PORT=$web_port WEBHOOK_PORT=$hook_port
# The Zalo app and OA: the simulator's, shared by the simulator and the portal through the same values.
sim="http://127.0.0.1:$sim_port/sim/zalo"
export ZALO_SIM_APP_ID=4400000000000000001 ZALO_SIM_APP_SECRET="smoke-app-secret-$$" ZALO_SIM_OA_ID=5500000000000000001
export ZALO_SIM_OA_SECRET_KEY="smoke-oa-secret-$$" ZALO_SIM_BOOTSTRAP_REFRESH_TOKEN="smoke-refresh-$$"
export ZALO_OAUTH_URL="$sim/oauth" ZALO_OPENAPI_URL="$sim/openapi" ZALO_BUSINESS_URL="$sim/business"
export ZALO_APP_ID=$ZALO_SIM_APP_ID ZALO_APP_SECRET=$ZALO_SIM_APP_SECRET ZALO_OA_ID=$ZALO_SIM_OA_ID
export ZALO_OA_SECRET_KEY=$ZALO_SIM_OA_SECRET_KEY ZALO_REFRESH_TOKEN=$ZALO_SIM_BOOTSTRAP_REFRESH_TOKEN

step "Migrations first, then the reference data and the first administrator"
npm run -s db:migrate >"$logs/migrate.log" 2>&1 || fail "npm run db:migrate"
npm run -s db:seed:reference >"$logs/seed-reference.log" 2>&1 || fail "npm run db:seed:reference"
if npm run -s db:seed >"$logs/seed-demo.log" 2>&1; then fail "db:seed ran in production"; fi
demo_accounts=$(psql -h 127.0.0.1 -U root -d "$db" -Atc "select count(*) from staff")
[ "$demo_accounts" = 0 ] || fail "accounts after the seeds: $demo_accounts"
admin_password="Smoke-$(openssl rand -hex 8)"
ADMIN_PASSWORD=$admin_password npm run -s admin:create -- --username quantri --name "Quản trị tỉnh" \
  --unit-name "UBND tỉnh Hà Tĩnh" --unit-code 000.00.00.H27 >"$logs/admin-create.log" 2>&1 || fail "admin:create"
npm run -s apikey:create -- --unit 000.00.00.H27 --name "Phần mềm một cửa" >"$logs/apikey-create.log" 2>&1 || fail "apikey:create"
api_key=$(tail -n 1 "$logs/apikey-create.log")

step "Processes: simulator, portal, worker, webhook listener, nginx"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1
spawn zalo-sim env MOTCUA_DEMO=1 ZALO_SIM_PORT=$sim_port ZALO_SIM_WEBHOOK_URL="$PUBLIC_BASE_URL/api/zalo/webhook" \
  NODE_EXTRA_CA_CERTS="$work/tls.crt" npm run -s zalo:sim
spawn web npm start
spawn worker npm run -s worker
spawn webhook npm run -s webhook
mkdir -p "$work/nginx"
sed -e "s#127.0.0.1:3000;#127.0.0.1:$web_port;#" -e "s#127.0.0.1:3001;#127.0.0.1:$hook_port;#" \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
  -e "/listen \[::\]/d" -e "s#server_name motcua.example.gov.vn;#server_name 127.0.0.1;#" \
  -e "s#/etc/letsencrypt/live/motcua.example.gov.vn/fullchain.pem#$work/tls.crt#" \
  -e "s#/etc/letsencrypt/live/motcua.example.gov.vn/privkey.pem#$work/tls.key#" \
  "$repo/deploy/nginx/motcua-zalo.conf" >"$work/nginx/site.conf"
grep -q "$work/tls.crt" "$work/nginx/site.conf" && grep -q "127.0.0.1:$web_port;" "$work/nginx/site.conf" \
  || fail "the shipped nginx configuration no longer has the lines this test adapts"
cat >"$work/nginx/nginx.conf" <<EOF
$([ "$(id -u)" = 0 ] && echo "user root;")
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $logs/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log $logs/nginx-access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  include $work/nginx/site.conf;
}
EOF
nginx -t -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$logs/nginx-test.log" 2>&1 || fail "nginx -t"
spawn nginx nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"

portal="https://127.0.0.1:$https_port"
curl_() { curl -sS --cacert "$work/tls.crt" "$@"; }

step "Health through nginx"
wait_for 120 "GET /api/health answers 200" curl_ -f "$portal/api/health"
[ "$(curl_ "$portal/api/health" | json j.status)" = ok ] || fail "health is not ok"
redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/tra-cuu")
[ "$redirect" = "301 https://127.0.0.1/tra-cuu" ] || fail "plain http does not redirect to https: $redirect"

step "Sign in as the administrator"
jar="$work/cookies.txt"
csrf=$(curl_ -c "$jar" "$portal/api/auth/csrf" | json j.csrfToken)
[ -n "$csrf" ] || fail "no CSRF token"
curl_ -b "$jar" -c "$jar" -o /dev/null -X POST "$portal/api/auth/callback/credentials" \
  --data-urlencode "csrfToken=$csrf" --data-urlencode "username=quantri" --data-urlencode "password=$admin_password" \
  --data-urlencode "json=true"
who=$(curl_ -b "$jar" "$portal/api/auth/session" | json 'j.user && (j.user.username ?? j.user.name)')
[ -n "$who" ] || fail "no session after signing in"
echo "signed in: $who"

step "A dossier through the API; the worker delivers its notification to the simulator"
created=$(curl_ -X POST "$portal/api/v1/dossiers" -H "authorization: Bearer $api_key" -H "content-type: application/json" \
  -H "idempotency-key: smoke-$$" -w '\n%{http_code}' \
  -d '{"procedureCode":"1.001193","channel":"direct","notifyZalo":true,
       "submitter":{"name":"Hoàng Thị Lan","idNumber":"042190012345","phone":"0912345678"}}')
[ "$(tail -n 1 <<<"$created")" = 201 ] || fail "POST /api/v1/dossiers: $created"
code=$(head -n -1 <<<"$created" | json j.code)
echo "dossier $code"
delivered() {
  curl -sS "$sim/_control/sends" | json "j.sends.some((s) => s.phone === '84912345678' && s.templateData.dossier_code === '$code')" \
    | grep -qx true
}
wait_for 90 "the dossier's notification reaches the simulator" delivered
sent=$(psql -h 127.0.0.1 -U root -d "$db" -Atc "select count(*) from notifications where status in ('sent','delivered','seen')")
[ "$sent" -ge 1 ] || fail "no notification marked sent"

step "A Zalo event through nginx to the webhook listener, processed by the worker"
followed=$(curl -sS -X POST "$sim/_control/act" -H "content-type: application/json" -d '{"phone":"0987654321","action":"follow"}')
[ "$(json 'j.webhooks[0].status' <<<"$followed")" = 200 ] || fail "follow event refused: $followed"
grep -q "zalo webhook listener started" "$logs/webhook.log" || fail "the webhook listener did not start"
stored_by_listener() { [ "$(psql -h 127.0.0.1 -U root -d "$db" -Atc "select count(*) from zalo_followers where following")" -ge 1 ]; }
wait_for 60 "the follow event becomes a follower" stored_by_listener
grep -q '"POST /api/zalo/webhook' "$logs/nginx-access.log" || fail "the event did not pass through nginx"

step "The look-up limit holds against a client rotating X-Forwarded-For"
limited=0
for i in $(seq 1 70); do
  status=$(curl_ -o "$work/lookup.html" -w '%{http_code}' \
    -H "X-Forwarded-For: 10.$((RANDOM % 250)).$((RANDOM % 250)).$((i % 250 + 1))" "$portal/tra-cuu/KHONGCO-$i-$RANDOM")
  if [ "$status" = 429 ] || grep -q "tra cứu quá nhiều lần" "$work/lookup.html"; then limited=$i; break; fi
done
[ "$limited" -gt 0 ] || fail "70 look-ups from one client rotating X-Forwarded-For were never limited"
echo "limited at look-up $limited"

echo
echo "✓ Production smoke test passed in $((SECONDS - started))s"

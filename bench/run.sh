#!/usr/bin/env bash
# Side-by-side benchmark: Stupy's live rooms vs the socket.io / raw `ws` peers
# (shared/bench/peer-socketio), same machine, same run, same traffic shape.
# Not part of the test suite. Everything binds to / talks to 127.0.0.1. Every process started here
# is stopped here, by PID (EXIT trap for failures).
#
#   bench/run.sh                          # every scenario (see bench/README.md for the time it takes)
#   bench/run.sh stupy-1n ws-1n           # a subset
#   bench/run.sh --no-build stupy-idle-500
#   ROOMS=25 SECS=3 CHAT_RATES=1 SIGNAL_RATES=15 bench/run.sh stupy-1n ws-1n    # a short check
#
# Scenarios: stupy-1n stupy-2n sioraw-1n sioraw-2n sio-1n sio-2n ws-1n ws-2n stupy-idle-<N> (5k, 10k, 500, ...)
#   base-1n base-2n: stupy-1n / stupy-2n on an earlier build, BASE_JAR=/path/to/stupy.jar (before/after in one run)
# Knobs (env): ROOMS=250 (x4 clients)  SECS=15 (send phase per run)  WARMUP=5  DRAIN=5
#   CHAT_RATES="0.5 1 1.5" (msgs/s per client; x 1,000 clients x 3 others = 1,500 / 3,000 / 4,500 deliv/s at ROOMS=250)
#   SIGNAL_RATES="5 15 30 45" (msgs/s per client; x 1,000 clients = 5,000 ... 45,000 deliv/s at ROOMS=250)
#   MODES="chat signal"  IDLE_SECS=60  PING_EVERY=15  IDLE_PCT=15 IDLE_WAIT=60 (idle gate before each load)
#   CONCURRENCY=32 (setup requests in flight)  SETUP_SECS_PER_CONN=0.1 (+60 s: setup budget in the deadline)
#   SWEEP_STOP=0.85 (a sweep stops once delivered < this x offered; 0 = never)  SETTLE_MAX=30 (Stupy: s to wait
#   for a server still delivering the previous phase)
#   JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64)  STUPY_JVM_OPTS (extra JVM flags for Stupy)
#   STUPY_BENCH_LIMITS (the nodes' STUPY_LIMITS; default turns off the per-address and signal budgets)
#   PEER_DIR (default bench/../../shared/bench/peer-socketio)  RESULTS_DIR (default bench/results/<timestamp>)
set -uo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH/.." && pwd)
BUILD=1
ARGS=()
for a in "$@"; do
  case $a in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) ARGS+=("$a") ;;
  esac
done
ALL_SCENARIOS="stupy-1n sioraw-1n ws-1n stupy-2n sioraw-2n ws-2n stupy-idle-5k stupy-idle-10k"
SCENARIOS=${ARGS[*]:-$ALL_SCENARIOS}

ROOMS=${ROOMS:-250}
SECS=${SECS:-15}
WARMUP=${WARMUP:-5}
DRAIN=${DRAIN:-5}
CHAT_RATES=${CHAT_RATES:-0.5 1 1.5}
SIGNAL_RATES=${SIGNAL_RATES:-5 15 30 45}
MODES=${MODES:-chat signal}
IDLE_SECS=${IDLE_SECS:-60}
PING_EVERY=${PING_EVERY:-15}
IDLE_PCT=${IDLE_PCT:-15}
IDLE_WAIT=${IDLE_WAIT:-60}
CONCURRENCY=${CONCURRENCY:-32}
SETUP_SECS_PER_CONN=${SETUP_SECS_PER_CONN:-0.1}
SWEEP_STOP=${SWEEP_STOP:-0.85}
SETTLE_MAX=${SETTLE_MAX:-30}
PEER_DIR=${PEER_DIR:-$BENCH/../../shared/bench/peer-socketio}
STUPY_JVM_OPTS=${STUPY_JVM_OPTS:-}
# Every load client is 127.0.0.1, and the signal sweeps offer up to 45 signals/s per connection on
# purpose (relay capacity, not a browser's negotiation): those budgets are off; chat stays inside its own.
STUPY_BENCH_LIMITS=${STUPY_BENCH_LIMITS:-guest-signup-per-address=off,login-per-address=off,signal-per-connection=off}
# JAVA_HOME if it is a JDK 25+, otherwise the team's Temurin 25
if ! { [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | head -1 | grep -q '"2[5-9]'; }; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# the Stupy nodes get exactly the settings given below, nothing from the caller's shell
for v in $(compgen -e | grep "^STUPY_" || true); do case "$v" in STUPY_JVM_OPTS|STUPY_BENCH_LIMITS) ;; *) unset "$v" ;; esac; done

STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results/$STAMP}
mkdir -p "$RESULTS_DIR/logs" "$BENCH/work"
RESULTS=$RESULTS_DIR/results.jsonl
BASELINES=$RESULTS_DIR/baselines.jsonl
WORK=$BENCH/work
JAR=$REPO/bootstrap/target/stupy.jar
: >"$RESULTS"
: >"$BASELINES"
exec 3>&2
log() { echo "$*" >&2; echo "$*" >>"$RESULTS_DIR/run.log"; }

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "== results -> $RESULTS_DIR (ulimit -n $(ulimit -n))"

# ---------- prerequisites ----------
need() { command -v "$1" >/dev/null || { log "missing $1 on PATH"; exit 1; }; }
need node; need npm; need redis-server; need redis-cli; need curl; need timeout
"$JAVA_HOME/bin/java" -version 2>&1 | head -1 | grep -q '"2[5-9]' || { log "JAVA_HOME=$JAVA_HOME is not a JDK 25+"; exit 1; }

# ---------- build Stupy (package only; never install) ----------
if [ "$BUILD" = 1 ]; then
  stale=""
  if [ ! -f "$JAR" ]; then
    stale="missing"
  else
    stale=$(find "$REPO" -path "$REPO/bench" -prune -o -path '*/target' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)
  fi
  if [ -n "$stale" ]; then
    log "== building stupy.jar ($stale)"
    (cd "$REPO" && ./mvnw -q -B -ntp -DskipTests package) >"$RESULTS_DIR/logs/build.log" 2>&1 ||
      { log "build failed, see $RESULTS_DIR/logs/build.log"; tail -30 "$RESULTS_DIR/logs/build.log" >&2; exit 1; }
  fi
fi
[ -f "$JAR" ] || { log "no $JAR (run without --no-build)"; exit 1; }

# ---------- node deps: ours, and a private copy of the peers ----------
lock_stamp() { [ -f "$1/node_modules/.bench-lock" ] && cmp -s "$1/package-lock.json" "$1/node_modules/.bench-lock"; }
if ! lock_stamp "$BENCH"; then
  log "== npm ci (bench)"
  (cd "$BENCH" && npm ci --no-audit --no-fund) >>"$RESULTS_DIR/run.log" 2>&1 || { log "npm ci failed in bench/"; exit 1; }
  cp "$BENCH/package-lock.json" "$BENCH/node_modules/.bench-lock"
fi
PEERS=$WORK/peers
need_peers=0
for s in $SCENARIOS; do case $s in sio*|ws-*) need_peers=1 ;; esac; done
if [ "$need_peers" = 1 ]; then
  [ -f "$PEER_DIR/load-client.js" ] || { log "peer benchmark not found at $PEER_DIR (set PEER_DIR)"; exit 1; }
  mkdir -p "$PEERS"
  for f in package.json package-lock.json load-client.js server-sio.js server-ws.js summarize.js; do
    cp -f "$PEER_DIR/$f" "$PEERS/$f" && chmod u+w "$PEERS/$f"
  done
  if ! lock_stamp "$PEERS"; then
    log "== npm ci (peers, in $PEERS)"
    (cd "$PEERS" && npm ci --no-audit --no-fund) >>"$RESULTS_DIR/run.log" 2>&1 || { log "npm ci failed in $PEERS"; exit 1; }
    cp "$PEERS/package-lock.json" "$PEERS/node_modules/.bench-lock"
  fi
fi

# ---------- process bookkeeping ----------
STARTED_PIDS=()
REDIS_PID=""
kill_wait() { # PID... : TERM, wait up to 15 s, then KILL
  local p alive
  for p in "$@"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
  for _ in $(seq 150); do
    alive=0
    for p in "$@"; do [ -n "$p" ] && kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.1
  done
  for p in "$@"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done
  return 0
}
cleanup() {
  [ "${#STARTED_PIDS[@]}" -gt 0 ] && kill_wait "${STARTED_PIDS[@]}"
  if [ -n "$REDIS_PID" ]; then kill_wait "$REDIS_PID"; REDIS_PID=""; fi
  rm -rf "$WORK"/data-* 2>/dev/null
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM
forget_pids() { # drop stopped pids from STARTED_PIDS
  local keep=() p q drop
  for p in "${STARTED_PIDS[@]:-}"; do
    drop=0
    for q in "$@"; do [ "$p" = "$q" ] && drop=1; done
    [ "$drop" = 0 ] && [ -n "$p" ] && keep+=("$p")
  done
  STARTED_PIDS=("${keep[@]:-}")
}
stop_pids() { kill_wait "$@"; forget_pids "$@"; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start_redis() {
  local port
  port=$(free_port)
  rm -f "$WORK/redis.pid"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$RESULTS_DIR/logs/redis-$port.log" || return 1
  for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && [ -s "$WORK/redis.pid" ] && break
    sleep 0.1
  done
  REDIS_PID=$(cat "$WORK/redis.pid" 2>/dev/null)
  [ -n "$REDIS_PID" ] || { log "redis did not start"; return 1; }
  REDIS_PORT=$port
  REDIS_URL="redis://127.0.0.1:$port"
  log "   redis-server pid=$REDIS_PID port=$port"
}
stop_redis() { if [ -n "$REDIS_PID" ]; then kill_wait "$REDIS_PID"; REDIS_PID=""; fi; }

# start_stupy NAME PORT [VAR=VALUE...] -> LAST_PID
LAST_PID=""
start_stupy() {
  local name=$1 port=$2; shift 2
  local data="$WORK/data-$name"
  rm -rf "$data"; mkdir -p -m 700 "$data"   # the node keeps its data directory to its owner (it warns about a wider one)
  # The load comes from 127.0.0.1 alone (10,000 live connections and more), so both connection caps are raised
  # (an earlier build ignores them).
  # shellcheck disable=SC2086
  env STUPY_PORT="$port" STUPY_DATA_DIR="$data" STUPY_DEV_LOGIN=true STUPY_JWT_SECRET="$JWT_SECRET" \
    STUPY_LIMITS="$STUPY_BENCH_LIMITS" STUPY_MAX_CONNECTIONS=50000 STUPY_MAX_CONNECTIONS_PER_ADDRESS=50000 "$@" \
    "$JAVA_HOME/bin/java" $STUPY_JVM_OPTS -jar "${RUN_JAR:-$JAR}" >"$RESULTS_DIR/logs/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
  for _ in $(seq 600); do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/api/health" && return 0
    kill -0 "$LAST_PID" 2>/dev/null || break
    sleep 0.1
  done
  log "stupy $name did not answer /api/health 200 within 60 s; log tail:"
  tail -20 "$RESULTS_DIR/logs/$name.log" >&2
  return 1
}
# start_peer NAME SCRIPT PORT [REDIS_URL] -> LAST_PID
start_peer() {
  local name=$1 script=$2 port=$3 rurl=${4:-}
  local lg="$RESULTS_DIR/logs/$name.log"
  (cd "$PEERS" && PORT=$port HOST=127.0.0.1 REDIS_URL=$rurl exec node "$script") >"$lg" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
  for _ in $(seq 100); do grep -q READY "$lg" && return 0; sleep 0.1; done
  log "peer $name failed to start:"; cat "$lg" >&2
  return 1
}

# Wait until the box is quiet: busy ticks over 1 s <= IDLE_PCT (% of one core), at most IDLE_WAIT s.
idle_gate() {
  local waited=0 b1 b2 u n s i w irq si st rest
  while :; do
    read -r _ u n s i w irq si st rest </proc/stat; b1=$((u + n + s + irq + si + st))
    sleep 1
    read -r _ u n s i w irq si st rest </proc/stat; b2=$((u + n + s + irq + si + st))
    [ $((b2 - b1)) -le "$IDLE_PCT" ] && break
    waited=$((waited + 1))
    if [ "$waited" -ge "$IDLE_WAIT" ]; then log "   (machine still busy: $((b2 - b1))% of a core; measuring anyway)"; break; fi
  done
  [ "$waited" -gt 0 ] && log "   (waited ${waited}s for an idle machine)"
  return 0
}

cpu_ticks() { # PID... : utime+stime summed
  local t=0 p v
  for p in "$@"; do
    v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')
    t=$((t + ${v:-0}))
  done
  echo "$t"
}
wait_quiet() { # PID... : after a load, until the servers use <= 5 % of a core over 1 s (at most 15 s)
  local a b
  for _ in $(seq 15); do
    a=$(cpu_ticks "$@"); sleep 1; b=$(cpu_ticks "$@")
    [ $((b - a)) -le 5 ] && return 0
  done
  return 0
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
baseline() { # SCENARIO PID... : RSS of fresh servers, before any load
  local name=$1; shift
  local rs=() p
  for p in "$@"; do rs+=("$(rss_kb "$p")"); done
  echo "{\"scenario\":\"$name\",\"pids\":[$(IFS=,; echo "$*")],\"rssKB\":[$(IFS=,; echo "${rs[*]}")]}" >>"$BASELINES"
}
aborted() { # LABEL MODE WHY
  echo "{\"label\":\"$1\",\"mode\":\"$2\",\"aborted\":\"$3\"}" >>"$RESULTS"
  log "RESULT $1 ABORTED $3"
}
calc() { node -e "console.log($1)"; }

# ---------- Stupy scenarios ----------
phases_for_modes() {
  local ph=() r
  for m in $MODES; do
    case $m in
      chat) for r in $CHAT_RATES; do ph+=("chat:$r"); done ;;
      signal) for r in $SIGNAL_RATES; do ph+=("signal:$r"); done ;;
    esac
  done
  (IFS=,; echo "${ph[*]}")
}
# run_client PID OUTFILE: wait for a load client started in the background (so that the EXIT trap
# can stop it by PID), then show its RESULT lines. Sets CLIENT_RC.
CLIENT_RC=0
run_client() {
  local cpid=$1 out=$2
  STARTED_PIDS+=("$cpid")
  wait "$cpid"; CLIENT_RC=$?
  forget_pids "$cpid"
  grep '^RESULT' "$out" | tee -a "$RESULTS_DIR/run.log" >&2
  rm -f "$out"
}
# run_stupy_load LABEL URLS PIDS PHASES CONNS [extra...]
run_stupy_load() {
  local label=$1 urls=$2 pids=$3 phases=$4 conns=$5; shift 5
  local nph deadline
  nph=$(echo "$phases" | tr ',' '\n' | grep -c .)
  deadline=$(calc "Math.ceil(60 + $conns * $SETUP_SECS_PER_CONN + $nph * ($SECS + $DRAIN + $IDLE_WAIT + $SETTLE_MAX + 15) + ( '$phases'.includes('idle') ? $IDLE_SECS + 25 : 0))")
  idle_gate
  log "   stupy-load $label: $conns clients, phases $phases (deadline ${deadline}s)"
  local out="$WORK/client.out"
  (cd "$BENCH" && exec timeout "$((deadline + 15))" node stupy-load.js --urls "$urls" --pids "$pids" --label "$label" \
    --conns "$conns" --phases "$phases" --secs "$SECS" --warmup "$WARMUP" --drain "$DRAIN" --size 200 \
    --idle-secs "$IDLE_SECS" --ping-every "$PING_EVERY" --idle-pct "$IDLE_PCT" --idle-wait "$IDLE_WAIT" \
    --settle-max "$SETTLE_MAX" --stop-below "$SWEEP_STOP" \
    --concurrency "$CONCURRENCY" --deadline "$deadline" --jcmd "$JAVA_HOME/bin/jcmd" --out "$RESULTS" "$@") \
    >"$out" 2> >(tee -a "$RESULTS_DIR/run.log" >&2) &
  run_client "$!" "$out"
  local rc=$CLIENT_RC
  [ "$rc" = 0 ] || log "   (stupy-load exited with $rc)"
}

stupy_1n() {
  local name=$1 conns=$2 phases=$3 port
  port=$(free_port)
  start_stupy "$name" "$port" || { aborted "$name" start "stupy did not start"; return 1; }
  local pid=$LAST_PID
  log "== $name: stupy pid $pid (http://127.0.0.1:$port)"
  baseline "$name" "$pid"
  run_stupy_load "$name" "http://127.0.0.1:$port" "$pid" "$phases" "$conns"
  wait_quiet "$pid"   # let the server handle the closes of the client's sockets before stopping it
  stop_pids "$pid"
}

stupy_2n() {
  local name=$1 conns=$2 phases=$3 p1 p2 mport
  start_redis || { aborted "$name" start "redis did not start"; return 1; }
  p1=$(free_port); p2=$(free_port); mport=$(free_port)
  while [ "$p2" = "$p1" ]; do p2=$(free_port); done
  while [ "$mport" = "$p1" ] || [ "$mport" = "$p2" ]; do mport=$(free_port); done
  start_stupy "$name-a" "$p1" STUPY_EMBEDDED_MONGO_PORT="$mport" STUPY_REDIS_URI="$REDIS_URL" ||
    { aborted "$name" start "stupy node 1 did not start"; stop_redis; return 1; }
  local pid1=$LAST_PID
  # Node 1 wrote the URI of its database, with the credential it made, to its data directory (600);
  # an earlier build (base-2n) writes none and asks for none.
  local mongo_uri="mongodb://127.0.0.1:$mport/stupy" uri_file="$WORK/data-$name-a/embedded-mongo.uri"
  if [ -f "$uri_file" ]; then mongo_uri=$(cat "$uri_file"); else log "   $uri_file missing: node 2 connects without a credential"; fi
  start_stupy "$name-b" "$p2" STUPY_MONGO_URI="$mongo_uri" STUPY_REDIS_URI="$REDIS_URL" ||
    { aborted "$name" start "stupy node 2 did not start"; stop_pids "$pid1"; stop_redis; return 1; }
  local pid2=$LAST_PID
  log "== $name: stupy pids $pid1,$pid2 (ports $p1,$p2; shared db 127.0.0.1:$mport; redis $REDIS_PORT)"
  baseline "$name" "$pid1" "$pid2"
  run_stupy_load "$name" "http://127.0.0.1:$p1,http://127.0.0.1:$p2" "$pid1,$pid2" "$phases" "$conns" --redis-pid "$REDIS_PID"
  wait_quiet "$pid1" "$pid2"
  stop_pids "$pid2"   # node 2 first: node 1 holds the shared database
  stop_pids "$pid1"
  stop_redis
}

# ---------- peer scenarios (their own load-client.js) ----------
# peer_load LABEL PROTO URLS PIDS RATE [extra...]
peer_load() {
  local label=$1 proto=$2 urls=$3 pids=$4 rate=$5; shift 5
  local msgs before after
  msgs=$(calc "Math.max(1, Math.round($rate * $SECS))")
  before=$(wc -l <"$RESULTS")
  idle_gate
  local out="$WORK/client.out"
  (cd "$PEERS" && exec timeout "$((SECS + DRAIN + 45))" node load-client.js --proto "$proto" --urls "$urls" --rooms "$ROOMS" --per-room 4 \
    --rate "$rate" --msgs "$msgs" --warmup "$WARMUP" --drain "$DRAIN" --size 200 --label "$label" --pids "$pids" \
    --deadline "$((SECS + DRAIN + 40))" --out "$RESULTS" "$@") >"$out" 2>>"$RESULTS_DIR/run.log" &
  run_client "$!" "$out"
  after=$(wc -l <"$RESULTS")
  [ "$after" -gt "$before" ] || aborted "$label" "${label##*:}" "peer load client produced no result"
}
peer_scenario() {
  local name=$1 script=$2 proto=$3 nodes=$4
  local rurl="" extra=() pids=() urls=() i port
  if [ "$nodes" = 2 ]; then start_redis || { aborted "$name" start "redis did not start"; return 1; }; rurl=$REDIS_URL; extra=(--redis-pid "$REDIS_PID"); fi
  for i in $(seq "$nodes"); do
    port=$(free_port)
    start_peer "$name-$i" "$script" "$port" "$rurl" || { stop_pids "${pids[@]:-}" "$LAST_PID"; stop_redis; aborted "$name" start "peer server did not start"; return 1; }
    pids+=("$LAST_PID"); urls+=("http://127.0.0.1:$port")
  done
  local P U
  P=$(IFS=,; echo "${pids[*]}"); U=$(IFS=,; echo "${urls[*]}")
  log "== $name: servers $P ($U)"
  baseline "$name" "${pids[@]}"
  local m r rates sat
  for m in $MODES; do
    case $m in chat) rates=$CHAT_RATES ;; signal) rates=$SIGNAL_RATES ;; *) continue ;; esac
    sat=""
    for r in $rates; do
      if [ -n "$sat" ]; then
        echo "{\"label\":\"$name:$m:$r\",\"mode\":\"$m\",\"nodes\":$nodes,\"ratePerClient\":$r,\"skipped\":\"$sat\"}" >>"$RESULTS"
        log "RESULT $name:$m:$r SKIPPED ${sat// /_}"
        continue
      fi
      if [ "$m" = signal ]; then peer_load "$name:$m:$r" "$proto" "$U" "$P" "$r" --signal-frac 1 "${extra[@]}"
      else peer_load "$name:$m:$r" "$proto" "$U" "$P" "$r" "${extra[@]}"; fi
      sat=$(node -e '
        const l = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop();
        const r = JSON.parse(l), stop = Number(process.argv[2]);
        if (!r.aborted && stop > 0 && r.deliveredPerSec < stop * r.offeredDeliveriesPerSec)
          console.log(`saturated at ${r.ratePerClient}/s/client (${r.deliveredPerSec} of ${r.offeredDeliveriesPerSec} deliv/s)`);
      ' "$RESULTS" "$SWEEP_STOP")
    done
  done
  stop_pids "${pids[@]}"
  stop_redis
}

# ---------- run ----------
JWT_SECRET=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')   # 64 chars, the same for both nodes
T_START=$(date +%s)
for s in $SCENARIOS; do
  case $s in
    stupy-1n) stupy_1n stupy-1n "$((ROOMS * 4))" "$(phases_for_modes)" ;;
    stupy-2n) stupy_2n stupy-2n "$((ROOMS * 4))" "$(phases_for_modes)" ;;
    base-1n|base-2n)
      if [ ! -f "${BASE_JAR:-}" ]; then log "scenario $s needs BASE_JAR=/path/to/an/earlier/stupy.jar"; continue; fi
      RUN_JAR=$BASE_JAR
      if [ "$s" = base-1n ]; then stupy_1n base-1n "$((ROOMS * 4))" "$(phases_for_modes)"; else stupy_2n base-2n "$((ROOMS * 4))" "$(phases_for_modes)"; fi
      RUN_JAR="" ;;
    stupy-idle-*)
      n=${s#stupy-idle-}
      case $n in *k) n=$(( ${n%k} * 1000 )) ;; esac
      if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 4 ]; then log "bad scenario $s (stupy-idle-<N>, N >= 4, e.g. 5k)"; continue; fi
      stupy_1n "$s" "$n" idle ;;
    sioraw-1n) peer_scenario sioraw-1n server-sio.js sioraw 1 ;;
    sioraw-2n) peer_scenario sioraw-2n server-sio.js sioraw 2 ;;
    sio-1n) peer_scenario sio-1n server-sio.js sio 1 ;;
    sio-2n) peer_scenario sio-2n server-sio.js sio 2 ;;
    ws-1n) peer_scenario ws-1n server-ws.js ws 1 ;;
    ws-2n) peer_scenario ws-2n server-ws.js ws 2 ;;
    *) log "unknown scenario $s (known: stupy-1n stupy-2n base-1n base-2n stupy-idle-<N> sioraw-1n sioraw-2n sio-1n sio-2n ws-1n ws-2n)" ;;
  esac
done
log "== done in $(( $(date +%s) - T_START )) s"
node "$BENCH/report.js" "$RESULTS" --baselines "$BASELINES" --rooms "$ROOMS" >"$RESULTS_DIR/table.md" 2>>"$RESULTS_DIR/run.log" ||
  log "report failed"
cat "$RESULTS_DIR/table.md"
log "== raw results: $RESULTS ; table: $RESULTS_DIR/table.md"

#!/usr/bin/env bash
# Side-by-side turn benchmark: Microsoft's JS Bot Framework SDK (botbuilder 4.23.3 echo bot, from
# ../shared/peer-bench) and Helpdesk.Bot (Release build, default SQLite store, auth off) under the same load,
# run alternately in one session; then the Direct Line round trip (activity POST -> reply frame on the WebSocket).
# Usage: bench/run.sh [--n 2000] [--c 16] [--rounds 4] [--warmup 2000]     Results: bench/results/<timestamp>/summary.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peer_src=${PEER_BENCH:-$root/../shared/peer-bench}
n=2000 c=16 rounds=4 warmup=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2 ;; --c) c=$2; shift 2 ;; --rounds) rounds=$2; shift 2 ;; --warmup) warmup=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$peer_src/load-client.js" ] || { echo "peer-bench not found at $peer_src (set PEER_BENCH)" >&2; exit 2; }
out="$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
work=$(mktemp -d); pids=""
trap 'kill $pids 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== preparing peer (botbuilder) in a scratch folder, not in the repo"
cp -r "$peer_src" "$work/peer" && chmod -R u+w "$work/peer"
(cd "$work/peer" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
(cd "$root/bench" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

echo "== building Helpdesk.Bot (Release, ReadyToRun for this machine's runtime, as a deployment would)"
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
dotnet publish "$root/bot/Helpdesk.Bot/Helpdesk.Bot.csproj" -c Release -r "$rid" --self-contained false -o "$work/bot" -v q --nologo >/dev/null

wait_http() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1" >&2; return 1; }

if curl -s -o /dev/null http://127.0.0.1:3978/healthz; then echo "port 3978 is already in use: stop that bot first" >&2; exit 2; fi
PORT=3977 node "$work/peer/botbuilder-echo-bot.js" > "$out/peer.log" 2>&1 &
pids=$! peer_pid=$!
# The harness ceiling: peer-bench's SDK-less Node echo (what the load client and this machine allow at all).
PORT=3976 node "$work/peer/raw-echo-bot.js" > "$out/raw.log" 2>&1 &
pids="$pids $!" raw_pid=$!
# exec: the background job's PID is the bot itself, so the EXIT trap stops it.
(cd "$work/bot" && Storage__DataDirectory="$work/data" Logging__LogLevel__Default=Warning \
  ASPNETCORE_ENVIRONMENT=Production exec ./Helpdesk.Bot --urls http://127.0.0.1:3978 > "$out/bot.log" 2>&1) &
pids="$pids $!" bot_pid=$!
wait_http http://127.0.0.1:3978/healthz
sleep 1

# CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms).
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$1/stat"; }
# One load run against a server: the load client's figures plus the CPU the server and the client used during it
# (warm-up included, as both run the whole time), so the two bots' CPU cost per turn can be compared too.
load() { # name port server_pid round
  local before after
  before=$(cpu_ms "$3")
  CPU_REPORT="$out/client-$1-$4.json" node --require "$root/bench/cpu-report.cjs" "$work/peer/load-client.js" \
    --url "http://127.0.0.1:$2/api/messages" --n "$n" --c "$c" --warmup "$warmup" --json "$out/$1-$4.json" > /dev/null
  after=$(cpu_ms "$3")
  echo "{\"serverCpuMs\": $((after - before)), \"turns\": $((n + warmup))}" > "$out/server-$1-$4.json"
}
for r in $(seq 1 "$rounds"); do
  echo "== round $r: peer (botbuilder JS)"
  load peer 3977 "$peer_pid" "$r"
  echo "== round $r: Helpdesk.Bot"
  load ours 3978 "$bot_pid" "$r"
  echo "== round $r: harness ceiling (raw Node echo, no SDK)"
  load raw 3976 "$raw_pid" "$r"
done

echo "== Direct Line round trip (POST activity -> reply frame on the WebSocket)"
node "$root/bench/directline-rtt.mjs" --url http://127.0.0.1:3978 --n 500 --json "$out/directline.json" > /dev/null

node "$root/bench/summarize.mjs" "$out" | tee "$out/summary.txt"

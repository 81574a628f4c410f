#!/usr/bin/env bash
# Warm-up of a freshly started bot: CPU time per turn (user+system of the bot process) and turns/s over the first
# turns after start, in phases. Shows how long the JIT takes to reach the steady cost per turn.
# Usage: bench/warmup.sh [--phases "2000 2000 4000 4000 4000"] [--publish-args "-r linux-x64 --self-contained false"] [-- VAR=value ...]
# Example A/B: bench/warmup.sh -- DOTNET_TieredPGO=1      (runtime knobs after --, passed to the bot's environment)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peer_src=${PEER_BENCH:-$root/../shared/peer-bench}
phases="2000 2000 4000 4000 4000"
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
publish_args="-r $rid --self-contained false"
while [ $# -gt 0 ]; do
  case "$1" in
    --phases) phases=$2; shift 2 ;; --publish-args) publish_args=$2; shift 2 ;; --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$peer_src/load-client.js" ] || { echo "peer-bench not found at $peer_src (set PEER_BENCH)" >&2; exit 2; }
if curl -s -o /dev/null http://127.0.0.1:3978/healthz; then echo "port 3978 is already in use: stop that bot first" >&2; exit 2; fi
work=$(mktemp -d); pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck disable=SC2086
dotnet publish "$root/bot/Helpdesk.Bot/Helpdesk.Bot.csproj" -c Release $publish_args -o "$work/bot" -v q --nologo >/dev/null
(cd "$work/bot" && exec env "$@" Storage__DataDirectory="$work/data" Logging__LogLevel__Default=Warning \
  ASPNETCORE_ENVIRONMENT=Production ./Helpdesk.Bot --urls http://127.0.0.1:3978 > "$work/bot.log" 2>&1) &
pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:3978/healthz && break; sleep 0.2; done
cpu() { awk '{print $14+$15}' "/proc/$pid/stat"; }   # clock ticks (1/100 s)
echo "startup CPU: $(( $(cpu) * 10 )) ms  (publish: $publish_args; env: ${*:-none})"
done_turns=0
for n in $phases; do
  a=$(cpu)
  rps=$(node "$peer_src/load-client.js" --url http://127.0.0.1:3978/api/messages --n "$n" --c 16 --warmup 0 | awk -F'[:,]' '/"rps"/ {gsub(/ /,"",$2); print $2}')
  b=$(cpu)
  printf 'turns %6d-%-6d  %8s turns/s  CPU %.3f ms/turn\n' "$done_turns" $((done_turns + n)) "$rps" "$(awk -v a="$a" -v b="$b" -v n="$n" 'BEGIN {print (b - a) * 10 / n}')"
  done_turns=$((done_turns + n))
done

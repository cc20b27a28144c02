#!/usr/bin/env bash
# Time `make serve` on a fresh clone, from the command to the first page served, as a new user
# meets it: no .venv, an empty pip cache. Usage: bench/fresh_serve.sh [REPO] (default: this one).
# Needs 127.0.0.1:8000 free; prints the figure and the steps' times; removes the clone.
set -euo pipefail
repo=${1:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}
work=$(mktemp -d /tmp/wenji-fresh-XXXXXX)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/wenji"
cd "$work/wenji"
start=$(date +%s.%N)
PIP_CACHE_DIR="$work/pip-cache" setsid make serve > "$work/serve.log" 2>&1 &
pid=$!
while ! curl -sf -o /dev/null http://127.0.0.1:8000/; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
kill -- -"$pid"
wait "$pid" 2>/dev/null || true
echo "first page served $(echo "$end - $start" | bc) s after 'make serve' ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"

#!/usr/bin/env bash
# Reproduces a BuildKit behaviour the benchmark runs into: with two cache-from sources that share a
# chain prefix (same base and deps steps) but differ deeper (the build step), whether the deeper
# step hits is not deterministic. Only "new" holds the build step of the current sources; "old" is
# an earlier build of the same dependencies. The build step should be cached every time.
#
#   bash bench/repro-multi-import.sh [rounds]      (needs the engine: scripts/provision-engine.sh)
#
# Prints one letter per build: C = the build step was cached, X = it ran again.
set -euo pipefail
rounds="${1:-8}"
# shellcheck disable=SC1091
source "${ENGINE_HOME:-/opt/bkca-engine}/env.sh"
registry="${BKCA_TEST_REGISTRY:-127.0.0.1:5000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
nonce="$RANDOM$RANDOM"
cache="$registry/bkca-repro-$nonce/cache"
cat >"$dir/Dockerfile" <<EOF
FROM ${BKCA_TEST_BASE_IMAGE:-$registry/busybox:latest} AS base
RUN sleep 1 && head -c 100000 /dev/urandom > /base.bin && echo $nonce > /nonce
FROM base AS deps
COPY deps.lock /deps.lock
RUN sleep 1 && head -c 100000 /dev/urandom > /deps.bin
FROM deps AS build
COPY src /src
RUN sleep 1 && head -c 100000 /dev/urandom > /app.bin
FROM base
COPY --from=build /app.bin /app.bin
EOF
echo v1 >"$dir/deps.lock"
mkdir "$dir/src"

fresh() { docker buildx prune -af >/dev/null; }
build() { docker buildx build --progress=plain "$@" "$dir" 2>&1; }
# C when the `[build 2/2]` RUN step was cached, X when it ran.
verdict() {
  local out id
  out="$(cat)"
  id="$(grep -E '^#[0-9]+ \[build 2/2\]' <<<"$out" | head -1 | cut -d' ' -f1)"
  if grep -qE "^$id CACHED" <<<"$out"; then echo -n 'C '; else echo -n 'X '; fi
}

echo s1 >"$dir/src/a"
fresh && build --cache-to "type=registry,ref=$cache:old,mode=max" >/dev/null
echo s2 >"$dir/src/a"
fresh && build --cache-from "type=registry,ref=$cache:old" --cache-to "type=registry,ref=$cache:new,mode=max" >/dev/null

for order in "new" "new old" "old new"; do
  printf '%-9s ' "$order:"
  for _ in $(seq "$rounds"); do
    args=()
    for tag in $order; do args+=(--cache-from "type=registry,ref=$cache:$tag"); done
    fresh
    build "${args[@]}" | verdict
  done
  echo
done

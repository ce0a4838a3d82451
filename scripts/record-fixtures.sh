#!/usr/bin/env bash
# Records REAL buildx output from the local engine into __tests__/fixtures/buildx/<case>/:
#   rawjson.log   `docker buildx history logs <ref> --progress rawjson` (stdout and stderr: this
#                 buildx writes the JSON to stderr, others to stdout)
#   inspect.json  `docker buildx history inspect <ref> --format json`
#   metadata.json the build's --metadata-file (absent when the build failed: buildx writes none)
#   README        one line: how the case was made, with the buildx and engine versions
#
# Needs the engine from scripts/provision-engine.sh (dockerd with the containerd image store, its
# `default` builder, a registry on 127.0.0.1:5000 and 127.0.0.1:5000/busybox:latest).
#
# WARNING: every case starts with `docker buildx prune -af`, which empties the engine's WHOLE
# build cache (other people's too) so that each case sees only the registry cache, as a fresh CI
# runner would. Do not run it while someone else's e2e tests use the engine.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/__tests__/fixtures/buildx}
ENGINE_ENV=${ENGINE_ENV:-/opt/bkca-engine/env.sh}
# shellcheck disable=SC1090
[ -f "$ENGINE_ENV" ] && source "$ENGINE_ENV"
REGISTRY=${BKCA_TEST_REGISTRY:-127.0.0.1:5000}
BASE_IMAGE=${BKCA_TEST_BASE_IMAGE:-$REGISTRY/busybox:latest}
BUILDER=${BUILDER:-default}
# A fresh cache ref per recording, so the cold build's import really finds nothing.
STAMP=$(date -u +%Y%m%d%H%M%S)
CACHE_REF="$REGISTRY/bkca-fixtures/cache:$STAMP"
MULTI_CACHE_REF="$REGISTRY/bkca-fixtures/cache:$STAMP-multi"
log() { printf '[record] %s\n' "$*" >&2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The record's name is the context folder's name: the failed case is found by it.
ctx="$work/bkca-fixtures"
mkdir -p "$ctx"

buildx_version=$(docker buildx version | head -1)
engine_version=$(docker version --format '{{.Server.Version}}')
buildkit_version=$(docker buildx inspect "$BUILDER" | awk -F': *' '/^BuildKit version/{print $2; exit}')
versions="buildx: $buildx_version; engine: dockerd $engine_version (driver docker, containerd image store) with its embedded BuildKit (reports '$buildkit_version')"

# The cases are built from the committed Dockerfiles (two stages build a file, a third copies it
# out; Dockerfile.fail stops at line 8), with this engine's base image as the ARG default: a
# default keeps BuildKit's InvalidDefaultArgInFrom check quiet, and the build arg still sets it.
dockerfiles="$ROOT/__tests__/fixtures/buildx"
for f in Dockerfile Dockerfile.fail; do
  sed "s|^ARG BASE_IMAGE=.*\$|ARG BASE_IMAGE=$BASE_IMAGE|" "$dockerfiles/$f" >"$ctx/$f"
done
echo 'a' >"$ctx/a.txt"
echo 'b' >"$ctx/b.txt"

mkdir -p "$OUT"
[ "$OUT" -ef "$dockerfiles" ] || cp "$ctx/Dockerfile" "$ctx/Dockerfile.fail" "$OUT/"

# On a shared engine, a vertex this build shares with a concurrent build (the same base image)
# carries that build's earlier progress, under that build's name. Say so when it happened.
foreign_note() {
  local n
  n=$(jq '[.vertexes[]? | select(.started != null)] as $v
    | ([$v[] | select(.name | startswith("[internal] load build definition")) | .started[0:19]] | min) as $start
    | if $start == null then 0 else [$v[] | select(.started[0:19] < $start)] | length end' "$1" | awk '{s+=$1} END {print s+0}')
  [ "$n" -gt 0 ] && printf ' Contains %s progress entries of a concurrent build that shared a vertex (started before this build)' "$n"
  return 0
}

prune() { docker buildx prune --builder "$BUILDER" -af >/dev/null; }

# record <case> <how> <expect: ok|fail> <buildx build args…>
record() {
  local name=$1 how=$2 expect=$3
  shift 3
  local dir="$OUT/$name" meta="$work/$name-metadata.json" ref rc=0
  rm -rf "$dir"
  mkdir -p "$dir"
  log "$name: docker buildx build $*"
  BUILDX_METADATA_WARNINGS=true docker buildx build --builder "$BUILDER" --progress plain \
    --metadata-file "$meta" --build-arg "BASE_IMAGE=$BASE_IMAGE" "$@" "$ctx" >"$work/$name-build.log" 2>&1 || rc=$?
  if [ "$expect" = ok ] && [ $rc -ne 0 ]; then
    tail -20 "$work/$name-build.log" >&2
    return 1
  fi
  if [ "$expect" = fail ] && [ $rc -eq 0 ]; then
    log "$name: expected the build to fail"
    return 1
  fi
  if [ -s "$meta" ]; then
    cp "$meta" "$dir/metadata.json"
    ref=$(jq -r '."buildx.build.ref" | split("/") | last' "$meta")
  else
    # No metadata after a failure: the newest failed record of this context is this build's.
    ref=$(docker buildx history ls --builder "$BUILDER" --filter status=error --format '{{json .}}' |
      jq -r 'select(.name | startswith("bkca-fixtures")) | .ref' | head -1)
    ref=${ref##*/}
  fi
  [ -n "$ref" ] || { log "$name: no build record"; return 1; }
  docker buildx history logs --builder "$BUILDER" --progress rawjson "$ref" >"$dir/rawjson.log" 2>&1
  docker buildx history inspect --builder "$BUILDER" --format json "$ref" >"$dir/inspect.json"
  if grep -qiE '"token|authorization|password' "$dir"/*; then
    log "$name: the record carries credentials; not keeping it"
    rm -rf "$dir"
    return 1
  fi
  printf '%s (record %s, recorded %s). %s.%s\n' "$how" "$ref" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$versions" \
    "$(foreign_note "$dir/rawjson.log")" >"$dir/README"
  log "$name: $ref"
}

registry_cache=(--cache-from "type=registry,ref=$CACHE_REF" --cache-to "type=registry,ref=$CACHE_REF,mode=max")

prune
record cold "Cold build: empty build cache (buildx prune -af), Dockerfile, --cache-from type=registry,ref=$CACHE_REF (not written yet: not found) --cache-to type=registry,ref=$CACHE_REF,mode=max, --load" \
  ok "${registry_cache[@]}" --tag bkca-fixtures:cold --load

prune
record warm "Warm build: after buildx prune -af, the same Dockerfile and context as cold, importing the registry cache cold wrote (everything cached), exporting it again with mode=max, --load" \
  ok "${registry_cache[@]}" --tag bkca-fixtures:warm --load

prune
echo 'b changed' >"$ctx/b.txt"
record partial "Partially cached build: after buildx prune -af, b.txt changed, so COPY b.txt and what follows in stage build, and the last stage, run; the rest comes from the registry cache; mode=max export, --load" \
  ok "${registry_cache[@]}" --tag bkca-fixtures:partial --load
echo 'b' >"$ctx/b.txt"

prune
record failed "Failed build: after buildx prune -af, --file Dockerfile.fail (line 8: RUN … exit 3) with the registry cache imported and the same --cache-to (not exported: the build failed); buildx wrote no metadata file" \
  fail "${registry_cache[@]}" --file "$ctx/Dockerfile.fail" --tag bkca-fixtures:failed --load

prune
multi_ok=1
record multiplatform "Multi-platform build: after buildx prune -af, --platform linux/amd64,linux/386 (busybox is amd64-only: the 386 leg runs the same binaries natively), importing the amd64 registry cache ($CACHE_REF) and exporting to $MULTI_CACHE_REF with mode=max, --load" \
  ok --platform linux/amd64,linux/386 --cache-from "type=registry,ref=$CACHE_REF" \
  --cache-to "type=registry,ref=$MULTI_CACHE_REF,mode=max" --tag bkca-fixtures:multiplatform --load || multi_ok=0
if [ $multi_ok = 0 ]; then
  log 'multiplatform: the engine could not build linux/amd64,linux/386; skipped'
  rm -rf "$OUT/multiplatform"
fi

{
  echo "Real buildx output recorded by scripts/record-fixtures.sh on $(date -u +%Y-%m-%d); do not edit by hand."
  echo "$versions."
  echo "Only one BuildKit version was available: the one embedded in dockerd $engine_version (this distribution build"
  echo "reports it as '$buildkit_version'$(case $engine_version in 28.5*) echo '; upstream Docker 28.5 vendors BuildKit v0.25' ;; esac)). Output of other"
  echo "BuildKit/buildx versions (e.g. a docker-container builder) is not covered."
  echo "Dockerfile and Dockerfile.fail are the files the cases were built from (ARG BASE_IMAGE=$BASE_IMAGE)."
  echo "Cases: cold, warm, partial, failed$([ $multi_ok = 1 ] && echo ', multiplatform' || echo ' (multiplatform skipped: the engine could not build linux/amd64,linux/386)'); each has a README line."
} >"$OUT/README"

for t in cold warm partial failed multiplatform; do docker image rm -f "bkca-fixtures:$t" >/dev/null 2>&1 || true; done
log "fixtures in $OUT"

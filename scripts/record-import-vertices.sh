#!/usr/bin/env bash
# Records REAL BuildKit import vertices, one build per cache backend, into
# __tests__/fixtures/buildx/imports/<backend>/:
#   rawjson.log   `docker buildx history logs <ref> --progress rawjson` of a build with two
#                 `--cache-from` entries of that backend
#   sources.json  the `--cache-from` entries, in order, and the environment buildx read them with
#                 (made-up credentials: the stores are not reachable, only the names are recorded)
#   README        one line: how the case was made, with the buildx and engine versions
#
# BuildKit names each import `importing cache manifest from <id>`; the tests check that the
# action computes every <id> from the entry and the environment (src/buildx/import-id.ts).
# Nothing here prunes the engine's build cache: the import vertex appears on every build.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/__tests__/fixtures/buildx/imports}
ENGINE_ENV=${ENGINE_ENV:-/opt/bkca-engine/env.sh}
# shellcheck disable=SC1090
[ -f "$ENGINE_ENV" ] && source "$ENGINE_ENV"
REGISTRY=${BKCA_TEST_REGISTRY:-127.0.0.1:5000}
BASE_IMAGE=${BKCA_TEST_BASE_IMAGE:-$REGISTRY/busybox:latest}
BUILDER=${BUILDER:-default}
STAMP=$(date -u +%Y%m%d%H%M%S)
log() { printf '[record] %s\n' "$*" >&2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ctx="$work/bkca-imports"
mkdir -p "$ctx"
printf 'FROM %s\nRUN echo imports-%s > /stamp\n' "$BASE_IMAGE" "$STAMP" >"$ctx/Dockerfile"

buildx_version=$(docker buildx version | head -1)
engine_version=$(docker version --format '{{.Server.Version}}')
versions="buildx: $buildx_version; engine: dockerd $engine_version (driver docker, containerd image store)"

# Unreachable on purpose: an import that cannot connect still has its vertex, named by its id.
NOWHERE=http://127.0.0.1:9
# Only what a case sets reaches buildx: no credential of this machine can enter an id.
clean_env=(env -u ACTIONS_RUNTIME_TOKEN -u ACTIONS_CACHE_URL -u ACTIONS_RESULTS_URL -u ACTIONS_CACHE_SERVICE_V2
  -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true)

# record <backend> <json env object> <entry>…
record() {
  local name=$1 envjson=$2 dir="$OUT/$1" meta="$work/$1-metadata.json" ref
  shift 2
  local args=() envs=()
  for e in "$@"; do args+=(--cache-from "$e"); done
  while IFS= read -r kv; do envs+=("$kv"); done < <(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$envjson")
  rm -rf "$dir"
  mkdir -p "$dir"
  log "$name: docker buildx build ${args[*]}"
  "${clean_env[@]}" "${envs[@]}" docker buildx build --builder "$BUILDER" --progress plain \
    --metadata-file "$meta" "${args[@]}" "$ctx" >"$work/$name-build.log" 2>&1 || {
    tail -20 "$work/$name-build.log" >&2
    return 1
  }
  ref=$(jq -r '."buildx.build.ref" | split("/") | last' "$meta")
  docker buildx history logs --builder "$BUILDER" --progress rawjson "$ref" >"$dir/rawjson.log" 2>&1
  jq -n --argjson env "$envjson" '{entries: $ARGS.positional, env: $env}' --args "$@" >"$dir/sources.json"
  printf 'Two --cache-from entries of type %s, stores unreachable or empty (record %s, recorded %s). %s.\n' \
    "$name" "$ref" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$versions" >"$dir/README"
  log "$name: $(grep -o 'importing cache manifest from [^"]*' "$dir/rawjson.log" | sort -u | tr '\n' ' ')"
}

record registry '{}' "type=registry,ref=$REGISTRY/bkca-imports/cache:main-$STAMP" \
  "type=registry,ref=$REGISTRY/bkca-imports/cache:sha-$STAMP"

gha_env=$(jq -n --arg url "$NOWHERE/" '{ACTIONS_RUNTIME_TOKEN: "made-up-token", ACTIONS_RESULTS_URL: $url, ACTIONS_CACHE_SERVICE_V2: "true"}')
record gha "$gha_env" "type=gha,scope=bkca.branch-main" "type=gha,scope=bkca.sha-b87f42f,timeout=30s"

# A local import needs a folder with an index: buildx reads its digest and passes it on.
for n in main feature; do
  "${clean_env[@]}" docker buildx build --builder "$BUILDER" --progress quiet \
    --cache-to "type=local,dest=$work/local/$n,mode=max" "$ctx" >/dev/null
done
# The folders are temporary: keep their indexes, whose digests buildx passed on (the ids hash them).
record local '{}' "type=local,src=$work/local/main" "type=local,src=$work/local/feature,tag=latest"
for n in main feature; do cp "$work/local/$n/index.json" "$OUT/local/index-$n.json"; done

s3_env='{"AWS_ACCESS_KEY_ID": "MADEUPKEYID", "AWS_SECRET_ACCESS_KEY": "made-up-secret"}'
record s3 "$s3_env" "type=s3,region=us-east-1,bucket=bkca,name=bkca.branch-main,endpoint_url=$NOWHERE,use_path_style=true" \
  "type=s3,region=us-east-1,bucket=bkca,name=bkca.sha-b87f42f,endpoint_url=$NOWHERE,use_path_style=true"

record azblob '{}' "type=azblob,account_url=$NOWHERE/devstoreaccount1,name=bkca.branch-main" \
  "type=azblob,account_url=$NOWHERE/devstoreaccount1,name=bkca.sha-b87f42f"

log "fixtures in $OUT"

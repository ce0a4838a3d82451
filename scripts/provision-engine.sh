#!/usr/bin/env bash
# Provision a real Docker engine (dockerd 28.5 with the containerd image store, buildx 0.29),
# a local registry on 127.0.0.1:5000 and a busybox base image, on a bare Debian 12 machine
# that can reach only Debian's archive. Idempotent: safe to run again; starts what is not running.
#
# Prints the environment to use (PATH, DOCKER_CONFIG) as `export` lines on stdout's last lines
# and writes them to $ENGINE_HOME/env.sh.
set -euo pipefail

ENGINE_HOME=${ENGINE_HOME:-/opt/bkca-engine}
PREFIX="$ENGINE_HOME/prefix"
REGISTRY_PORT=${REGISTRY_PORT:-5000}
REGISTRY_ADDR="127.0.0.1:$REGISTRY_PORT"
BASE_IMAGE="$REGISTRY_ADDR/busybox:latest"
log() { printf '[provision] %s\n' "$*" >&2; }

mkdir -p "$ENGINE_HOME"
export DEBIAN_FRONTEND=noninteractive

# 1. Debian 12 packages: runc, iptables, busybox-static and friends.
need_apt=()
command -v runc >/dev/null || need_apt+=(runc)
command -v iptables >/dev/null || need_apt+=(iptables)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -q '^sleep$' && file_is_static=1 || file_is_static=0
dpkg -s busybox-static >/dev/null 2>&1 || need_apt+=(busybox-static)
command -v curl >/dev/null || need_apt+=(curl)
command -v jq >/dev/null || need_apt+=(jq)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq >&2
  apt-get install -y -qq "${need_apt[@]}" >&2
fi

# 2. Newer engine pieces from Debian's "forky" suite, unpacked into a private prefix.
if [ ! -x "$PREFIX/usr/sbin/dockerd" ] || [ ! -x "$PREFIX/usr/libexec/docker/cli-plugins/docker-buildx" ]; then
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || { log "cannot find the Debian mirror in the machine's apt sources"; exit 1; }
  apt_dir="$ENGINE_HOME/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror forky main" >"$apt_dir/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o Dir::State::status=/dev/null
    -o APT::Get::List-Cleanup=0)
  log "fetching forky package lists"
  apt-get "${apt_opts[@]}" update -qq >&2
  (cd "$apt_dir/debs" && apt-get "${apt_opts[@]}" download docker.io docker-cli docker-buildx containerd docker-registry tini-static >&2)
  for deb in "$apt_dir"/debs/*.deb; do dpkg -x "$deb" "$PREFIX"; done
  rm -rf "$apt_dir/debs"
fi

export PATH="$PREFIX/usr/bin:$PREFIX/usr/sbin:$PREFIX/usr/libexec/docker/cli-plugins:$PATH"
export DOCKER_CONFIG="$ENGINE_HOME/docker-config"
mkdir -p "$DOCKER_CONFIG/cli-plugins"
ln -sf "$PREFIX/usr/libexec/docker/cli-plugins/docker-buildx" "$DOCKER_CONFIG/cli-plugins/docker-buildx"
[ -f "$DOCKER_CONFIG/config.json" ] || echo '{}' >"$DOCKER_CONFIG/config.json"
# tini-static provides docker-init
[ -e "$PREFIX/usr/bin/docker-init" ] || ln -sf "$PREFIX/usr/bin/tini-static" "$PREFIX/usr/bin/docker-init"

# 3. dockerd (exactly one: it owns the docker0 bridge RUN steps need).
if ! docker info >/dev/null 2>&1; then
  mkdir -p "$ENGINE_HOME/dockerd"
  cat >"$ENGINE_HOME/daemon.json" <<JSON
{"features":{"containerd-snapshotter":true},"insecure-registries":["$REGISTRY_ADDR"]}
JSON
  log "starting dockerd"
  nohup dockerd --config-file "$ENGINE_HOME/daemon.json" --data-root "$ENGINE_HOME/dockerd/data" \
    --exec-root "$ENGINE_HOME/dockerd/exec" --pidfile "$ENGINE_HOME/dockerd.pid" \
    >"$ENGINE_HOME/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -n 40 "$ENGINE_HOME/dockerd.log" >&2; log "dockerd did not start"; exit 1; }
fi

# 4. The registry on loopback, with our own config (Debian's asks for htpasswd auth).
if ! curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; then
  mkdir -p "$ENGINE_HOME/registry/data"
  cat >"$ENGINE_HOME/registry/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $ENGINE_HOME/registry/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
YAML
  log "starting registry on $REGISTRY_ADDR"
  reg_bin="$PREFIX/usr/bin/docker-registry"
  nohup "$reg_bin" serve "$ENGINE_HOME/registry/config.yml" >"$ENGINE_HOME/registry.log" 2>&1 &
  echo $! >"$ENGINE_HOME/registry.pid"
  for _ in $(seq 1 30); do curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null || { tail -n 20 "$ENGINE_HOME/registry.log" >&2; exit 1; }
fi

# 5. A tiny base image: busybox-static with its applets, imported and pushed to the registry.
if ! curl -fsS "http://$REGISTRY_ADDR/v2/busybox/manifests/latest" \
  -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' >/dev/null 2>&1; then
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$BASE_IMAGE" >&2
  docker push -q "$BASE_IMAGE" >&2
  rm -rf "$root"
fi

cat >"$ENGINE_HOME/env.sh" <<ENV
export PATH="$PREFIX/usr/bin:$PREFIX/usr/sbin:\$PATH"
export DOCKER_CONFIG="$DOCKER_CONFIG"
export BKCA_TEST_REGISTRY="$REGISTRY_ADDR"
export BKCA_TEST_BASE_IMAGE="$BASE_IMAGE"
ENV
log "ready: $(docker version --format '{{.Server.Version}}') / $(docker buildx version)"
cat "$ENGINE_HOME/env.sh"

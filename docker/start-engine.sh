#!/usr/bin/env bash
# Makes sure a Docker engine answers, for CI (.ci/run) and the container tests, on machines with no systemd:
#   - installs docker.io and debootstrap with apt if dockerd is missing;
#   - reuses a daemon that already answers (never starts a second one: two daemons fight over the same state);
#   - otherwise starts dockerd in the background with no bridge network and no NAT (containers use the host's
#     network, i.e. --network host), with a proxy that goes nowhere as a guard against image pulls, and waits for it.
# Exits non-zero, saying why, when no engine can be had.
set -uo pipefail

log_file=${DOCKERD_LOG:-/tmp/referralbridge-dockerd.log}
wait_seconds=${DOCKERD_WAIT_SECONDS:-60}

say() { printf '[start-engine] %s\n' "$*"; }
fail() { printf '[start-engine] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)   # docker/build-images.sh needs it
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt"
  as_root apt-get update -q </dev/null >/dev/null \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
      </dev/null >/dev/null \
    || fail "could not install ${missing[*]} with apt-get (root or password-less sudo needed)"
fi
command -v docker >/dev/null 2>&1 || fail "dockerd is installed but the docker client is not on PATH"

if docker info >/dev/null 2>&1; then
  say "reusing the Docker engine that answers ($(docker version -f '{{.Server.Version}}' 2>/dev/null))"
  exit 0
fi

# A socket that no daemon answers on: another dockerd may still be starting, or one died and left its pid file.
if [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid 2>/dev/null)" 2>/dev/null; then
  say "a dockerd (pid $(cat /var/run/docker.pid)) is running but not answering yet: waiting for it, not starting another"
else
  say "starting dockerd (no bridge, no iptables/NAT; log: $log_file)"
  as_root env HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1,localhost \
    setsid dockerd --bridge=none --iptables=false --ip-masq=false --ip-forward=false \
    >"$log_file" 2>&1 </dev/null &
fi

for ((i = 0; i < wait_seconds; i++)); do
  if docker info >/dev/null 2>&1; then
    say "Docker engine ready after ${i} s ($(docker version -f '{{.Server.Version}}' 2>/dev/null))"
    exit 0
  fi
  sleep 1
done
[ -f "$log_file" ] && tail -n 20 "$log_file" >&2
fail "no answer from 'docker info' after ${wait_seconds} s (dockerd log: $log_file)"

#!/usr/bin/env bash
# Builds the project's container images locally, with no container registry: a Debian base made by debootstrap, and
# images FROM it whose packages come from the Debian mirror and Maven Central. Used by CI (.ci/run) so the container
# tests run against these tags; people with registry access can use the official images instead.
#
#   docker/build-images.sh [base|jre|artemis|postgres|service ...]     (no argument: all of them)
#
#   referralbridge/debian:bookworm          debootstrap --variant=minbase, then docker import
#   referralbridge/jre:17                   + openjdk-17-jre-headless                          (docker/jre)
#   referralbridge/artemis:2.40.0           + the Artemis broker distribution                  (docker/artemis)
#   referralbridge/postgres:15              + postgresql-15                                    (docker/postgres)
#   referralbridge/service:0.1.0-SNAPSHOT   the service, FROM the local JRE; needs target/*.jar (docker/service)
#
# An image whose tag exists already is skipped (remove it with `docker rmi` to rebuild). Images a requested one is
# built FROM are built first. Builds use `docker build --network host`: the daemon may have no bridge network.
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), DEBIAN_SECURITY_MIRROR, ARTEMIS_VERSION.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
docker_dir="$repo/docker"

suite=bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# the version Spring Boot manages for the project's Artemis client; since 2.50 the groupId is org.apache.artemis
artemis_version=${ARTEMIS_VERSION:-2.40.0}
project_version=0.1.0-SNAPSHOT

base_tag=referralbridge/debian:$suite
jre_tag=referralbridge/jre:17
artemis_tag=referralbridge/artemis:$artemis_version
postgres_tag=referralbridge/postgres:15
service_tag=referralbridge/service:$project_version

work=$(mktemp -d /tmp/referralbridge-images.XXXXXX)
trap 'rm -rf "$work"' EXIT

log() { printf '[build-images] %s\n' "$*"; }

exists() { docker image inspect "$1" >/dev/null 2>&1; }

# run a long, chatty command with its output in a file; show the end of it if it fails
quiet() {
  local name=$1; shift
  if ! "$@" >"$work/$name.log" 2>&1; then
    tail -n 40 "$work/$name.log" >&2
    log "FAILED: $*" >&2
    return 1
  fi
}

build_base() {
  if exists "$base_tag"; then log "$base_tag exists, skipped"; return; fi
  log "building $base_tag: debootstrap --variant=minbase $suite from $mirror"
  command -v debootstrap >/dev/null || { log "debootstrap is not installed (apt-get install debootstrap)" >&2; return 1; }
  local root="$work/rootfs"
  mkdir -p "$root"
  quiet debootstrap debootstrap --variant=minbase "$suite" "$root" "$mirror"
  cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
EOF
  # no documentation in images (later apt installs too), no package lists or caches
  cp "$docker_dir/base/excludes" "$root/etc/dpkg/dpkg.cfg.d/excludes"
  cp "$docker_dir/base/apt-no-cache" "$root/etc/apt/apt.conf.d/docker-clean"
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  # keep the directories: postinst scripts (update-alternatives of the JRE) link man pages into them
  find "$root"/usr/share/{man,info,locale} -not -type d -delete
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin \
    "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log "$root"/var/log/apt/*
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    --message "debootstrap --variant=minbase $suite $mirror" - "$base_tag" >/dev/null
  rm -rf "$root"
}

# build_dockerfile <tag> <context dir> <dockerfile> [docker build options...]
build_dockerfile() {
  local tag=$1 context=$2 dockerfile=$3; shift 3
  local shown=${dockerfile#"$repo"/}
  log "building $tag from ${shown/#"$work"\//docker/}"
  quiet "build-${tag//[\/:]/_}" docker build --network host --pull=false --force-rm -t "$tag" -f "$dockerfile" "$@" "$context"
}

build_jre() {
  build_base
  if exists "$jre_tag"; then log "$jre_tag exists, skipped"; return; fi
  build_dockerfile "$jre_tag" "$docker_dir/jre" "$docker_dir/jre/Dockerfile" --build-arg "BASE_IMAGE=$base_tag"
}

build_postgres() {
  build_base
  if exists "$postgres_tag"; then log "$postgres_tag exists, skipped"; return; fi
  build_dockerfile "$postgres_tag" "$docker_dir/postgres" "$docker_dir/postgres/Dockerfile" \
    --build-arg "BASE_IMAGE=$base_tag"
}

build_artemis() {
  build_jre
  if exists "$artemis_tag"; then log "$artemis_tag exists, skipped"; return; fi
  local group=org.apache.activemq minor=${artemis_version#2.}
  minor=${minor%%.*}
  if [ "${artemis_version%%.*}" -gt 2 ] || [ "$minor" -ge 50 ]; then group=org.apache.artemis; fi
  local context="$work/artemis"
  mkdir -p "$context"
  log "downloading $group:apache-artemis:$artemis_version:tar.gz:bin with the Maven wrapper"
  (cd "$repo" && quiet mvn-artemis ./mvnw -q -B \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$group:apache-artemis:$artemis_version:tar.gz:bin" -DoutputDirectory="$context")
  cp "$docker_dir/artemis/Dockerfile" "$docker_dir/artemis/docker-entrypoint.sh" "$context/"
  build_dockerfile "$artemis_tag" "$context" "$context/Dockerfile" \
    --build-arg "JRE_IMAGE=$jre_tag" --build-arg "ARTEMIS_VERSION=$artemis_version"
}

build_service() {
  local jar="$repo/target/app/referral-bridge-$project_version.jar"
  if [ ! -f "$jar" ]; then
    log "$service_tag skipped: no ${jar#"$repo"/} (run ./mvnw -DskipTests package first)"
    return
  fi
  build_jre
  if exists "$service_tag"; then log "$service_tag exists, skipped (docker rmi it to rebuild from a new jar)"; return; fi
  build_dockerfile "$service_tag" "$repo" "$docker_dir/service/Dockerfile" --build-arg "JRE_IMAGE=$jre_tag"
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(base jre artemis postgres service); fi
for target in "${targets[@]}"; do
  case "$target" in
    base|jre|artemis|postgres|service) ;;
    *) log "unknown image '$target' (base, jre, artemis, postgres, service)" >&2; exit 2 ;;
  esac
done

docker info >/dev/null 2>&1 || { log "no Docker daemon answers (docker/start-engine.sh starts one)" >&2; exit 1; }

start=$SECONDS
for target in "${targets[@]}"; do
  "build_$target"
done

log "done in $((SECONDS - start)) s; images:"
for tag in "$base_tag" "$jre_tag" "$artemis_tag" "$postgres_tag" "$service_tag"; do
  if exists "$tag"; then
    printf '  %-40s %s MB\n' "$tag" "$(( $(docker image inspect -f '{{.Size}}' "$tag") / 1000000 ))"
  fi
done

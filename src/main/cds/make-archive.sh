#!/usr/bin/env bash
# A class data sharing (CDS) archive for the extracted service (target/app): the JVM maps the classes of the service
# and its libraries from it instead of reading, parsing and verifying them at every start (README, "Production
# shape"). Run by `./mvnw package` after the jar is extracted; skip it with -Dcds.skip=true.
#
# Best effort: when a step fails, the build goes on without the archive, and the service starts without one (the JVM
# ignores an archive that is missing or was made for another JVM or class path).
#
# Usage: make-archive.sh <java home> <project directory> <build directory> "<the service's JVM options>"
set -uo pipefail
java="$1/bin/java"
project="$2"
target="$3"
# the pom's service.jvm-options: the training run starts the JVM as the service is started (the collector among them)
read -r -a jvm_options <<<"${4:-}"
app=$(ls "$target"/app/referral-bridge-*.jar 2>/dev/null | head -n 1)
archive="$target/app/referral-bridge.jsa"
work="$target/cds"

rm -rf "$work" "$archive"
mkdir -p "$work"
give_up() {
  echo "class data archive not made ($1, see $work): the service starts without it, a few seconds slower" >&2
  rm -f "$archive"
  exit 0
}
[ -n "$app" ] || give_up "no extracted service jar in $target/app"

# 1. A training run: the service starts with its defaults, on a data directory of its own, HTTP on a port the system
#    picks and MLLP on a random one (a second try on another if that one is taken), and exits once it has started
#    (Spring Boot's spring.context.exit); the JVM lists each class it loaded.
train() {
  rm -rf "$work/data"
  (cd "$project" && BRIDGE_DATA_DIRECTORY="$work/data" SERVER_PORT=0 \
    BRIDGE_INTAKE_MLLP_PORT=$((20000 + RANDOM % 30000)) \
    timeout 600 "$java" "${jvm_options[@]}" -XX:DumpLoadedClassList="$work/loaded.lst" \
    -Dspring.context.exit=onRefresh -jar "$app") >"$work/training.log" 2>&1
}
train || train || give_up "the training run failed"

# 2. Without the lambda proxy classes (the lines starting with @): archiving them crashes Debian's JDK 17.0.15
#    (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary); the JVM makes them at run time as it would
#    without an archive.
grep -v '^@' "$work/loaded.lst" >"$work/classes.lst" || give_up "no class list"

# 3. The archive, for this JVM and exactly this class path: the extracted jar, whose manifest lists lib/*.jar.
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$archive" \
    -cp "$app" >"$work/dump.log" 2>&1; then
  give_up "the JVM could not write the archive"
fi
rm -rf "$work/data"
echo "class data archive: $archive ($(du -m "$archive" | cut -f1) MB, $(grep -vc '^#' "$work/classes.lst") classes)"

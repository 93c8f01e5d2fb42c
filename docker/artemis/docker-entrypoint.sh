#!/bin/bash
# Entrypoint of referralbridge/artemis: create the broker instance in /var/lib/artemis-instance on first start (an
# empty volume), reuse it afterwards, point the acceptor at ARTEMIS_HOST:ARTEMIS_PORT, then run the broker.
# Arguments are the artemis command (default: run), as with the official image.
set -euo pipefail

instance=/var/lib/artemis-instance
cd "$instance"

if [ ! -f etc/broker.xml ]; then
  echo "creating the broker instance in $instance (user ${ARTEMIS_USER})"
  # One acceptor (all protocols) on ARTEMIS_PORT: with host networking the per-protocol acceptors (5672, 61613,
  # 5445, 1883) would collide between containers. No web console, NIO journal (no libaio), no disk benchmark.
  # shellcheck disable=SC2086 # EXTRA_ARGS is a list of options
  "$ARTEMIS_HOME/bin/artemis" create "$instance" \
    --silent --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --require-login \
    --nio --no-autotune --no-web \
    --no-amqp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
    ${EXTRA_ARGS:-}
else
  echo "reusing the broker instance in $instance (journal in $instance/data)"
fi

# The acceptor's address may change from one container to the next (free ports in tests): rewrite it every start.
sed -i -E "s#(<acceptor name=\"artemis\">tcp://)[^?<]*#\1${ARTEMIS_HOST}:${ARTEMIS_PORT}#" etc/broker.xml
grep -o '<acceptor name="artemis">[^?<]*' etc/broker.xml

exec ./bin/artemis "$@"

#!/usr/bin/env bash
# Builds the small sandbox image the tests use, offline: busybox on scratch.
# Tag: paladin-test:busybox. Rebuilt only when missing.
set -euo pipefail
tag=${PALADIN_TEST_IMAGE:-paladin-test:busybox}
if docker image inspect "$tag" >/dev/null 2>&1; then exit 0; fi
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp /bin/busybox "$ctx/busybox"
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN ["/bin/sh", "-c", "mkdir -p /tmp /workspace /home/paladin && echo 'paladin:x:1000:1000::/home/paladin:/bin/sh' > /etc/passwd && echo 'paladin:x:1000:' > /etc/group"]
USER 1000:1000
WORKDIR /workspace
DOCKERFILE
docker build -q -t "$tag" "$ctx" >/dev/null
echo "built $tag"

#!/usr/bin/env bash
# Builds a sandbox image with a real Debian userland (GNU findutils, grep,
# sed, gawk, tar, git, jq, ...) for the planner's development set, offline:
# debootstrap from the Debian mirror apt already uses, then `docker import`.
# Tag: paladin-test:debian (override with PALADIN_DEBIAN_IMAGE). Skipped
# when the image exists. Needs root (debootstrap) and a running Docker engine.
set -euo pipefail
tag=${PALADIN_DEBIAN_IMAGE:-paladin-test:debian}
if docker image inspect "$tag" >/dev/null 2>&1; then exit 0; fi

if ! command -v debootstrap >/dev/null; then
  echo "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

# Use the mirror apt is configured with (deb822 or one-line sources).
mirror=$(grep -hoE '^URIs:[[:space:]]*[^[:space:]]+' /etc/apt/sources.list.d/*.sources 2>/dev/null \
  | awk '{print $2}' | grep -v security | head -n 1 || true)
if [ -z "$mirror" ]; then
  mirror=$(grep -hoE '^deb[[:space:]]+[^[:space:]]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '{print $2}' | grep -v security | head -n 1 || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase \
  --include=findutils,grep,sed,gawk,tar,gzip,xz-utils,bzip2,zip,unzip,git,jq,file,procps,diffutils,bc \
  bookworm "$rootfs" "$mirror" >/tmp/paladin-debootstrap.log 2>&1 \
  || { tail -30 /tmp/paladin-debootstrap.log; exit 1; }

# The same user and working directory as the busybox test image.
chroot "$rootfs" /bin/sh -c 'groupadd -g 1000 paladin && useradd -u 1000 -g 1000 -m -d /home/paladin -s /bin/bash paladin && mkdir -p /workspace && chown 1000:1000 /workspace'
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

tar -C "$rootfs" -c . | docker import \
  -c 'USER 1000:1000' -c 'WORKDIR /workspace' -c 'ENV LANG=C.UTF-8' \
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'CMD ["/bin/bash"]' - "$tag" >/dev/null
echo "built $tag"

# Turns an imported root filesystem (`paladin sandbox build --rootfs DIR`)
# into a sandbox image: the unprivileged user 1000 and /workspace.
ARG BASE
FROM ${BASE}
USER 0
RUN (getent passwd 1000 >/dev/null 2>&1 || grep -q '^[^:]*:[^:]*:1000:' /etc/passwd) \
 || useradd --uid 1000 --create-home --shell /bin/sh paladin 2>/dev/null \
 || adduser -D -u 1000 paladin 2>/dev/null \
 || echo 'paladin:x:1000:1000::/tmp:/bin/sh' >> /etc/passwd; \
 mkdir -p /workspace /tmp && chmod 1777 /tmp
LABEL paladin.image="rootfs"
USER 1000:1000
WORKDIR /workspace

# The minimal offline sandbox image: the host's static busybox on an empty
# base. No bash, git or jq; `paladin sandbox build` makes it only when the
# Debian base image cannot be pulled, and says so.
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN ["/bin/sh", "-c", "mkdir -p /tmp /workspace /home/paladin /usr/bin && ln -s /bin/env /usr/bin/env && echo 'root:x:0:0::/root:/bin/sh' > /etc/passwd && echo 'paladin:x:1000:1000::/home/paladin:/bin/sh' >> /etc/passwd && printf 'root:x:0:\\npaladin:x:1000:\\n' > /etc/group && chmod 1777 /tmp"]
LABEL paladin.image="busybox"
USER 1000:1000
WORKDIR /workspace

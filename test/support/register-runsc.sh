#!/usr/bin/env bash
# Registers gVisor's runsc as a Docker runtime in a daemon.json (default
# /etc/docker/daemon.json), keeping whatever else the file holds. Offline
# and ptrace only: runsc here cannot run with a network or on KVM.
# Does not restart the engine: the caller does that, and only for an engine
# it started itself.
set -euo pipefail
file="${1:-/etc/docker/daemon.json}"
runsc="${RUNSC_PATH:-$(command -v runsc || echo /usr/bin/runsc)}"
mkdir -p "$(dirname "$file")"
node -e '
  const fs = require("fs");
  const [file, runsc] = process.argv.slice(1);
  let conf = {};
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8").trim();
    try { conf = text ? JSON.parse(text) : {}; } catch (e) { console.error(`${file} is not valid JSON (${e.message}); fix it first`); process.exit(1); }
  }
  conf.runtimes = { ...(conf.runtimes || {}), runsc: { path: runsc, runtimeArgs: ["--platform=ptrace", "--network=none"] } };
  fs.writeFileSync(file + ".tmp", JSON.stringify(conf, null, 2) + "\n");
  fs.renameSync(file + ".tmp", file);
' "$file" "$runsc"
echo "registered runsc ($runsc) in $file"

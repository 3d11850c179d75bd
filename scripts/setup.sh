#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine with Node 20+ for Portalis:
#  - Debian's rustc with the wasm32-unknown-unknown standard library (the compiler backend),
#  - Debian's chromium (for the browser test),
#  - python3 (CPython, the conformance oracle) and the Python packages in requirements-dev.txt,
#  - the npm workspaces (npm ci), then checks that the native addons load.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if ! { [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/wasm32-unknown-unknown ]; }; then
  missing+=(rustc libstd-rust-dev-wasm32)
fi
command -v python3 >/dev/null || missing+=(python3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Python hosts (Triton backend, Kit extension) and their tests.
python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt

npm ci --no-audit --no-fund
# npm 11 does not run every install script: make sure the parser's native
# addons really load from their prebuilt binaries.
node -e "const P=require('tree-sitter'); const p=new P(); p.setLanguage(require('tree-sitter-python')); if (!p.parse('x = 1').rootNode) process.exit(1)"
npm run build
echo "setup: ok"

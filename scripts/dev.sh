#!/usr/bin/env bash
# npm run dev: build the package and run it in the pinned n8n on http://127.0.0.1:5678.
# Not `n8n-node dev`: it always fetches n8n@latest, which this registry cannot install, and it
# loads the package as CUSTOM.* nodes instead of the names saved workflows use.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -d node_modules/@n8n/node-cli ] || npm install --no-audit --no-fund
npm run build
export N8N_USER_FOLDER="${N8N_USER_FOLDER:-$ROOT/.n8n/dev}"
PKG_DIR="$N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-telegram-bot"
mkdir -p "$PKG_DIR"
cp package.json "$PKG_DIR/package.json"
ln -sfn "$ROOT/dist" "$PKG_DIR/dist"
echo "n8n with Telegram Bot nodes: http://127.0.0.1:${N8N_PORT:-5678} (data in $N8N_USER_FOLDER)"
exec bash scripts/n8n.sh start

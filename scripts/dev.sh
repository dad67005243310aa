#!/usr/bin/env bash
# npm run dev: build the package and run it in the pinned n8n on http://127.0.0.1:5678.
# Not `n8n-node dev`: it always fetches n8n@latest, which this registry cannot install, and it
# loads the package as CUSTOM.* nodes instead of the names saved workflows use.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/progress.sh
source "$ROOT/scripts/progress.sh"
echo "[1/4] Development dependencies" >&2
if [ -d node_modules/@n8n/node-cli ]; then
	echo "      already installed" >&2
else
	echo "      first run: about 600 packages, 1-2 min" >&2
	run_with_progress "dependencies" node_modules 600 npm install --no-audit --no-fund --loglevel=error
fi
echo "[2/4] Building the package into dist/" >&2
npm run build --silent >/dev/null
echo "[3/4] The pinned n8n and Node 24" >&2
bash scripts/n8n.sh --version >/dev/null
export N8N_USER_FOLDER="${N8N_USER_FOLDER:-$ROOT/.n8n/dev}"
PKG_DIR="$N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-telegram-bot"
mkdir -p "$PKG_DIR"
cp package.json "$PKG_DIR/package.json"
ln -sfn "$ROOT/dist" "$PKG_DIR/dist"
echo "[4/4] Starting n8n (data in $N8N_USER_FOLDER, about 20 s)" >&2
echo "      Open http://127.0.0.1:${N8N_PORT:-5678} once n8n prints \"Editor is now accessible\"; Ctrl+C stops it." >&2
exec bash scripts/n8n.sh start

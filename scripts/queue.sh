#!/usr/bin/env bash
# Queue mode: the packed package in a real n8n run as main + webhook processor + 2 workers over
# Redis and PostgreSQL (Debian's packages, installed when missing), against the Bot API emulator.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if ! command -v redis-server >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "Installing redis-server and postgresql from Debian's packages" >&2
	SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
	# Our servers run on free ports in throwaway folders: no default cluster on 5432.
	[ -e /etc/postgresql-common/createcluster.conf ] || {
		$SUDO mkdir -p /etc/postgresql-common
		echo 'create_main_cluster = false' | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
	}
	$SUDO apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server postgresql >&2
fi
[ -d node_modules/vitest ] || npm install --no-audit --no-fund
# Install n8n and Node 24 now, outside the tests' time limits.
bash scripts/n8n.sh --version >/dev/null
npm run build >/dev/null
npx vitest run --config test/queue/vitest.config.mts

#!/usr/bin/env bash
# Browser suite: the pinned n8n's editor in Debian's Chromium (driven by playwright-core, which
# downloads no browser), with the packed package and the Bot API emulator. Screenshots land in
# test/ui/.screenshots/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	echo "Installing Debian's chromium (about 2 min)" >&2
	$SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund
# Install n8n and Node 24 now, outside the tests' time limits.
bash scripts/n8n.sh --version >/dev/null
npm run build >/dev/null
npx vitest run --config test/ui/vitest.config.mts

#!/usr/bin/env bash
# npm test: unit tests (vitest, against the Bot API emulator), then end-to-end tests in a real n8n.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -d node_modules/vitest ] || npm install --no-audit --no-fund
npx vitest run
bash scripts/e2e.sh

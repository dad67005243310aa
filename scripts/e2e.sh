#!/usr/bin/env bash
# End-to-end: pack the package, install it into a real pinned n8n, drive it against the emulator.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -d node_modules/vitest ] || npm install --no-audit --no-fund
# Install n8n and Node 24 now, outside the tests' time limits.
bash scripts/n8n.sh --version >/dev/null
npm run build >/dev/null
npx vitest run --config test/e2e/vitest.config.mts

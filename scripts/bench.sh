#!/usr/bin/env bash
# Benchmarks under the Node that n8n runs on: the pinned n8n 2.41.1 requires Node 24 (its
# `engines`), so the figures are measured in the runtime our users' n8n has, not in whatever
# Node runs npm here. The benchmarks in the real n8n (*.n8n.bench.ts) install the built package
# from `npm pack`, as the end-to-end suite does.
# shellcheck source=scripts/ready.sh
source "$(dirname "${BASH_SOURCE[0]}")/ready.sh"
echo "Benchmarks run under Node $("$NODE24" --version), the pinned n8n's runtime" >&2
# Vitest's workers are started with the executable that runs vitest.
exec "$NODE24" node_modules/vitest/vitest.mjs run --config bench/vitest.config.mts "$@"

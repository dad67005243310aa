#!/usr/bin/env bash
# npm test: unit tests (vitest, n8n-core's execution contexts against the Bot API emulator), then
# end-to-end tests in a real n8n; both under the Node 24 the pinned n8n runs on, not the Node that
# runs npm (n8n 2.41.1 requires Node >= 24).
# shellcheck source=scripts/ready.sh
source "$(dirname "${BASH_SOURCE[0]}")/ready.sh"
# Vitest's workers are started with the executable that runs vitest.
"$NODE24" node_modules/vitest/vitest.mjs run
bash scripts/e2e.sh

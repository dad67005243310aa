#!/usr/bin/env bash
# End-to-end: pack the package, install it into a real pinned n8n, drive it against the emulator.
# shellcheck source=scripts/ready.sh
source "$(dirname "${BASH_SOURCE[0]}")/ready.sh"
npx vitest run --config test/e2e/vitest.config.mts

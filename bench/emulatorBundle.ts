/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: builds the benchmarks' emulator process on this machine's disk */
import { join } from 'node:path';

import { build } from 'esbuild';

/** The standalone emulator (test/emulator/standalone.ts) as one plain-node script. */
export const EMULATOR_BUNDLE = join(
	__dirname,
	'../node_modules/.cache/bot-api-emulator/standalone.cjs',
);

/**
 * Vitest's global setup for the benchmarks: bundles the emulator once per run, before any
 * benchmark forks it, with esbuild as scripts/bundle.mjs does for the nodes.
 */
export async function setup(): Promise<void> {
	await build({
		entryPoints: [join(__dirname, '../test/emulator/standalone.ts')],
		outfile: EMULATOR_BUNDLE,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node24',
		sourcemap: false,
		logLevel: 'warning',
	});
}

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['bench/**/*.bench.ts'],
		testTimeout: 300_000,
		// One benchmark at a time on any machine: rate figures measured side by side would measure each other.
		fileParallelism: false,
		// The emulator the send benchmarks fork, bundled once per run.
		globalSetup: ['bench/emulatorBundle.ts'],
		env: {
			N8N_USER_FOLDER: fileURLToPath(new URL('../node_modules/.cache/n8n-test', import.meta.url)),
		},
		alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
	},
});

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**'],
		testTimeout: 20_000,
		// n8n-core writes its config into N8N_USER_FOLDER at import: keep it inside the project.
		env: {
			N8N_USER_FOLDER: fileURLToPath(new URL('./node_modules/.cache/n8n-test', import.meta.url)),
			// Every request the emulators receive, type-checked against the Bot API schema at the end.
			BOT_API_REQUEST_LOG: fileURLToPath(
				new URL('./node_modules/.cache/bot-api-requests', import.meta.url),
			),
		},
		globalSetup: ['test/conformance/globalSetup.ts'],
		// One copy of n8n-workflow for the tests and n8n-core, so error classes match.
		alias: {
			'n8n-workflow': require.resolve('n8n-workflow'),
			// The jsonpath-plus build n8n loads (safe evaluation only, see scripts/bundle.mjs).
			'jsonpath-plus': join(
				dirname(require.resolve('jsonpath-plus/package.json')),
				'src/jsonpath.js',
			),
		},
	},
});

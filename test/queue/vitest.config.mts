import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['test/queue/**/*.queue.ts'],
		testTimeout: 180_000,
		hookTimeout: 300_000,
		fileParallelism: false,
		alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
	},
});

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['test/ui/**/*.ui.ts'],
		testTimeout: 240_000,
		hookTimeout: 600_000,
		fileParallelism: false,
		alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
	},
});

import { afterAll, beforeAll, expect, it } from 'vitest';

import { BotApiEmulator } from '../emulator/server';
import { defaultCredentials, runAction } from '../harness';

const emulator = new BotApiEmulator();
beforeAll(async () => void (await emulator.start()));
afterAll(async () => await emulator.stop());

it('gets the bot', async () => {
	const result = await runAction(defaultCredentials(emulator.baseUrl), { resource: 'bot', operation: 'get' });
	console.log(JSON.stringify(result.items), result.error);
	expect(result.items[0].json.username).toBe('compliance_test_bot');
});

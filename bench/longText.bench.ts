/* eslint-disable no-console -- a benchmark prints its figures */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { visibleLength } from '../nodes/TelegramBot/helpers/splitText';
import { BotApiEmulator } from '../test/emulator/server';
import { defaultCredentials, runAction } from '../test/harness';
import { htmlBalanced } from '../test/html';

const emulator = new BotApiEmulator();
beforeAll(async () => void (await emulator.start()));
afterAll(async () => await emulator.stop());

/** P3: a 50,000-character HTML report sent through Send Message against the emulator, which refuses unbalanced HTML. */
it('P3 long HTML text', async () => {
	const section = (n: number) =>
		`<b>Control ${n}</b>\n<i>${'evidence reviewed &amp; accepted; '.repeat(12)}</i>\n<a href="https://example.com/c/${n}">details</a>\n\n`;
	let text = '';
	for (let n = 0; text.length < 50_000; n++) text += section(n);
	const { items, error } = await runAction(defaultCredentials(emulator.baseUrl), {
		resource: 'message',
		operation: 'sendMessage',
		chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
		text,
		options: { parseMode: 'HTML' },
	});
	const sent = emulator.callsOf('sendMessage').map((call) => String(call.params.text));
	const maxPart = Math.max(...sent.map((part) => visibleLength(part, 'HTML')));
	const unbalanced = sent.filter((part) => !htmlBalanced(part)).length;
	const errors = (error ? 1 : 0) + items.filter((item) => item.json.error).length + unbalanced;
	console.log(
		`BENCH P3 chars=${text.length} parts=${sent.length} max_part=${maxPart} limit=4096 ratio=${(maxPart / 4096).toFixed(3)} errors=${errors}`,
	);
	expect(error?.message).toBeUndefined();
	expect(errors).toBe(0);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { splitText, truncateText, visibleLength } from '../../nodes/TelegramBot/helpers/splitText';
import { BotApiEmulator } from '../emulator/server';
import { defaultCredentials, runAction } from '../harness';
import { htmlBalanced } from '../html';

const paragraph = (n: number) =>
	`Finding ${n}: ${'control evidence reviewed and accepted '.repeat(8)}`.trim();

describe('splitText', () => {
	it('cuts plain text at paragraph boundaries within 4096', () => {
		const text = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n\n');
		const parts = splitText(text, undefined);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
		expect(parts.join('\n\n')).toBe(text);
		expect(parts.every((part) => part.startsWith('Finding'))).toBe(true);
	});

	it('never cuts a surrogate pair', () => {
		const text = '😀'.repeat(5000);
		const parts = splitText(text, undefined);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(4096);
			expect(
				/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part),
			).toBe(false);
		}
		expect(parts.join('')).toBe(text);
	});

	it('closes and reopens HTML tags across a cut, never cuts a tag or entity', () => {
		const text = `<b>Audit</b>\n<blockquote><i>${'a &amp; b &lt;c&gt; '.repeat(600)}</i></blockquote>`;
		const parts = splitText(text, 'HTML');
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect(htmlBalanced(part)).toBe(true);
			expect(visibleLength(part, 'HTML')).toBeLessThanOrEqual(4096);
			expect(part).not.toMatch(/&[a-z]*$|<[^>]*$/);
		}
		expect(parts[1].startsWith('<blockquote><i>')).toBe(true);
	});

	it('keeps MarkdownV2 escapes whole', () => {
		const text = 'x\\.'.repeat(3000);
		for (const part of splitText(text, 'MarkdownV2')) expect(part.endsWith('\\')).toBe(false);
	});

	it('closes and reopens MarkdownV2 entities and code blocks across a cut', () => {
		const text = `*Audit ${'finding reviewed\\. '.repeat(300)}*\n\n\`\`\`python\n${'print(1)\n'.repeat(600)}\`\`\``;
		const parts = splitText(text, 'MarkdownV2');
		expect(parts.length).toBeGreaterThan(2);
		for (const part of parts) {
			expect(visibleLength(part, 'MarkdownV2')).toBeLessThanOrEqual(4096);
			const unescapedStars = part.replace(/```[\s\S]*?```/g, '').match(/(?<!\\)\*/g) ?? [];
			expect(unescapedStars.length % 2).toBe(0);
			expect((part.match(/```/g) ?? []).length % 2).toBe(0);
			expect(part.endsWith('\\')).toBe(false);
		}
		const codeParts = parts.filter((part) => part.includes('print(1)'));
		expect(codeParts.length).toBeGreaterThan(1);
		for (const part of codeParts.slice(1)) expect(part.startsWith('```python\n')).toBe(true);
	});

	it('never cuts a MarkdownV2 link', () => {
		const link = '[the evidence folder](https://example.com/evidence/2026)';
		const parts = splitText(`${'word '.repeat(800)}${link} ${'word '.repeat(200)}`, 'MarkdownV2');
		expect(parts.some((part) => part.includes(link))).toBe(true);
	});

	it('counts exactly 4096 as fitting and 4097 as one too many, astral characters at the cut kept whole', () => {
		expect(splitText('a'.repeat(4096), undefined)).toHaveLength(1);
		const astral = `${'a'.repeat(4095)}😀b`;
		const parts = splitText(astral, undefined);
		expect(parts).toEqual(['a'.repeat(4095), '😀b']);
	});

	it('truncates with an ellipsis inside the closing tags', () => {
		const text = `<b>${'word '.repeat(2000)}</b>`;
		const cut = truncateText(text, 'HTML');
		expect(cut.endsWith('…</b>')).toBe(true);
		expect(visibleLength(cut, 'HTML')).toBeLessThanOrEqual(4096);
	});
});

describe('Send Message with a long text', () => {
	const emulator = new BotApiEmulator();
	beforeAll(async () => void (await emulator.start()));
	afterAll(async () => await emulator.stop());
	const send = (text: string, options: Record<string, unknown>) => ({
		resource: 'message',
		operation: 'sendMessage',
		chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
		text,
		options,
	});

	it('splits by default, sends the parts in order, and says how many', async () => {
		const text = `<b>Report</b>\n\n${Array.from({ length: 40 }, (_, i) => `<i>${paragraph(i)}</i>`).join('\n\n')}`;
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(text, { parseMode: 'HTML', messagesPerChatPerSecond: 100 }),
		);
		expect(error).toBeUndefined();
		const calls = emulator.callsOf('sendMessage');
		expect(items.length).toBe(calls.length);
		expect(items.length).toBeGreaterThan(1);
		expect(items.map((item) => [item.json.part, item.json.parts])).toEqual(
			items.map((_, i) => [i + 1, items.length]),
		);
		expect(
			items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		for (const call of calls) expect(htmlBalanced(String(call.params.text))).toBe(true);
	});

	it('fails before any request when told to', async () => {
		emulator.calls.length = 0;
		const { error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send('x'.repeat(5000), { longText: 'fail' }),
		);
		expect(error?.message).toBe(
			'Send Message: the text is 5000 characters long, Telegram accepts 4096',
		);
		expect(emulator.calls).toHaveLength(0);
	});

	it('truncates when told to', async () => {
		emulator.calls.length = 0;
		const { items } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send('word '.repeat(2000), { longText: 'truncate' }),
		);
		expect(items).toHaveLength(1);
		expect(String(emulator.callsOf('sendMessage')[0].params.text).endsWith('…')).toBe(true);
	});
});

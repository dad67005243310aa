/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the test reads the README to check its example */
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { markdownToTelegramHtml as toHtml } from '../../nodes/TelegramBot/helpers/markdown/toTelegramHtml';
import { splitText, visibleLength } from '../../nodes/TelegramBot/helpers/splitText';
import { parseEntities } from '../emulator/entities';
import { BotApiEmulator } from '../emulator/server';
import { defaultCredentials, runAction } from '../harness';

/** What Telegram shows for the converted text; throws as Telegram would refuse it. */
const shown = (markdown: string) => parseEntities(toHtml(markdown), 'HTML');

describe('Markdown (Standard) to Telegram HTML', () => {
	it('converts emphasis, nested emphasis, strikethrough, code and spoilers', () => {
		expect(toHtml('**bold _and italic_** ~~gone~~ `a < b && c` ||secret||')).toBe(
			'<b>bold <i>and italic</i></b> <s>gone</s> <code>a &lt; b &amp;&amp; c</code> <tg-spoiler>secret</tg-spoiler>',
		);
		expect(toHtml('***both*** __bold__ *it*')).toBe('<i><b>both</b></i> <b>bold</b> <i>it</i>');
	});

	it('keeps markup inside code as text, and the language of a fenced block', () => {
		const html = toHtml('```html\n<b>**not bold**</b> & more\n```');
		expect(html).toBe(
			'<pre><code class="language-html">&lt;b&gt;**not bold**&lt;/b&gt; &amp; more</code></pre>',
		);
		expect(shown('```html\n<b>**x**</b>\n```').entities).toEqual([
			{ type: 'pre', offset: 0, length: 12, language: 'html' },
		]);
		expect(toHtml('```\nplain\n```')).toBe('<pre>plain</pre>');
	});

	it('links: with parentheses in the URL, bare URLs, quotes in the URL; other schemes stay visible', () => {
		expect(toHtml('[Foo](https://en.wikipedia.org/wiki/Foo_(bar))')).toBe(
			'<a href="https://en.wikipedia.org/wiki/Foo_(bar)">Foo</a>',
		);
		expect(toHtml('see https://x.y/a?b=1&c=2')).toBe(
			'see <a href="https://x.y/a?b=1&amp;c=2">https://x.y/a?b=1&amp;c=2</a>',
		);
		expect(shown('[q](https://x.y/"q")').entities[0].url).toBe('https://x.y/"q"');
		expect(toHtml('[run](javascript:alert(1))')).toBe('run (javascript:alert(1))');
		expect(toHtml('![chart](https://x.y/c.png)')).toBe('🖼 <a href="https://x.y/c.png">chart</a>');
	});

	it('degrades what Telegram lacks: headings, lists with nesting, tasks, tables, rules, raw HTML', () => {
		expect(toHtml('# Incident\n\n## Timeline')).toBe('<b>Incident</b>\n\n<b>Timeline</b>');
		expect(toHtml('- a\n  - b\n    - c\n- [x] done\n\n3. three\n4. four')).toBe(
			'• a\n   ◦ b\n      ▪ c\n• ☑ done\n\n3. three\n4. four',
		);
		expect(toHtml('| Host | CPU |\n|---|--:|\n| web-1 | 93% |\n| db | 7% |')).toBe(
			'<pre>Host  | CPU\n------+----\nweb-1 | 93%\ndb    |  7%</pre>',
		);
		expect(toHtml('one<br>two')).toBe('one\ntwo');
		expect(toHtml('<br>')).toBe('&lt;br&gt;');
		expect(toHtml('<div onclick="x">hi</div>\n\nand <span>inline</span>')).toBe(
			'&lt;div onclick="x"&gt;hi&lt;/div&gt;\n\nand &lt;span&gt;inline&lt;/span&gt;',
		);
	});

	it('quotes: a short one plain, a long one expandable, a nested one flattened', () => {
		expect(toHtml('> short **note**')).toBe('<blockquote>short <b>note</b></blockquote>');
		expect(toHtml(`> ${'long line\n> '.repeat(12)}end`)).toMatch(/^<blockquote expandable>/);
		const nested = toHtml('> outer\n> > inner\n> > ```\n> > code\n> > ```');
		expect(nested.match(/<blockquote/g)).toHaveLength(1);
		expect(nested).not.toContain('<pre>');
		expect(() => parseEntities(nested, 'HTML')).not.toThrow();
	});

	it("converts the README's example to the HTML the README shows", () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const markdown = /````markdown\n([\s\S]*?)\n````/.exec(readme)![1];
		const html = /is sent as:\n\n```html\n([\s\S]*?)\n```\n/.exec(readme)![1];
		expect(toHtml(markdown)).toBe(html);
		expect(() => parseEntities(html, 'HTML')).not.toThrow();
	});

	it('emoji and astral characters pass through whole', () => {
		const parsed = shown('**🚨 Alert** 𝒳 👩‍💻 _done_ ✅');
		expect(parsed.text).toBe('🚨 Alert 𝒳 👩‍💻 done ✅');
		expect(parsed.entities[0]).toEqual({ type: 'bold', offset: 0, length: 8 });
	});

	it('accepts any input: every generated text converts to HTML Telegram parses', () => {
		const pieces = [
			'*',
			'**',
			'_',
			'__',
			'~~',
			'`',
			'```',
			'||',
			'<',
			'>',
			'&',
			'[',
			']',
			'(',
			')',
			'!',
			'#',
			'- ',
			'1. ',
			'> ',
			'|',
			'\\',
			'\n',
			'\n\n',
			' ',
			'word',
			'é',
			'😀',
			'https://x.y',
			'&amp;',
			'<b>',
			'</i>',
			'---',
			'<br>',
			'|a|b|\n|-|-|\n',
			'![x](y)',
			'[a](https://x.y "t")',
			'[a]: https://x.y\n',
			'\t',
			'    ',
			'<!-- c -->',
		];
		let seed = 17;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		for (let round = 0; round < 2000; round++) {
			const text = Array.from(
				{ length: 1 + (next() % 60) },
				() => pieces[next() % pieces.length],
			).join('');
			if (!text.trim()) continue;
			// Telegram refuses markup it cannot parse, and a message with nothing visible.
			expect(parseEntities(toHtml(text), 'HTML').text.trim(), text).not.toBe('');
		}
	});

	it('splits the converted text within 4096 visible characters, never inside an entity', () => {
		const markdown = Array.from(
			{ length: 60 },
			(_, i) =>
				`## Step ${i}\n\n**Finding ${i}**: ${'the control was reviewed and `accepted` '.repeat(6)}\n\n\`\`\`bash\necho "<${i}>"\n\`\`\``,
		).join('\n\n');
		const parts = splitText(toHtml(markdown), 'HTML');
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect(visibleLength(part, 'HTML')).toBeLessThanOrEqual(4096);
			expect(parseEntities(part, 'HTML').text.length).toBeLessThanOrEqual(4096);
		}
	});
});

describe('Send Message with Markdown (Standard) and the plain-text fallback', () => {
	const emulator = new BotApiEmulator();
	beforeAll(async () => void (await emulator.start()));
	afterAll(async () => await emulator.stop());
	const send = (text: string, options: Record<string, unknown>) =>
		runAction(defaultCredentials(emulator.baseUrl), {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
			text,
			options,
		});

	it('sends the converted HTML and the chat shows formatted text', async () => {
		emulator.calls.length = 0;
		const { items, error } = await send(
			'**Disk full** on `db-1` (95%). Check [runbook](https://x.y/rb)!',
			{
				parseMode: 'commonMark',
			},
		);
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendMessage')[0].params).toMatchObject({
			parse_mode: 'HTML',
			text: '<b>Disk full</b> on <code>db-1</code> (95%). Check <a href="https://x.y/rb">runbook</a>!',
		});
		expect(items[0].json.text).toBe('Disk full on db-1 (95%). Check runbook!');
		expect(items[0].json.entities).toHaveLength(3);
	});

	it('splits a long Markdown answer after conversion; every part is accepted', async () => {
		emulator.calls.length = 0;
		const markdown = `# Report\n\n${'- item with **bold** and `code` <tag> & more\n'.repeat(300)}`;
		const { items, error } = await send(markdown, {
			parseMode: 'commonMark',
			messagesPerChatPerSecond: 100,
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(1);
		expect(items.every((item) => item.json.formattingDropped === undefined)).toBe(true);
	});

	it('counts the 4096 limit on the visible text after conversion: 4096 is one message, 4097 two', async () => {
		emulator.calls.length = 0;
		const exact = await send(`**${'a'.repeat(4089)}** [link](https://x.y)😀`, {
			parseMode: 'commonMark',
		});
		expect(exact.error).toBeUndefined();
		expect(exact.items).toHaveLength(1);
		expect(String(exact.items[0].json.text)).toHaveLength(4096);
		const over = await send(`**${'a'.repeat(4090)}** [link](https://x.y)😀`, {
			parseMode: 'commonMark',
			messagesPerChatPerSecond: 100,
		});
		expect(over.error).toBeUndefined();
		expect(over.items).toHaveLength(2);
		expect(over.items.map((item) => item.json.formattingDropped)).toEqual([undefined, undefined]);
	});

	it('resends refused HTML as plain text and says why', async () => {
		emulator.calls.length = 0;
		const { items, error } = await send('<b>CPU</b> at 93% on <host-7>', { parseMode: 'HTML' });
		expect(error).toBeUndefined();
		const calls = emulator.callsOf('sendMessage');
		expect(calls).toHaveLength(2);
		expect(calls[1].params.parse_mode).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			text: 'CPU at 93% on <host-7>',
			formattingDropped: true,
			formattingError:
				'Bad Request: can\'t parse entities: Unsupported start tag "host-7" at byte offset 21',
		});
	});

	it('resends refused MarkdownV2 with its escapes undone', async () => {
		const { items } = await send('*Backup* done\\. Took 5 min.', { parseMode: 'MarkdownV2' });
		expect(items[0].json).toMatchObject({
			text: '*Backup* done. Took 5 min.',
			formattingDropped: true,
		});
	});

	it('fails as before when the fallback is off', async () => {
		emulator.calls.length = 0;
		const { error } = await send('Done.', { parseMode: 'MarkdownV2', plainTextFallback: false });
		expect(error?.message).toBe(
			"Send Message failed (400): Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
		);
		expect(emulator.callsOf('sendMessage')).toHaveLength(1);
	});

	it('falls back for a caption too', async () => {
		const { items, error } = await runAction(defaultCredentials(emulator.baseUrl), {
			resource: 'message',
			operation: 'sendPhoto',
			chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
			source: 'reference',
			file: 'https://example.com/a.png',
			caption: 'Graph <b>up',
			options: { parseMode: 'HTML' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ caption: 'Graph up', formattingDropped: true });
	});
});

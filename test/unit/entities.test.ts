import { describe, expect, it } from 'vitest';

import { EntityError, parseEntities } from '../emulator/entities';

const refusal = (text: string, mode: string): string | undefined => {
	try {
		parseEntities(text, mode);
		return undefined;
	} catch (error) {
		return error instanceof EntityError ? error.message : `not a refusal: ${String(error)}`;
	}
};

describe('the emulator parses markup like Telegram', () => {
	it('HTML: tags become entities, the four named and numeric entities decode, unknown ones stay', () => {
		const parsed = parseEntities(
			'<b>bold <i>both</i></b> &lt;&gt;&amp;&quot; &#128512; &#x41; &nbsp; <a href="https://x.y/?a=1&amp;b=2">link</a> <pre><code class="language-ts">x &lt; 1</code></pre> <blockquote expandable>q</blockquote> <span class="tg-spoiler">s</span>',
			'HTML',
		);
		expect(parsed.text).toBe('bold both <>&" 😀 A &nbsp; link x < 1 q s');
		expect(parsed.entities).toEqual(
			expect.arrayContaining([
				{ type: 'bold', offset: 0, length: 9 },
				{ type: 'italic', offset: 5, length: 4 },
				{ type: 'text_link', offset: 27, length: 4, url: 'https://x.y/?a=1&b=2' },
				{ type: 'pre', offset: 32, length: 5, language: 'ts' },
				{ type: 'expandable_blockquote', offset: 38, length: 1 },
				{ type: 'spoiler', offset: 40, length: 1 },
			]),
		);
	});

	it("HTML: refuses what Telegram refuses, in Telegram's words with UTF-8 byte offsets", () => {
		const prefix = "Bad Request: can't parse entities: ";
		expect(refusal('é <div>x</div>', 'HTML')).toBe(
			`${prefix}Unsupported start tag "div" at byte offset 3`,
		);
		expect(refusal('a < b', 'HTML')).toBe(`${prefix}Unsupported start tag "" at byte offset 2`);
		expect(refusal('<b>open', 'HTML')).toBe(
			`${prefix}Can't find end tag corresponding to start tag "b"`,
		);
		expect(refusal('<b><i>x</b></i>', 'HTML')).toBe(
			`${prefix}Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`,
		);
		expect(refusal('x</b>', 'HTML')).toBe(`${prefix}Unexpected end tag at byte offset 1`);
		expect(refusal('<b', 'HTML')).toBe(`${prefix}Unclosed start tag at byte offset 0`);
		expect(refusal('<a href=https://x.y>x</a>', 'HTML')).toBe(
			`${prefix}Unexpected end of name token at byte offset 8`,
		);
		expect(parseEntities('<b>x</>', 'HTML').entities).toEqual([
			{ type: 'bold', offset: 0, length: 1 },
		]);
		expect(refusal('<a href>x</a>', 'HTML')).toBe(
			`${prefix}Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0`,
		);
	});

	it('MarkdownV2: entities, escapes, code blocks with a language; every reserved character must be escaped', () => {
		const parsed = parseEntities(
			'*bold _both_* \\. [link](https://x.y/a_(b\\)) ||s|| __u__ ~x~ `a*b` ```py\nif x: pass```',
			'MarkdownV2',
		);
		expect(parsed.text).toBe('bold both . link s u x a*b if x: pass');
		expect(parsed.entities).toEqual(
			expect.arrayContaining([
				{ type: 'bold', offset: 0, length: 9 },
				{ type: 'text_link', offset: 12, length: 4, url: 'https://x.y/a_(b)' },
				{ type: 'code', offset: 23, length: 3 },
				{ type: 'pre', offset: 27, length: 10, language: 'py' },
			]),
		);
		for (const c of ['.', '!', '-', '(', ')', '#', '+', '=', '{', '}', '|']) {
			expect(refusal(`Done${c}`, 'MarkdownV2')).toBe(
				`Bad Request: can't parse entities: Character '${c}' is reserved and must be escaped with the preceding '\\'`,
			);
		}
		expect(refusal('ok *bold', 'MarkdownV2')).toBe(
			"Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 3",
		);
	});

	it('legacy Markdown: nothing is reserved, but an entity must end', () => {
		expect(parseEntities('*b* _i_ 1+1=2. [l](https://x.y)', 'Markdown').text).toBe('b i 1+1=2. l');
		expect(refusal('snake_case_', 'Markdown')).toBeUndefined();
		expect(refusal('user_name', 'Markdown')).toBe(
			"Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 4",
		);
	});
});

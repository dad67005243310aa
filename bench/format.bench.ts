/* eslint-disable no-console -- a benchmark prints its figures */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { markdownToTelegramHtml } from '../nodes/TelegramBot/helpers/markdown/toTelegramHtml';
import { BotApiEmulator } from '../test/emulator/server';
import { defaultCredentials, runAction } from '../test/harness';

const emulator = new BotApiEmulator();
beforeAll(async () => void (await emulator.start()));
afterAll(async () => await emulator.stop());

/** A fixed-seed generator: the same 200 answers on every run. */
function random(seed: number) {
	let state = seed;
	return (n: number) => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state % n;
	};
}

/** The blocks AI models put in their answers, with the characters that trip Telegram's parsers. */
const BLOCKS: Array<(n: number) => string> = [
	(n) => `## Step ${n}: check the service`,
	(n) =>
		`The **root cause** was a _misconfigured_ \`max_connections\` (set to ${n}). Restart it, then verify: it should be < 100 & stable!`,
	(n) =>
		`- **Host**: \`web-${n}.prod\`\n- **Status**: ~~degraded~~ healthy\n  - CPU: ${n % 100}%\n  - Memory: 2.5 GB (of 8)\n- See [the runbook](https://wiki.example.com/Runbook_(ops)#step-${n})`,
	(n) =>
		`\`\`\`python\ndef check(host: str) -> bool:\n    # returns True if <200ms & not *degraded*\n    return ping(host) < 0.2  # ${n}\n\`\`\``,
	(n) =>
		`| Host | Region | p95 (ms) |\n|------|--------|---------:|\n| web-${n} | eu-west-1 | ${n * 3} |\n| db-${n} | us-east-1 | ${n + 12} |`,
	(n) => `> **Note:** this affects ${n} users. Don't restart the primary before 18:00 UTC.`,
	(n) =>
		`1. Open the dashboard.\n2. Filter by \`env=prod\`.\n3. Compare with ticket #${n} (yesterday's).`,
	(n) =>
		`***Important***: keys like \`AWS_SECRET_ACCESS_KEY\` must never be logged; rotate them (see https://docs.example.com/rotate?id=${n}).`,
	() => `---`,
	(n) => `Result: ${n}.5 ± 0.1 — better than expected! ||spoiler: it was DNS||`,
	(n) =>
		`\`\`\`bash\ncurl -s "https://api.example.com/v1/items?limit=${n}&sort=-date" | jq '.items[] | {id, name}'\n\`\`\``,
	(n) =>
		`In summary: {"ok": true, "count": ${n}} = success; 5 * 3 = 15 and a_b_c stays as written.`,
];

function answers(count: number): string[] {
	const pick = random(9);
	return Array.from({ length: count }, (_, index) => {
		const target = 1024 + pick(19 * 1024);
		let text = `# Answer ${index + 1}\n\n`;
		for (let n = 0; text.length < target; n++) text += `${BLOCKS[pick(BLOCKS.length)](n)}\n\n`;
		return text.trim();
	});
}

/** Each answer as one item of one Send Message run, Continue On Fail, no plain-text rescue: what Telegram refuses shows. */
async function refused(
	texts: string[],
	parseMode: string,
): Promise<{ refused: number; formatted: number }> {
	const { items, error } = await runAction(
		defaultCredentials(emulator.baseUrl),
		{
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
			text: '={{ $json.text }}',
			options: {
				parseMode,
				plainTextFallback: false,
				messagesPerSecond: 10_000,
				messagesPerChatPerSecond: 10_000,
				messagesPerGroupPerMinute: 1_000_000,
			},
		},
		texts.map((text) => ({ text })),
		{ continueOnFail: true },
	);
	expect(error).toBeUndefined();
	const failedItems = new Set(
		items
			.filter((item) => item.json.error)
			.map((item) => (item.pairedItem as { item: number }).item),
	);
	const formatted = items.filter((item) => (item.json.entities as unknown[] | undefined)?.length);
	return { refused: failedItems.size, formatted: formatted.length };
}

/** P9: 200 answers as models write them (1-20 KB of mixed Markdown) through Send Message. */
it('P9 Markdown from AI models', async () => {
	const texts = answers(200);
	const kb = texts.reduce((sum, text) => sum + text.length, 0) / 1024;
	const started = performance.now();
	for (const text of texts) markdownToTelegramHtml(text);
	const msPerKb = (performance.now() - started) / kb;
	const commonMark = await refused(texts, 'commonMark');
	const parts = emulator.callsOf('sendMessage').length;
	emulator.calls.length = 0;
	const markdownV2 = await refused(texts, 'MarkdownV2');
	console.log(
		`BENCH P9 commonMark texts=${texts.length} kb=${kb.toFixed(0)} messages=${parts} with_entities=${commonMark.formatted} refused=${commonMark.refused} limit=0`,
	);
	console.log(`BENCH P9 conversion ms_per_kb=${msPerKb.toFixed(3)}`);
	console.log(
		`BENCH P9 markdownV2_as_is texts=${texts.length} refused=${markdownV2.refused} ratio=${(markdownV2.refused / texts.length).toFixed(2)}`,
	);
	expect(commonMark.refused).toBe(0);
	expect(commonMark.formatted).toBe(parts);
});

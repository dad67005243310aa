/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the test reads the README to check its operation table */
import { readFileSync } from 'node:fs';

import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { RESOURCES } from '../../nodes/TelegramBot/actions';
import { EXAMPLE_GROUP, EXAMPLE_URL } from '../../nodes/TelegramBot/actions/examples';
import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { FAST } from '../actionRun';
import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { defaultCredentials, runAction } from '../harness';
import { tokenLeaks } from '../leaks';
import { operationsTable, withTable } from '../../scripts/operations-table.mjs';

/**
 * What every operation of the resource map must do, read from the map itself: a new row is
 * covered here with nothing but its example.
 */
const OPERATIONS = RESOURCES.flatMap((resource) =>
	resource.operations.map((entry) => ({ resource: resource.value, entry })),
);
const pdf = { text: '%PDF-1.7 evidence', fileName: 'evidence.pdf', mimeType: 'application/pdf' };

/** An emulator in the state the examples refer to (see actions/examples.ts). */
async function seededEmulator(): Promise<BotApiEmulator> {
	const emulator = new BotApiEmulator();
	await emulator.start();
	const send = async (method: string, body: Record<string, unknown>) =>
		await fetch(`${emulator.baseUrl}/bot${DEFAULT_TOKEN}/${method}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ chat_id: EXAMPLE_GROUP, ...body }),
		});
	for (let n = 1; n <= 5; n++) await send('sendMessage', { text: `Alert ${n}` });
	await send('sendPhoto', { photo: EXAMPLE_URL, caption: 'Evidence' });
	emulator.addFile(1024, 'documents/evidence.pdf', 'application/pdf');
	emulator.calls.length = 0;
	return emulator;
}

/** The Bot API method an entry calls: Call API Method's comes from its example. */
function methodOf({ entry }: (typeof OPERATIONS)[number]): string {
	return entry.method === 'any method' ? String(entry.example.parameters.method) : entry.method;
}

describe('every operation of the resource map', () => {
	it('names a Bot API method the emulator answers', () => {
		const emulator = new BotApiEmulator();
		expect(OPERATIONS.map(methodOf).filter((method) => !emulator.implements(method))).toEqual([]);
	});

	it.each(OPERATIONS.map((o) => [`${o.resource}.${o.entry.value}`, o] as const))(
		'%s: its example succeeds against the emulator and sends what the row says',
		async (_, operation) => {
			const emulator = await seededEmulator();
			try {
				const { example } = operation.entry;
				const input = [example.binary ? { $binary: { report: pdf } } : {}];
				const result = await runAction(
					defaultCredentials(emulator.baseUrl),
					{
						resource: operation.resource,
						operation: operation.entry.value,
						...example.parameters,
						// An example's own options (a row's optional fields) beside the fast rates.
						options: { ...FAST, ...(example.parameters.options as object | undefined) },
					},
					input,
				);
				expect(result.error?.message).toBeUndefined();
				expect(tokenLeaks(result)).toEqual([]);
				const calls = emulator.callsOf(methodOf(operation));
				expect(calls.length).toBeGreaterThan(0);
				if (example.sends) expect(calls[0].params).toEqual(example.sends);
			} finally {
				await emulator.stop();
			}
		},
	);
});

/** Every text of a parameter, its options and their values, with where it was found. */
function texts(properties: INodeProperties[], path = ''): Array<[string, string]> {
	return properties.flatMap((property) => {
		const here = `${path}${property.name}`;
		const own: Array<[string, string]> = [property.displayName, property.description, property.hint]
			.filter((text): text is string => typeof text === 'string' && text !== '')
			.map((text) => [here, text]);
		const nested = (property.options ?? []).flatMap((option) => {
			const o = option as INodeProperties & { values?: INodeProperties[]; action?: string };
			if (o.values) return texts(o.values, `${here}.`);
			if ('type' in o) return texts([o], `${here}.`);
			return [o.name, o.description, o.action]
				.filter((text): text is string => typeof text === 'string' && text !== '')
				.map((text) => [`${here}=${String(o.value)}`, text] as [string, string]);
		});
		return [...own, ...nested];
	});
}

describe('the node description', () => {
	const all = texts(new TelegramBot().description.properties);

	it('has no garbled text (a lint autofix once emptied template literals)', () => {
		const garbled = [
			/^[\s,;.]/, // starts with punctuation: ", Up to , characters"
			/\s[,;.]/, // punctuation after a space: "Up to , characters"
			/\$\{|undefined|NaN|\[object /, // a template or value that did not render
			/\b[A-Z][a-z]+_[a-z_]+\.[A-Z]{2}\b/, // a field path title-cased: "Callback_query.ID"
			/\?\./, // a question mark run into a full stop
		];
		expect(all.filter(([, text]) => garbled.some((pattern) => pattern.test(text)))).toEqual([]);
		expect(all.length).toBeGreaterThan(500);
	});

	it('names each operation once per resource', () => {
		for (const resource of RESOURCES) {
			const values = resource.operations.map((entry) => entry.value);
			expect(new Set(values).size).toBe(values.length);
		}
	});
});

describe("the README's operation table", () => {
	it('is the one the resource map gives (node scripts/operations-table.mjs writes it)', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		expect(withTable(readme, operationsTable(RESOURCES))).toBe(readme);
		for (const resource of RESOURCES)
			for (const entry of resource.operations)
				expect(readme).toContain(`| ${resource.name} → ${entry.name ?? entry.module.label} |`);
	});
});

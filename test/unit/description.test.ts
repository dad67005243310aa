import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { TelegramBotApi } from '../../credentials/TelegramBotApi.credentials';
import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { TelegramBotPollingTrigger } from '../../nodes/TelegramBotPollingTrigger/TelegramBotPollingTrigger.node';
import { TelegramBotTrigger } from '../../nodes/TelegramBotTrigger/TelegramBotTrigger.node';

/**
 * Every text a person reads in the editor, from the descriptions n8n loads: node, parameters,
 * options, actions, resource locator modes, and the credential. A lint autofix once turned
 * `${description} Up to ${maxLength} characters` into ", Up to , characters" and `callback_query.id`
 * into "Callback_query.ID"; lint passed both. These checks read the result, not the source.
 */

type Kind = 'displayName' | 'name' | 'description' | 'action' | 'hint' | 'placeholder';
interface Text {
	where: string;
	kind: Kind;
	text: string;
	/** The parameter's type, for a parameter's own texts. */
	type?: string;
}

function collect(): Text[] {
	const texts: Text[] = [];
	const add = (where: string, kind: Kind, text: unknown, type?: string) => {
		if (typeof text === 'string') texts.push({ where, kind, text, type });
	};

	const walkProperty = (where: string, property: INodeProperties) => {
		const here = `${where} › ${property.displayName || property.name}`;
		add(here, 'displayName', property.displayName);
		add(here, 'description', property.description, property.type);
		add(here, 'hint', property.hint);
		add(here, 'placeholder', property.placeholder);
		for (const mode of property.modes ?? []) {
			const at = `${here} › mode ${mode.name}`;
			add(at, 'displayName', mode.displayName);
			add(at, 'hint', mode.hint);
			add(at, 'placeholder', mode.placeholder);
			for (const rule of mode.validation ?? [])
				if (typeof rule === 'object' && 'properties' in rule)
					add(at, 'description', (rule.properties as { errorMessage?: string }).errorMessage);
		}
		for (const option of property.options ?? []) {
			if ('type' in option) walkProperty(here, option as INodeProperties);
			else if ('values' in option) {
				const collection = option as INodePropertyCollection;
				add(`${here} › ${collection.displayName}`, 'displayName', collection.displayName);
				for (const value of collection.values)
					walkProperty(`${here} › ${collection.displayName}`, value);
			} else {
				const choice = option as INodePropertyOptions;
				const at = `${here} › ${choice.name}`;
				add(at, 'name', choice.name);
				add(at, 'description', choice.description);
				add(at, 'action', choice.action);
			}
		}
	};

	const nodes: INodeType[] = [
		new TelegramBot(),
		new TelegramBotTrigger(),
		new TelegramBotPollingTrigger(),
	];
	for (const { description } of nodes) {
		const where = description.displayName;
		add(where, 'displayName', description.displayName);
		add(where, 'description', description.description);
		add(where, 'name', description.defaults.name);
		for (const property of description.properties) walkProperty(where, property);
	}
	const credential: ICredentialType = new TelegramBotApi();
	add(credential.displayName, 'displayName', credential.displayName);
	for (const property of credential.properties) walkProperty(credential.displayName, property);
	return texts;
}

const texts = collect();

/** What a reader sees as words: code in backticks or `<code>`, expressions and links left out. */
const prose = (text: string) =>
	text
		.replace(/`[^`]*`/g, '`…`')
		.replace(/<code>.*?<\/code>/g, '`…`')
		.replace(/\{\{.*?\}\}/g, '{{…}}')
		.replace(/<a [^>]*>.*?<\/a>/g, 'link')
		.replace(/https?:\/\/\S+/g, 'link');

/** The texts failing `problem`, one "where (kind): text" line each, so a failure names them all. */
const failing = (problem: (t: Text) => boolean) =>
	[
		...new Set(
			texts.filter(problem).map((t) => `${t.where} (${t.kind}): ${JSON.stringify(t.text)}`),
		),
	].join('\n');

describe('the texts of the node descriptions and the credential', () => {
	it('reads a few hundred texts from all three nodes and the credential', () => {
		expect(texts.length).toBeGreaterThan(300);
		for (const node of [
			'Telegram Bot',
			'Telegram Bot Webhook Trigger',
			'Telegram Bot Polling Trigger',
			'Telegram Bot API',
		])
			expect(texts.filter((t) => t.where.startsWith(`${node} › `)).length, node).toBeGreaterThan(1);
	});

	it('has no empty text, and none with spaces at either end', () => {
		expect(failing((t) => t.text.trim() === '' && t.kind !== 'placeholder')).toBe('');
		expect(failing((t) => t.text !== t.text.trim())).toBe('');
	});

	it('has no hole where a value was left out (", Up to , characters", "do?.", "()", undefined)', () => {
		const hole =
			/(^|\s)[,.;:)]|[,;:?!][.,;:]|\(\s*\)|''|""|\bundefined\b|\bNaN\b|\bnull characters\b|\[object Object\]|\$\{/;
		expect(failing((t) => hole.test(prose(t.text)))).toBe('');
	});

	it('has no doubled spaces', () => {
		expect(failing((t) => / {2}/.test(t.text))).toBe('');
	});

	it('writes Bot API field names as they are (callback_query.id), never title-cased', () => {
		// `Callback_query`, `Message_thread_id`, `callback_query.ID`: an identifier a casing fix rewrote.
		const mangled = /\b[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+|\b[a-z][a-z0-9]*(_[a-z0-9]+)*\.ID\b/;
		expect(failing((t) => mangled.test(prose(t.text)))).toBe('');
	});

	it('starts descriptions, hints and actions with a capital letter, as n8n does', () => {
		const first = /^[A-Z0-9"'`@$({<*+#/]/;
		expect(
			failing(
				(t) => ['description', 'hint', 'action'].includes(t.kind) && !first.test(t.text.trim()),
			),
		).toBe('');
	});

	it('ends a one-sentence description without a period, and one of several sentences with one', () => {
		// n8n's lint rules (node-param-description-excess-final-period / -missing-final-period) ask
		// this of string literals, counting sentences by ". "; texts built from parts escape them.
		const severalSentences = (text: string) => text.replace('e.g.', '').includes('. ');
		expect(
			failing(
				(t) =>
					t.kind === 'description' &&
					!severalSentences(t.text) &&
					/\.$/.test(t.text) &&
					!/\b(etc|e\.g|i\.e)\.$/.test(t.text),
			),
		).toBe('');
		expect(
			failing(
				(t) => t.kind === 'description' && severalSentences(t.text) && !/[.!?)…"]$/.test(t.text),
			),
		).toBe('');
	});

	it('says "Whether …" of every switch, as n8n does', () => {
		expect(
			failing((t) => t.kind === 'description' && t.type === 'boolean' && !/^Whether /.test(t.text)),
		).toBe('');
	});

	it('gives actions without a final period, as n8n lists them in the nodes panel', () => {
		expect(failing((t) => t.kind === 'action' && /\.$/.test(t.text))).toBe('');
	});
});

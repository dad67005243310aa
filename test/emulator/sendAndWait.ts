import type { Message, User } from '@grammyjs/types';

import type { Parsed } from './entities';
import type { BotApiEmulator } from './server';

/**
 * What Send and Wait needs of the emulator, as Telegram does it: a message keeps its inline
 * keyboard (and hands it back in `callback_query.message`), `entities` replace a parse mode, and
 * people press buttons and reply to messages.
 */

type Params = Record<string, unknown>;

function parsedJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return undefined;
	}
}

/** A message's inline keyboard after a send or edit: only inline keyboards with buttons are kept. */
export function setInlineKeyboard(message: Record<string, unknown>, markup: unknown): void {
	const parsed = parsedJson(markup) as { inline_keyboard?: unknown[][] } | undefined;
	const rows = parsed?.inline_keyboard?.filter((row) => Array.isArray(row) && row.length > 0);
	if (rows && rows.length > 0) message.reply_markup = { inline_keyboard: rows };
	else delete message.reply_markup;
}

/** `entities` given without parse_mode: Telegram takes them as they are. */
export function withEntities(parsed: Parsed, p: Params): Parsed {
	if (p.parse_mode || p.entities === undefined) return parsed;
	const entities = parsedJson(p.entities);
	return Array.isArray(entities)
		? { text: String(p.text ?? ''), entities: entities as Parsed['entities'] }
		: parsed;
}

export interface Person extends User {
	username: string;
}

export function person(id: number, username: string, firstName: string): Person {
	return { id, is_bot: false, first_name: firstName, username };
}

let nextQuery = 1;

/** The message as Telegram holds it now (edits included), as an update would carry it. */
export function currentMessage(
	emulator: BotApiEmulator,
	messageId: number,
	token?: string,
): Message {
	const message = emulator.bot(token).sent.find((m) => m.message_id === messageId);
	if (!message) throw new Error(`no message ${messageId}`);
	return structuredClone(message);
}

/** The update of `who` pressing a button (row-major index) under a message. */
export function pressUpdate(
	emulator: BotApiEmulator,
	messageId: number,
	button: number,
	who: Person,
	token?: string,
): Record<string, unknown> {
	const message = currentMessage(emulator, messageId, token) as Message & {
		reply_markup?: { inline_keyboard: Array<Array<{ callback_data?: string }>> };
	};
	const data = message.reply_markup?.inline_keyboard.flat()[button]?.callback_data;
	if (!data) throw new Error(`message ${messageId} has no button ${button}`);
	return {
		callback_query: {
			id: `cbq-${nextQuery++}`,
			from: who,
			chat_instance: '-7001',
			message,
			data,
		},
	};
}

/** The update of `who` replying to a message with a text. */
export function replyUpdate(
	emulator: BotApiEmulator,
	messageId: number,
	text: string,
	who: Person,
	token?: string,
): Record<string, unknown> {
	const repliedTo = currentMessage(emulator, messageId, token);
	return {
		message: {
			message_id: 90_000 + nextQuery++,
			date: Math.floor(Date.now() / 1000),
			chat: repliedTo.chat,
			from: who,
			text,
			reply_to_message: repliedTo,
		},
	};
}

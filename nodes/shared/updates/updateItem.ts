import type { IDataObject } from 'n8n-workflow';

import type { BotCommand } from './command';

/** Update fields that carry a Message, in the order Telegram documents them. */
const MESSAGE_FIELDS = [
	'message',
	'edited_message',
	'channel_post',
	'edited_channel_post',
	'business_message',
	'edited_business_message',
] as const;

export function updateTypeOf(update: IDataObject): string | null {
	return Object.keys(update).find((key) => key !== 'update_id') ?? null;
}

/** The Message an update is about: its own, or the one under a pressed inline button. */
export function messageOf(update: IDataObject): IDataObject | undefined {
	for (const field of MESSAGE_FIELDS) {
		if (isObject(update[field])) return update[field];
	}
	const callback = update.callback_query;
	const message = isObject(callback) ? callback.message : undefined;
	return isObject(message) ? message : undefined;
}

/** A JSON object: not null, not a list. */
function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The entries of a message's list field (entities, photo sizes, members: objects only), without
 * the malformed ones a broken sender may put in.
 */
export function objectsIn(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}

/**
 * Entries of the message's lists that are not objects (`entities: [null]`): skipped by the trigger,
 * named on the item so nobody wonders where a command or a photo went.
 */
export function malformedParts(update: IDataObject): string[] {
	const type = updateTypeOf(update);
	const message = messageOf(update);
	if (!type || !message) return [];
	const where = message === update[type] ? type : `${type}.message`;
	const notes: string[] = [];
	for (const [field, value] of Object.entries(message)) {
		if (!Array.isArray(value)) continue;
		value.forEach((entry, index) => {
			if (!isObject(entry))
				notes.push(
					`${where}.${field}[${index}] is ${entry === null ? 'null' : typeof entry}: skipped`,
				);
		});
	}
	return notes;
}

function personName(person: IDataObject | undefined): string | null {
	if (!person) return null;
	const name = [person.first_name, person.last_name].filter(Boolean).join(' ');
	return name || (person.username ? `@${String(person.username)}` : null);
}

/**
 * The object an update carries under its type (`update.message_reaction`, …), for updates that
 * carry no Message: where their chat, date and sender are.
 */
function payloadOf(update: IDataObject): IDataObject | undefined {
	const type = updateTypeOf(update);
	const payload = type ? update[type] : undefined;
	return isObject(payload) ? payload : undefined;
}

/**
 * The Unix time an update without a Message happened: reactions, member changes and join
 * requests have `date`; boosts have it inside (`boost.add_date`) or as `remove_date`.
 */
function payloadDate(payload: IDataObject | undefined): unknown {
	if (!payload) return undefined;
	const boost = isObject(payload.boost) ? payload.boost : undefined;
	return payload.date ?? payload.remove_date ?? boost?.add_date;
}

/**
 * The default item (the seed's field mapping): every field present, `null` when the update lacks
 * it, the raw update untouched beside it. A private chat has no title, so its person's name stands in.
 */
export function defaultItem(update: IDataObject, command: BotCommand | null = null): IDataObject {
	const message = messageOf(update);
	// Updates without a Message (reactions, member changes, join requests, business connections,
	// deleted business messages) carry their chat, date and person on the payload itself.
	const payload = message ? undefined : payloadOf(update);
	const chat = (message?.chat ?? (isObject(payload?.chat) ? payload.chat : undefined)) as
		| IDataObject
		| undefined;
	const unix = message ? message.date : payloadDate(payload);
	const date = typeof unix === 'number' ? new Date(unix * 1000).toISOString() : null;
	const text = message?.text ?? message?.caption ?? null;
	const person = (message?.from ?? payload?.user ?? payload?.from) as IDataObject | undefined;
	return {
		updateId: update.update_id ?? null,
		updateType: updateTypeOf(update),
		date,
		// A business connection names the private chat with the business account's owner.
		chatId: chat?.id ?? payload?.user_chat_id ?? null,
		chatTitle:
			(chat?.title as string | undefined) ??
			personName(chat) ??
			personName(isObject(person) ? person : undefined),
		text,
		command: command?.command ?? null,
		commandArgs: command?.args ?? [],
		update,
	};
}

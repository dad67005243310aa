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
		if (update[field] && typeof update[field] === 'object') return update[field] as IDataObject;
	}
	const callback = update.callback_query as IDataObject | undefined;
	return callback?.message as IDataObject | undefined;
}

function personName(person: IDataObject | undefined): string | null {
	if (!person) return null;
	const name = [person.first_name, person.last_name].filter(Boolean).join(' ');
	return name || (person.username ? `@${String(person.username)}` : null);
}

/**
 * The default item (the seed's field mapping): every field present, `null` when the update lacks
 * it, the raw update untouched beside it. A private chat has no title, so its person's name stands in.
 */
export function defaultItem(update: IDataObject, command: BotCommand | null = null): IDataObject {
	const message = messageOf(update);
	const chat = message?.chat as IDataObject | undefined;
	const date =
		typeof message?.date === 'number' ? new Date(message.date * 1000).toISOString() : null;
	const text = message?.text ?? message?.caption ?? null;
	return {
		updateId: update.update_id ?? null,
		updateType: updateTypeOf(update),
		date,
		chatId: chat?.id ?? null,
		chatTitle:
			(chat?.title as string | undefined) ??
			personName(chat) ??
			personName(message?.from as IDataObject | undefined),
		text,
		command: command?.command ?? null,
		commandArgs: command?.args ?? [],
		update,
	};
}

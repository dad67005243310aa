import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeError } from '../../shared/nodeError';
import { BotApiFailure, botApiRequest } from '../../shared/transport';

/**
 * Telegram has no "list my chats" method. The chats the bot can see are the ones in its pending
 * updates, so this reads them without an offset: nothing is confirmed, nothing is lost.
 */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	let updates: IDataObject[];
	try {
		updates = (
			await botApiRequest<IDataObject[]>(this, 'List Chats', 'getUpdates', {
				limit: 100,
				timeout: 0,
			})
		).result;
	} catch (error) {
		if (error instanceof BotApiFailure && error.status === 409) {
			throw new NodeOperationError(
				this.getNode(),
				'No chat list while a webhook is set: Telegram sends the updates to the webhook instead of keeping them. Choose "By ID" and enter the chat ID.',
			);
		}
		throw nodeError(this.getNode(), error);
	}
	const chats = new Map<string, string>();
	for (const update of updates) {
		for (const chat of chatsIn(update)) chats.set(String(chat.id), chatName(chat));
	}
	const needle = (filter ?? '').toLowerCase();
	const results = [...chats.entries()]
		.map(([value, name]) => ({ name: `${name} (${value})`, value }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
	return { results };
}

function chatsIn(update: IDataObject): IDataObject[] {
	const found: IDataObject[] = [];
	for (const value of Object.values(update)) {
		if (!value || typeof value !== 'object') continue;
		const holder = value as IDataObject;
		const chat = (holder.chat ?? (holder.message as IDataObject | undefined)?.chat) as
			| IDataObject
			| undefined;
		if (chat?.id !== undefined) found.push(chat);
	}
	return found;
}

function chatName(chat: IDataObject): string {
	if (chat.title) return String(chat.title);
	const name = [chat.first_name, chat.last_name].filter(Boolean).join(' ');
	return name || (chat.username ? `@${String(chat.username)}` : String(chat.id));
}

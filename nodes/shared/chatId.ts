import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemOptions } from './itemOptions';
import { parameter } from './parameters';

/**
 * `123`, `-123`, `-1001234567890` or `@channelusername` (5–32 characters, letter first). No chat
 * has the ID 0, and none is written with a leading zero.
 */
export const CHAT_ID_REGEX_SOURCE = '^(-?[1-9]\\d{0,15}|@[A-Za-z][A-Za-z0-9_]{3,31})$';
const CHAT_ID_PATTERN = new RegExp(CHAT_ID_REGEX_SOURCE);

/**
 * The chat ID as written, or undefined when it is none. Telegram's IDs fit in 52 bits; a number
 * past 2^53 would be rounded to another chat's ID on its way into the JSON body, so it is refused.
 */
export function normaliseChatId(raw: unknown): string | undefined {
	if (typeof raw === 'number' && !Number.isSafeInteger(raw)) return undefined;
	const text = String(raw ?? '').trim();
	if (!CHAT_ID_PATTERN.test(text)) return undefined;
	return text.startsWith('@') || Number.isSafeInteger(Number(text)) ? text : undefined;
}

/** Reads a chat resource locator and refuses a malformed ID before any request is made. */
export function chatIdParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	operation: string,
): string | number {
	const locator = parameter(ctx, name, itemIndex) as INodeParameterResourceLocator | string;
	const raw = typeof locator === 'object' && locator !== null ? locator.value : locator;
	const chatId = normaliseChatId(raw);
	if (chatId === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${operation}: "${String(raw ?? '')}" is not a chat ID`,
			{
				itemIndex,
				description:
					'Use the numeric ID (negative for groups, -100… for supergroups and channels) or @channelusername. Send a message to the bot and use Update → Get Many to find the ID.',
			},
		);
	}
	return chatId.startsWith('@') ? chatId : Number(chatId);
}

/** "Also Send To": IDs separated by commas, spaces or new lines, or an expression giving an array. */
export const additionalChatIdsOption = {
	displayName: 'Also Send To',
	name: 'additionalChatIds',
	type: 'string' as const,
	default: '',
	placeholder: '-1001234567890, @alerts_channel, 1001',
	description:
		'More chats that get the same message, separated by commas (or an expression giving a list). Each delivery gives its own output item; chats are served concurrently under the rate limits.',
};

/** The Chat parameter plus "Also Send To", without duplicates, each checked before any request. */
export function chatIdsParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): Array<string | number> {
	const first = chatIdParameter(ctx, 'chatId', itemIndex, operation);
	const more = itemOptions<{ additionalChatIds?: unknown }>(ctx, itemIndex).additionalChatIds ?? '';
	const raw = Array.isArray(more) ? more : String(more ?? '').split(/[\s,;]+/);
	const ids = [first];
	for (const entry of raw) {
		if (String(entry ?? '').trim() === '') continue;
		const chatId = normaliseChatId(entry);
		if (chatId === undefined) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${operation}: "${String(entry)}" in Also Send To is not a chat ID`,
				{ itemIndex, description: 'Use numeric IDs or @channelusername, separated by commas.' },
			);
		}
		const id = chatId.startsWith('@') ? chatId : Number(chatId);
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}

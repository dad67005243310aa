import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Telegram's update types, by the names `allowed_updates` takes. */
export const UPDATE_TYPES: INodePropertyOptions[] = [
	{
		name: 'Business Connection',
		value: 'business_connection',
		description: 'A business account connected the bot, changed its rights or disconnected it',
	},
	{
		name: 'Business Message',
		value: 'business_message',
		description: 'A new message in a chat of a connected business account',
	},
	{
		name: 'Callback Query',
		value: 'callback_query',
		description: 'A user pressed an inline keyboard button',
	},
	{ name: 'Channel Post', value: 'channel_post' },
	{ name: 'Chat Boost', value: 'chat_boost' },
	{ name: 'Chat Join Request', value: 'chat_join_request' },
	{
		name: 'Chat Member',
		value: 'chat_member',
		description: 'Only sent when selected explicitly; the bot must be an administrator',
	},
	{ name: 'Chosen Inline Result', value: 'chosen_inline_result' },
	{
		name: 'Deleted Business Messages',
		value: 'deleted_business_messages',
		description: 'Messages were deleted in a chat of a connected business account',
	},
	{ name: 'Edited Business Message', value: 'edited_business_message' },
	{ name: 'Edited Channel Post', value: 'edited_channel_post' },
	{
		name: 'Edited Message',
		value: 'edited_message',
		description: 'A known message was edited',
	},
	{ name: 'Inline Query', value: 'inline_query' },
	{
		name: 'Message',
		value: 'message',
		description: 'A new message of any kind: text, photo, sticker, …',
	},
	{
		name: 'Message Reaction',
		value: 'message_reaction',
		description:
			'A user changed their reaction to a message; only sent when selected explicitly, and the bot must be an administrator',
	},
	{
		name: 'Message Reaction Count',
		value: 'message_reaction_count',
		description:
			'The anonymous reactions to a channel post changed; only sent when selected explicitly',
	},
	{
		name: 'My Chat Member',
		value: 'my_chat_member',
		description: "The bot's own membership changed (added, blocked, …)",
	},
	{ name: 'Poll', value: 'poll' },
	{ name: 'Poll Answer', value: 'poll_answer' },
	{ name: 'Pre-Checkout Query', value: 'pre_checkout_query' },
	{ name: 'Removed Chat Boost', value: 'removed_chat_boost' },
	{ name: 'Shipping Query', value: 'shipping_query' },
];

/** Telegram's `allowed_updates`: an empty list means "all but chat_member and reactions". */
export function allowedUpdates(selected: string[] | undefined): string[] | undefined {
	if (!selected || selected.length === 0) return undefined;
	return selected.includes('*') ? [] : selected;
}

/**
 * What a trigger asks Telegram for: its selected types, plus what answers a Send and Wait request
 * (button presses and replies), which it hands to the waiting execution; its filters still keep
 * any other update of those types from starting its workflow.
 */
export function triggerAllowedUpdates(selected: string[] | undefined): string[] | undefined {
	const allowed = allowedUpdates(selected);
	if (!allowed || allowed.length === 0) return allowed;
	return [...new Set([...allowed, 'callback_query', 'message'])];
}

/** The "Allowed Updates" option of Get Updates and Create Webhook. */
export const allowedUpdatesOption = (description: string): INodeProperties => ({
	displayName: 'Allowed Updates',
	name: 'allowedUpdates',
	type: 'multiOptions',
	options: [{ name: 'All (Telegram Default)', value: '*' }, ...UPDATE_TYPES],
	default: [],
	description,
});

/** Sent only when asked for by name: Telegram's empty `allowed_updates` leaves them out. */
const EXPLICIT_ONLY = ['chat_member', 'message_reaction', 'message_reaction_count'];

/**
 * One getUpdates call serving several triggers asks for every type any of them wants; each
 * `allowed_updates` list as sent (`[]` is Telegram's default set, which an explicit list beside
 * it must widen, not narrow).
 */
export function unionOfAllowedUpdates(lists: string[][]): string[] {
	if (lists.every((list) => list.length === 0)) return [];
	const defaults = UPDATE_TYPES.map((option) => String(option.value)).filter(
		(type) => !EXPLICIT_ONLY.includes(type),
	);
	const union = new Set(lists.flatMap((list) => (list.length === 0 ? defaults : list)));
	return [...union].sort();
}

import { EXAMPLE_GROUP, EXAMPLE_MESSAGE, EXAMPLE_POLL, exampleChat } from '../examples';
import { boolean, chat, messageId } from '../fields';
import { row } from '../rows';
import { messageIds, reaction } from './messageFields';

const inMessage = {
	parameters: { chatId: exampleChat, messageId: EXAMPLE_MESSAGE },
	sends: { chat_id: EXAMPLE_GROUP, message_id: EXAMPLE_MESSAGE },
};

/** The message methods that are one call (see rows.ts); sends and edits are hand-written. */
export const rows = [
	row({
		value: 'deleteMessage',
		label: 'Delete Message',
		method: 'deleteMessage',
		fields: [chat, messageId],
		output: 'acknowledge',
		action: 'Delete a message',
		description:
			'Delete a message; bots can delete their own messages and, as admins, others (deleteMessage)',
		example: inMessage,
	}),
	row({
		value: 'pinMessage',
		label: 'Pin Message',
		method: 'pinChatMessage',
		fields: [
			chat,
			messageId,
			boolean('disable_notification', {
				displayName: 'Send Silently',
				name: 'disableNotification',
				inOptions: true,
				description: 'Whether members are not notified of the pin',
			}),
		],
		output: 'acknowledge',
		action: 'Pin a message',
		description: 'Pin a message in a chat where the bot may pin (pinChatMessage)',
		example: inMessage,
	}),
	row({
		value: 'unpinMessage',
		label: 'Unpin Message',
		method: 'unpinChatMessage',
		fields: [chat, messageId],
		output: 'acknowledge',
		action: 'Unpin a message',
		description: 'Unpin one pinned message (unpinChatMessage)',
		example: inMessage,
	}),
	row({
		value: 'unpinAllMessages',
		label: 'Unpin All Messages',
		method: 'unpinAllChatMessages',
		fields: [chat],
		output: 'acknowledge',
		action: 'Unpin all messages',
		description: 'Clear the list of pinned messages of a chat (unpinAllChatMessages)',
		example: { parameters: { chatId: exampleChat }, sends: { chat_id: EXAMPLE_GROUP } },
	}),
	row({
		value: 'setReaction',
		label: 'Set Message Reaction',
		name: 'React to Message',
		method: 'setMessageReaction',
		fields: [
			chat,
			messageId,
			reaction,
			boolean('is_big', {
				displayName: 'Big Animation',
				name: 'isBig',
				inOptions: true,
				description: 'Whether the reaction is shown with a big animation',
			}),
		],
		output: 'acknowledge',
		action: 'React to a message',
		description:
			'Put an emoji reaction under a message, e.g. 👀 when an alert is picked up, or remove it (setMessageReaction)',
		example: {
			parameters: { chatId: exampleChat, messageId: EXAMPLE_MESSAGE, reaction: '👀' },
			sends: {
				chat_id: EXAMPLE_GROUP,
				message_id: EXAMPLE_MESSAGE,
				reaction: [{ type: 'emoji', emoji: '👀' }],
			},
		},
	}),
	row({
		value: 'deleteMessages',
		label: 'Delete Messages',
		method: 'deleteMessages',
		fields: [chat, messageIds],
		output: 'acknowledge',
		action: 'Delete several messages',
		description:
			'Delete up to 100 messages of a chat at once; those that cannot be deleted are skipped (deleteMessages)',
		example: {
			parameters: { chatId: exampleChat, messageIds: String(EXAMPLE_MESSAGE) },
			sends: { chat_id: EXAMPLE_GROUP, message_ids: [EXAMPLE_MESSAGE] },
		},
	}),
	row({
		value: 'stopPoll',
		label: 'Stop Poll',
		method: 'stopPoll',
		fields: [chat, messageId],
		output: 'result',
		action: 'Stop a poll',
		description:
			'Close a poll the bot sent; the output is the final Poll with its results (stopPoll)',
		example: {
			parameters: { chatId: exampleChat, messageId: EXAMPLE_POLL },
			sends: { chat_id: EXAMPLE_GROUP, message_id: EXAMPLE_POLL },
		},
		readme: { output: 'the stopped Poll, with its results' },
	}),
];

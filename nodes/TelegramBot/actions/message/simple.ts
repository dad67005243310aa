import { EXAMPLE_GROUP, EXAMPLE_MESSAGE, EXAMPLE_POLL, exampleChat } from '../examples';
import { boolean, chat, messageId } from '../fields';
import { row } from '../rows';
import { messageIds, reaction } from './messageFields';

/** The message methods that are rows (see rows.ts); sends and edits are hand-written modules. */
export const rows = [
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
		value: 'unpinAllMessages',
		label: 'Unpin All Chat Messages',
		name: 'Unpin All Messages',
		method: 'unpinAllChatMessages',
		fields: [chat],
		output: 'acknowledge',
		action: 'Unpin all messages of a chat',
		description: 'Clear every pinned message of a chat (unpinAllChatMessages)',
		example: { parameters: { chatId: exampleChat }, sends: { chat_id: EXAMPLE_GROUP } },
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

import { EXAMPLE_GROUP, EXAMPLE_MESSAGE, exampleChat } from '../examples';
import { boolean, chat, messageId } from '../fields';
import { row } from '../rows';

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
];

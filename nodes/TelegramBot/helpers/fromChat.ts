import type { INodeProperties } from 'n8n-workflow';

import { CHAT_ID_REGEX_SOURCE } from './chatId';

/** The chat a forwarded or copied message comes from. */
export const fromChatProperty: INodeProperties = {
	displayName: 'From Chat ID',
	name: 'fromChatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '-1001234567890 or @channelname',
	description: 'The chat the message is in now',
};

export const FROM_CHAT_PATTERN = new RegExp(CHAT_ID_REGEX_SOURCE);

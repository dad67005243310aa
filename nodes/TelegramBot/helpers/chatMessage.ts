import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatIdParameter } from '../../shared/chatId';
import { positiveInteger } from './fields';

/** chat_id and message_id of a message to edit, delete or pin, checked before any request. */
export function chatMessageBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
): IDataObject {
	return {
		chat_id: chatIdParameter(ctx, 'chatId', itemIndex, label),
		message_id: positiveInteger(ctx, 'messageId', itemIndex, label, 'Message ID'),
	};
}

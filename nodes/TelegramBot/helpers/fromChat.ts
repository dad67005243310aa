import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseChatId } from '../../shared/chatId';
import { positiveInteger } from './fields';
import { parameter } from '../../shared/parameters';

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

/** from_chat_id and (unless told not to) message_id of a message to forward or copy, checked before any request. */
export function fromChatBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	withMessageId = true,
): IDataObject {
	const raw = parameter(ctx, 'fromChatId', itemIndex, '');
	const fromChatId = normaliseChatId(raw);
	if (fromChatId === undefined) {
		throw new NodeOperationError(ctx.getNode(), `${label}: "${String(raw)}" is not a chat ID`, {
			itemIndex,
		});
	}
	const from_chat_id = fromChatId.startsWith('@') ? fromChatId : Number(fromChatId);
	if (!withMessageId) return { from_chat_id };
	return {
		from_chat_id,
		message_id: positiveInteger(ctx, 'messageId', itemIndex, label, 'Message ID'),
	};
}

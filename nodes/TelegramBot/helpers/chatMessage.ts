import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chatIdParameter } from '../../shared/chatId';
import { chatLocator } from '../descriptions/chatLocator';
import { messageIdProperty, positiveInteger, requiredText } from './fields';
import { parameter } from '../../shared/parameters';

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

const inChat = { show: { editTarget: ['chat'] } };

/**
 * Which message an edit changes: one the bot sent to a chat (chat and message ID), or one sent
 * through an inline query, which only its inline_message_id names (Telegram then answers `true`).
 */
export const editTargetProperties: INodeProperties[] = [
	{
		displayName: 'Message to Edit',
		name: 'editTarget',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Message in a Chat',
				value: 'chat',
				description: 'A message the bot sent: its chat and message ID',
			},
			{
				name: 'Inline Message',
				value: 'inline',
				description:
					'A message sent through an inline query; the output is { result: true }, not the message',
			},
		],
		default: 'chat',
	},
	{ ...chatLocator, displayOptions: inChat },
	{ ...messageIdProperty, displayOptions: inChat },
	{
		displayName: 'Inline Message ID',
		name: 'inlineMessageId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { editTarget: ['inline'] } },
		description:
			'The inline_message_id of a chosen_inline_result update, or of a callback_query from a button under such a message',
	},
];

/** chat_id + message_id, or inline_message_id, as the edit's Message to Edit says. */
export function editTargetBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
): IDataObject {
	if (parameter(ctx, 'editTarget', itemIndex, 'chat') !== 'inline')
		return chatMessageBody(ctx, itemIndex, label);
	return {
		inline_message_id: requiredText(
			ctx,
			'inlineMessageId',
			itemIndex,
			label,
			'the inline message ID',
		),
	};
}

/**
 * A list of message IDs (forward, copy or delete several): 1-100 positive whole numbers, sent in
 * the strictly increasing order Telegram asks for.
 */
export function messageIdsParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
): number[] {
	const raw = parameter(ctx, 'messageIds', itemIndex, '') as string | number | number[];
	const parts = (Array.isArray(raw) ? raw : String(raw).split(/[\s,]+/))
		.map((part) => String(part).trim())
		.filter(Boolean);
	const bad = parts.find((part) => !/^[1-9]\d{0,15}$/.test(part));
	if (bad !== undefined || parts.length === 0 || parts.length > 100) {
		throw new NodeOperationError(
			ctx.getNode(),
			bad !== undefined
				? `${label}: "${bad.slice(0, 40)}" is not a message ID`
				: `${label}: give 1 to 100 message IDs, not ${parts.length}`,
			{ itemIndex, description: 'Message IDs are positive whole numbers, e.g. 41, 42, 43.' },
		);
	}
	return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

export const messageIdsProperty: INodeProperties = {
	displayName: 'Message IDs',
	name: 'messageIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 41, 42, 43',
	description: '1–100 message IDs, separated by commas; their order does not matter',
};

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parameter } from '../../shared/parameters';

export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'number',
	default: 0,
	required: true,
	description: 'The message_id of a message in the chat (from a send or the trigger)',
};

export const userIdProperty: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'number',
	default: 0,
	required: true,
	description: "The user's numeric ID, as in the sender (from) of a message",
};

/** A positive integer parameter, refused with a sentence before any request. */
export function positiveInteger(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	operation: string,
	displayName: string,
): number {
	const value = Number(parameter(ctx, name, itemIndex));
	if (!Number.isInteger(value) || value <= 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${operation}: ${displayName} must be a positive whole number, not "${String(value)}"`,
			{ itemIndex },
		);
	}
	return value;
}

/** A required text parameter, refused when empty or too long before any request. */
export function requiredText(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	operation: string,
	displayName: string,
	maxLength?: number,
): string {
	const value = String(parameter(ctx, name, itemIndex, '') ?? '');
	if (value.trim() === '')
		throw new NodeOperationError(ctx.getNode(), `${operation}: ${displayName} is empty`, {
			itemIndex,
		});
	if (maxLength !== undefined && [...value].length > maxLength) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${operation}: ${displayName} is ${[...value].length} characters long, Telegram accepts ${maxLength}`,
			{ itemIndex },
		);
	}
	return value;
}

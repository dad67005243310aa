import { messageIdProperty } from '../../helpers/fields';
import { fromChatBody, fromChatProperty } from '../../helpers/fromChat';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

export const copyMessage = sendOperation({
	resource: 'message',
	operation: 'copyMessage',
	label: 'Copy Message',
	method: 'copyMessage',
	formats: 'caption',
	properties: [
		fromChatProperty,
		messageIdProperty,
		{
			displayName: 'New Caption',
			name: 'caption',
			type: 'string',
			default: '',
			description: 'Replaces the caption of a copied media message; empty keeps it',
		},
	],
	async prepare(ctx, itemIndex) {
		const caption = parameter(ctx, 'caption', itemIndex, '') as string;
		return {
			body: { ...fromChatBody(ctx, itemIndex, 'Copy Message'), ...(caption ? { caption } : {}) },
		};
	},
});

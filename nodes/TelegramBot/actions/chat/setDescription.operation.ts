import { NodeOperationError } from 'n8n-workflow';

import { chatCall } from './chatCall';

export const setDescription = chatCall({
	operation: 'setDescription',
	label: 'Set Chat Description',
	method: 'setChatDescription',
	output: 'acknowledge',
	properties: [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: '0–255 characters; empty removes it',
		},
	],
	body: (ctx, itemIndex) => {
		const description = String(ctx.getNodeParameter('description', itemIndex, ''));
		if ([...description].length > 255)
			throw new NodeOperationError(
				ctx.getNode(),
				'Set Chat Description: the description is over 255 characters',
				{ itemIndex },
			);
		return { description };
	},
});

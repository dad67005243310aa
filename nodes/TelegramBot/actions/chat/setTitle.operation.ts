import { requiredText } from '../../helpers/fields';
import { chatCall } from './chatCall';

export const setTitle = chatCall({
	operation: 'setTitle',
	label: 'Set Chat Title',
	method: 'setChatTitle',
	output: 'acknowledge',
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			description: '1–128 characters',
		},
	],
	body: (ctx, itemIndex) => ({
		title: requiredText(ctx, 'title', itemIndex, 'Set Chat Title', 'the title', 128),
	}),
});

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callOperation } from '../callOperation';

const label = 'Answer Callback Query';

export const answerQuery = callOperation({
	resource: 'callback',
	operation: 'answerQuery',
	label,
	method: 'answerCallbackQuery',
	output: 'acknowledge',
	properties: [
		{
			displayName: 'Callback Query ID',
			name: 'queryId',
			type: 'string',
			default: '={{ $json.update?.callback_query?.id }}',
			required: true,
			description:
				"The ID of the button press, from the trigger's callback query; answer within 10 seconds or the button keeps spinning",
		},
	],
	options: [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			default: '',
			description: 'Notification shown to the user, up to 200 characters',
		},
		{
			displayName: 'Show as Alert',
			name: 'showAlert',
			type: 'boolean',
			default: false,
			description: 'Whether the text is an alert to dismiss rather than a toast',
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			description: 'A t.me link that opens your bot with a start parameter, or a game URL',
		},
		{
			displayName: 'Cache Time (Seconds)',
			name: 'cacheTime',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How long clients may cache this answer',
		},
	],
	body(ctx, itemIndex) {
		const id = String(ctx.getNodeParameter('queryId', itemIndex, '') ?? '').trim();
		if (!id)
			throw new NodeOperationError(ctx.getNode(), `${label}: no callback query ID`, {
				itemIndex,
				description: 'Map callback_query.id from the trigger.',
			});
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const text = String(options.text ?? '');
		if ([...text].length > 200)
			throw new NodeOperationError(ctx.getNode(), `${label}: the text is over 200 characters`, {
				itemIndex,
			});
		const body: IDataObject = { callback_query_id: id };
		if (text) body.text = text;
		if (options.showAlert) body.show_alert = true;
		if (options.url) body.url = options.url;
		if (options.cacheTime) body.cache_time = options.cacheTime;
		return body;
	},
});

import type { IDataObject } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { callOperation } from '../callOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Answer Inline Query';
const RESULT_TYPES = [
	'article',
	'photo',
	'gif',
	'mpeg4_gif',
	'video',
	'audio',
	'voice',
	'document',
	'location',
	'venue',
	'contact',
	'game',
	'sticker',
];

export const answerInlineQuery = callOperation({
	resource: 'callback',
	operation: 'answerInlineQuery',
	label,
	method: 'answerInlineQuery',
	output: 'acknowledge',
	properties: [
		{
			displayName: 'Inline Query ID',
			name: 'queryId',
			type: 'string',
			default: '={{ $json.update?.inline_query?.id }}',
			required: true,
		},
		{
			displayName: 'Results (JSON)',
			name: 'results',
			type: 'json',
			default:
				'[\n  {\n    "type": "article",\n    "id": "1",\n    "title": "Policy",\n    "input_message_content": { "message_text": "See the policy" }\n  }\n]',
			required: true,
			description: 'Up to 50 InlineQueryResult objects, each with a type and a unique ID',
		},
	],
	options: [
		{
			displayName: 'Cache Time (Seconds)',
			name: 'cacheTime',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 300,
		},
		{
			displayName: 'Personal',
			name: 'isPersonal',
			type: 'boolean',
			default: false,
			description: 'Whether results are cached for this user only',
		},
	],
	body(ctx, itemIndex) {
		const fail = (message: string) =>
			new NodeOperationError(ctx.getNode(), `${label}: ${message}`, { itemIndex });
		const id = String(parameter(ctx, 'queryId', itemIndex, '') ?? '').trim();
		if (!id) throw fail('no inline query ID');
		const raw = parameter(ctx, 'results', itemIndex) as string | unknown[];
		const results =
			typeof raw === 'string' ? jsonParse<unknown>(raw, { fallbackValue: null }) : raw;
		if (!Array.isArray(results))
			throw fail('Results must be a JSON array of InlineQueryResult objects');
		if (results.length > 50) throw fail(`Telegram takes up to 50 results, got ${results.length}`);
		const ids = new Set<string>();
		results.forEach((result, index) => {
			const entry = result as IDataObject;
			if (!entry || typeof entry !== 'object') throw fail(`result ${index + 1} is not an object`);
			if (!RESULT_TYPES.includes(String(entry.type)))
				throw fail(`result ${index + 1} has no known type (${RESULT_TYPES.join(', ')})`);
			const resultId = String(entry.id ?? '');
			if (!resultId || Buffer.byteLength(resultId) > 64)
				throw fail(`result ${index + 1} needs an id of 1–64 bytes`);
			if (ids.has(resultId)) throw fail(`the id "${resultId}" is used twice`);
			ids.add(resultId);
		});
		const options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		return {
			inline_query_id: id,
			results: results as IDataObject[],
			cache_time: options.cacheTime ?? 300,
			...(options.isPersonal ? { is_personal: true } : {}),
		};
	},
});

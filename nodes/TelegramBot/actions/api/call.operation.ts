import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { jsonParse, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { normaliseChatId } from '../../../shared/chatId';
import { binaryUpload } from '../../helpers/mediaInput';
import { RATE_LIMIT_OPTIONS } from '../../descriptions/rateLimitOptions';
import { optionsWithRetry } from '../../descriptions/retryOption';
import { callBotApi, type Upload } from '../../../shared/transport';
import { sendToChats } from '../sendOperation';
import { callPolicy } from '../../helpers/policy';
import type { OperationModule } from '../types';
import { parameter } from '../../../shared/parameters';

export const label = 'Call API Method';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'sendContact',
		description: 'Any Bot API method by name, for what the other operations do not cover',
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parameters',
		type: 'json',
		default: '{}',
		description:
			"The method's parameters as one JSON object. With a chat_id the call waits for that chat's rate limits.",
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description:
			'Binary fields sent as files: refer to one as attach://&lt;name&gt; in the parameters, or name it after the parameter it fills',
		options: [
			{
				name: 'attachment',
				displayName: 'Attachment',
				values: [
					{
						displayName: 'Name',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'document',
					},
					{
						displayName: 'Input Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
					},
				],
			},
		],
	},
	optionsWithRetry(RATE_LIMIT_OPTIONS),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fail = (message: string, description?: string) =>
		new NodeOperationError(this.getNode(), `${label}: ${message}`, { itemIndex, description });
	const method = String(parameter(this, 'method', itemIndex, '') ?? '').trim();
	if (!/^[a-zA-Z]{2,64}$/.test(method))
		throw fail(
			`"${method}" is not a Bot API method name`,
			'Use the name from core.telegram.org/bots/api, such as sendContact.',
		);
	const raw = parameter(this, 'parameters', itemIndex, '{}') as string | IDataObject;
	const body =
		typeof raw === 'string' ? jsonParse<unknown>(raw || '{}', { fallbackValue: null }) : raw;
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw fail('Parameters must be one JSON object');
	const params = body as IDataObject;
	const entries =
		(
			parameter(this, 'attachments', itemIndex, {}) as {
				attachment?: Array<{ field: string; binaryPropertyName: string }>;
			}
		).attachment ?? [];
	const chat = params.chat_id === undefined ? undefined : normaliseChatId(params.chat_id);
	if (params.chat_id !== undefined && chat === undefined)
		throw fail(`"${String(params.chat_id)}" is not a chat ID`);
	const uploads = async () => {
		const files: Upload[] = [];
		for (const { field, binaryPropertyName } of entries) {
			if (!/^[A-Za-z0-9_]+$/.test(field ?? ''))
				throw fail(`the attachment name "${field}" is not a field name`);
			files.push(
				(await binaryUpload(this, itemIndex, binaryPropertyName || 'data', field)).upload!,
			);
		}
		return files;
	};
	if (chat !== undefined) {
		// A send like any other: the chat's order, the budgets, migration; no plain-text fallback,
		// the parameters go as written.
		const plan = uploads().then((files) => ({
			messages: [{ method, body: params }],
			uploads: files,
			fallback: false,
		}));
		return await sendToChats(
			this,
			itemIndex,
			label,
			[chat.startsWith('@') ? chat : Number(chat)],
			plan,
			asJson,
		);
	}
	const result = await callBotApi(this, label, method, params, {
		...callPolicy(this, itemIndex),
		uploads: await uploads(),
	});
	return [{ json: asJson(result)[0], pairedItem: { item: itemIndex } }];
}

/** An object answer as it is; anything else (true, a list) under `result`. */
function asJson(result: unknown): IDataObject[] {
	return [
		result !== null && typeof result === 'object' && !Array.isArray(result)
			? { ...(result as IDataObject) }
			: { result: result as IDataObject[] },
	];
}

export const call: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['api'], operation: ['call'] } },
		properties,
	),
	execute,
	concurrent: true,
};

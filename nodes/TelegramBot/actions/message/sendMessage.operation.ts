import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { chatIdParameter } from '../../helpers/chatId';
import { chatLocator } from '../../helpers/chatLocator';
import { sendOptions, sendOptionsBody, type SendOptions } from '../../helpers/sendOptions';
import { callBotApi } from '../../transport';
import type { OperationModule } from '../types';

export const label = 'Send Message';

const properties: INodeProperties[] = [
	chatLocator,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The message, 1–4096 characters after markup is parsed',
	},
	sendOptions,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chatId = chatIdParameter(this, 'chatId', itemIndex, label);
	const text = this.getNodeParameter('text', itemIndex) as string;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new NodeOperationError(this.getNode(), `${label}: the text is empty`, {
			itemIndex,
			description: 'Telegram refuses empty messages. Check the expression that fills Text.',
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as SendOptions;
	const body: IDataObject = {
		chat_id: chatId,
		text,
		...sendOptionsBody(options),
	};
	const message = await callBotApi<IDataObject>(this, label, 'sendMessage', body, { itemIndex });
	return [{ json: message, pairedItem: { item: itemIndex } }];
}

export const sendMessage: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['message'], operation: ['sendMessage'] } },
		properties,
	),
	execute,
};

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { callBotApi } from '../../transport';
import type { OperationModule } from '../types';

export const label = 'Get Webhook Info';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const info = await callBotApi<IDataObject>(this, label, 'getWebhookInfo', {}, { itemIndex });
	return [{ json: info, pairedItem: { item: itemIndex } }];
}

export const getWebhook: OperationModule = { label, description: [], execute };

import type { IExecuteFunctions, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { callBotApi } from '../../transport';
import type { OperationModule } from '../types';

export const label = 'Get Bot';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const bot = await callBotApi<IDataObject>(this, label, 'getMe', {}, { itemIndex });
	return [{ json: bot, pairedItem: { item: itemIndex } }];
}

export const getBot: OperationModule = { label, description: [], execute };

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsWithRetry } from '../../descriptions/retryOption';

import { callBotApi } from '../../../shared/transport';
import { callPolicy } from '../../helpers/policy';
import type { OperationModule } from '../types';

export const label = 'Get Webhook Info';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const info = await callBotApi<IDataObject>(
		this,
		label,
		'getWebhookInfo',
		{},
		callPolicy(this, itemIndex),
	);
	return [{ json: info, pairedItem: { item: itemIndex } }];
}

export const getWebhook: OperationModule = {
	label,
	description: updateDisplayOptions({ show: { resource: ['webhook'], operation: ['get'] } }, [
		optionsWithRetry(),
	]),
	execute,
};

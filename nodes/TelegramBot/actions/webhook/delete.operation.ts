import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acknowledgeBotApi } from '../../../shared/transport';
import { callPolicy } from '../../helpers/policy';
import { optionsWithRetry } from '../../descriptions/retryOption';
import type { OperationModule } from '../types';

export const label = 'Remove Webhook';

const properties: INodeProperties[] = [
	optionsWithRetry([
		{
			displayName: 'Drop Pending Updates',
			name: 'dropPendingUpdates',
			type: 'boolean',
			default: false,
			description: 'Whether to discard the updates waiting in the queue',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		dropPendingUpdates?: boolean;
	};
	const body = options.dropPendingUpdates ? { drop_pending_updates: true } : {};
	const ack = await acknowledgeBotApi(
		this,
		label,
		'deleteWebhook',
		body,
		callPolicy(this, itemIndex),
	);
	return [{ json: ack, pairedItem: { item: itemIndex } }];
}

export const deleteWebhook: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['webhook'], operation: ['delete'] } },
		properties,
	),
	execute,
};

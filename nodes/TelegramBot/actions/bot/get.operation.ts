import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsWithRetry } from '../../descriptions/retryOption';

import { callBotApi } from '../../../shared/transport';
import { callPolicy } from '../../helpers/policy';
import type { OperationModule } from '../types';

export const label = 'Get Bot';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const bot = await callBotApi<IDataObject>(this, label, 'getMe', {}, callPolicy(this, itemIndex));
	return [{ json: bot, pairedItem: { item: itemIndex } }];
}

export const getBot: OperationModule = {
	label,
	description: updateDisplayOptions({ show: { resource: ['bot'], operation: ['get'] } }, [
		optionsWithRetry(),
	]),
	execute,
};

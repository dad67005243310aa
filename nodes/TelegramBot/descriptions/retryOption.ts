import type { INodeProperties } from 'n8n-workflow';

import { byPurpose } from './sendOptions';

/** In every operation's Options: how long flood control (429), 5xx and lost connections may be waited out. */
export const retryWaitLimit: INodeProperties = {
	displayName: 'Retry Wait Limit (Seconds)',
	name: 'retryWaitLimit',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 3600 },
	default: 120,
	description:
		'Total time one request may wait for retries: a 429 waits exactly the retry_after Telegram gives, a 5xx or lost connection waits 0.5 s, 1 s, 2 s, … Past the limit the item fails and says how long it waited. 0 turns retries off.',
};

/** In every operation's Options: a server that accepts the connection and never answers. */
export const requestTimeout: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 3600 },
	default: 30,
	description:
		'How long one request may wait for an answer (uploads wait 600 s unless set). A timed-out send is not repeated: Telegram may have delivered it.',
};

export const optionsWithRetry = (options: INodeProperties[] = []): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: byPurpose([...options, requestTimeout, retryWaitLimit]),
});

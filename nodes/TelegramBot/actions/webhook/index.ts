import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { createWebhook } from './create.operation';
import { rows } from './simple';

export const webhook: Resource = {
	value: 'webhook',
	name: 'Webhook',
	defaultOperation: 'get',
	operations: [
		{
			value: 'create',
			name: 'Create',
			module: createWebhook,
			method: 'setWebhook',
			action: 'Create a webhook',
			description: 'Tell Telegram where to POST updates (setWebhook)',
			example: { parameters: { url: 'https://n8n.example.com/webhook/x' } },
			readme: {
				inputs:
					'`url` (HTTPS; plain HTTP only with a self-hosted `http://` server); options: secret token, allowed updates, drop pending updates, max connections (1–100), IP address',
				output: '`{ "ok": true, "description": "Webhook was set" }`',
			},
		},
		...rows.map((spec) => rowEntry('webhook', spec)),
	],
};

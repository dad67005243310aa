import { boolean } from '../fields';
import { row } from '../rows';

/** The webhook methods that are one call (see rows.ts); Create checks its URL first. */
export const rows = [
	row({
		value: 'delete',
		name: 'Delete',
		label: 'Remove Webhook',
		method: 'deleteWebhook',
		fields: [
			boolean('drop_pending_updates', {
				displayName: 'Drop Pending Updates',
				name: 'dropPendingUpdates',
				inOptions: true,
				description: 'Whether to discard the updates waiting in the queue',
			}),
		],
		output: 'acknowledge',
		action: 'Remove the webhook',
		description: 'Stop webhook delivery so updates can be polled again (deleteWebhook)',
		example: { parameters: {} },
		readme: { output: '`{ "ok": true, "description": "Webhook was deleted" }`' },
	}),
	row({
		value: 'get',
		name: 'Get',
		label: 'Get Webhook Info',
		method: 'getWebhookInfo',
		fields: [],
		output: 'result',
		action: 'Get webhook info',
		description:
			'Read the registered URL, pending update count and last delivery error (getWebhookInfo)',
		example: { parameters: {} },
		readme: {
			output: 'one item: WebhookInfo (`url`, `pending_update_count`, `last_error_message`, …)',
		},
	}),
];

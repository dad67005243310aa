import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { optionsCollection, updatesProperty } from '../shared/updates/properties';
import { subscribe } from './poller';
import { preparePolling, type PollingOptions } from './preparePolling';

/**
 * A node of its own, not a mode of Telegram Bot Trigger: n8n registers a node's `webhooks` on
 * every activation whatever its parameters, and runs `trigger()` beside them when both exist.
 * A polling mode would still hold a webhook path and show a webhook URL it never uses.
 */
export class TelegramBotPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot Polling Trigger',
		name: 'telegramBotPollingTrigger',
		icon: {
			light: 'file:../../icons/telegramBotPolling.svg',
			dark: 'file:../../icons/telegramBotPolling.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Polling: " + $parameter["updates"].join(", ") }}',
		description:
			"Starts the workflow on the bot's updates, fetched with long polling: works on localhost, without a public HTTPS URL",
		defaults: { name: 'Telegram Bot Polling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telegramBotApi', required: true }],
		properties: [
			{
				displayName:
					'For n8n without a public HTTPS address (localhost, plain HTTP, behind NAT). Several workflows can poll the same bot, each with its own filters. A bot delivers its updates either to a webhook or to polling: this trigger will not start while a webhook is set, unless "Remove Existing Webhook" is on.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			updatesProperty,
			optionsCollection([
				{
					displayName: 'Long Poll Timeout (Seconds)',
					name: 'pollTimeout',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 50 },
					default: 30,
					description:
						'How long Telegram holds each getUpdates call open while there is nothing new',
				},
				{
					displayName: 'Remove Existing Webhook',
					name: 'removeWebhook',
					type: 'boolean',
					default: false,
					description:
						"Whether to delete the bot's webhook so polling can start, on activation. The workflow or service that set it stops receiving updates. A test listen never deletes a webhook.",
				},
			]),
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const settings = await preparePolling(this);
		const options = this.getNodeParameter('options', {}) as PollingOptions;
		// Every polling trigger on this bot in this n8n process shares one getUpdates stream: a second
		// workflow, or a test listen beside the active one, gets the updates its filters let through
		// without taking them from the others.
		const subscription = await subscribe(this, settings, {
			timeoutSeconds: options.pollTimeout ?? 30,
			once: this.getMode() === 'manual',
		});
		return { closeFunction: async () => await subscription.stop() };
	}
}

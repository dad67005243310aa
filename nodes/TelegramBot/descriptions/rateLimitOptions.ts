import type { INodeProperties } from 'n8n-workflow';

/** Options of every send: the budgets the delivery engine keeps. Defaults are Telegram's published limits. */
export const RATE_LIMIT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Sends per Second (All)',
		name: 'messagesPerSecond',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 30,
		description:
			'How many messages the bot sends per second in total. Telegram allows about 30; raise it only for paid broadcasts (up to 1000) or a self-hosted server.',
	},
	{
		displayName: 'Sends per Second (Chat)',
		name: 'messagesPerChatPerSecond',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 1 },
		default: 1,
		description:
			'How many messages one chat receives per second. Telegram allows about 1; chats are served concurrently, each in order.',
	},
	{
		displayName: 'Sends per Minute (Group)',
		name: 'messagesPerGroupPerMinute',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 6000 },
		default: 20,
		description:
			'How many messages one group, supergroup or channel receives per minute. Telegram allows 20.',
	},
];

import { NodeOperationError } from 'n8n-workflow';

import { boolean, number, type Field } from '../fields';
import { parameter } from '../../../shared/parameters';

export const forChannels: Field<'for_channels'> = boolean('for_channels', {
	displayName: 'For Channels',
	name: 'forChannels',
	inOptions: true,
	description: 'Whether these are the rights in channels; otherwise in groups and supergroups',
});

/** A private chat, or none for the bot's default (getChatMenuButton, setChatMenuButton). */
export const menuChat: Field<'chat_id'> = number('chat_id', {
	displayName: 'Private Chat ID',
	name: 'privateChatId',
	inOptions: true,
	description: "A user's private chat with the bot; 0 for the bot's default button",
});

/** The menu button: the command list, a web app (text and HTTPS URL), or Telegram's default. */
export const menuButton: Field<'menu_button'> = {
	params: ['menu_button'],
	properties: [
		{
			displayName: 'Menu Button',
			name: 'menuButtonType',
			type: 'options',
			options: [
				{ name: 'Command List', value: 'commands' },
				{ name: 'Web App', value: 'web_app' },
				{ name: 'Telegram Default', value: 'default' },
			],
			default: 'commands',
		},
		{
			displayName: 'Button Text',
			name: 'menuButtonText',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { menuButtonType: ['web_app'] } },
			placeholder: 'e.g. Dashboard',
		},
		{
			displayName: 'Web App URL',
			name: 'menuButtonUrl',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { menuButtonType: ['web_app'] } },
			placeholder: 'https://dashboard.example.com/telegram',
		},
	],
	inOptions: false,
	body: (ctx, itemIndex, label) => {
		const type = String(parameter(ctx, 'menuButtonType', itemIndex, 'commands'));
		if (type !== 'web_app') return { menu_button: { type } };
		const text = String(parameter(ctx, 'menuButtonText', itemIndex, '')).trim();
		const url = String(parameter(ctx, 'menuButtonUrl', itemIndex, '')).trim();
		if (!text || !/^https:\/\//i.test(url))
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}: a web app button needs a text and an https:// URL`,
				{ itemIndex },
			);
		return { menu_button: { type, text, web_app: { url } } };
	},
};

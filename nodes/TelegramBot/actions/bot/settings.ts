import { row } from '../rows';
import { defaultRights } from '../chat/rightsFields';
import { forChannels, menuButton, menuChat } from './adminFields';

const none = { parameters: {} };

/** The bot's settings for groups and private chats: default admin rights, the menu button. */
export const settingsRows = [
	row({
		value: 'getDefaultAdministratorRights',
		label: 'Get Default Administrator Rights',
		name: 'Get Default Admin Rights',
		method: 'getMyDefaultAdministratorRights',
		fields: [forChannels],
		output: 'result',
		action: 'Get the default admin rights',
		description:
			'Get the rights Telegram suggests when users add the bot as an administrator (getMyDefaultAdministratorRights)',
		example: none,
		readme: { output: 'the ChatAdministratorRights' },
	}),
	row({
		value: 'setDefaultAdministratorRights',
		label: 'Set Default Administrator Rights',
		name: 'Set Default Admin Rights',
		method: 'setMyDefaultAdministratorRights',
		fields: [defaultRights, forChannels],
		output: 'acknowledge',
		action: 'Set the default admin rights',
		description:
			'Set the rights Telegram suggests when users add the bot as an administrator of a group or channel (setMyDefaultAdministratorRights)',
		example: { parameters: { rights: ['can_delete_messages', 'can_pin_messages'] } },
	}),
	row({
		value: 'getMenuButton',
		label: 'Get Menu Button',
		method: 'getChatMenuButton',
		fields: [menuChat],
		output: 'result',
		action: "Get the bot's menu button",
		description:
			"Get the button next to the message field in a private chat, or the bot's default (getChatMenuButton)",
		example: none,
		readme: { output: 'the MenuButton' },
	}),
	row({
		value: 'setMenuButton',
		label: 'Set Menu Button',
		method: 'setChatMenuButton',
		fields: [menuButton, menuChat],
		output: 'acknowledge',
		action: "Set the bot's menu button",
		description:
			'Set the button next to the message field: the command list, a web app, or the default (setChatMenuButton)',
		example: {
			parameters: { menuButtonType: 'commands' },
			sends: { menu_button: { type: 'commands' } },
		},
	}),
];

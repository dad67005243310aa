import { setBotText } from './botText';

export const setDescription = setBotText({
	operation: 'setDescription',
	label: 'Set Description',
	method: 'setMyDescription',
	field: 'description',
	displayName: 'Description',
	maxLength: 512,
	description: 'Shown in an empty chat with the bot, under "What can this bot do?".',
});

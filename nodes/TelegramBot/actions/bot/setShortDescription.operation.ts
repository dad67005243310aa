import { setBotText } from './botText';

export const setShortDescription = setBotText({
	operation: 'setShortDescription',
	label: 'Set Short Description',
	method: 'setMyShortDescription',
	field: 'shortDescription',
	displayName: 'Short Description',
	maxLength: 120,
	description: 'Shown on the bot profile page and when the bot is shared.',
});

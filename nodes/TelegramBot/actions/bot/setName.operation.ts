import { setBotText } from './botText';

export const setName = setBotText({
	operation: 'setName',
	label: 'Set Name',
	method: 'setMyName',
	field: 'name',
	displayName: 'Name',
	maxLength: 64,
	description: 'The bot name shown in chats.',
});

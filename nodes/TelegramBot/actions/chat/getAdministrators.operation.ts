import { chatCall } from './chatCall';

export const getAdministrators = chatCall({
	operation: 'getAdministrators',
	label: 'Get Chat Administrators',
	method: 'getChatAdministrators',
	output: 'each',
});

import { chatCall } from './chatCall';

export const getMemberCount = chatCall({
	operation: 'getMemberCount',
	label: 'Get Chat Member Count',
	method: 'getChatMemberCount',
	output: 'result',
});

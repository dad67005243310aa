import { chatCall } from './chatCall';

export const leave = chatCall({
	operation: 'leave',
	label: 'Leave Chat',
	method: 'leaveChat',
	output: 'acknowledge',
});

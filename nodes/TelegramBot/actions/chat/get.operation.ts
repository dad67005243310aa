import { chatCall } from './chatCall';

export const get = chatCall({
	operation: 'get',
	label: 'Get Chat',
	method: 'getChat',
	output: 'result',
});

import { mediaSend } from './mediaSend';

export const sendAudio = mediaSend({
	operation: 'sendAudio',
	label: 'Send Audio',
	method: 'sendAudio',
	field: 'audio',
	noun: 'Audio',
});

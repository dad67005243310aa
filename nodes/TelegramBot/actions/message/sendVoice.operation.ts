import { mediaSend } from './mediaSend';

export const sendVoice = mediaSend({
	operation: 'sendVoice',
	label: 'Send Voice',
	method: 'sendVoice',
	field: 'voice',
	noun: 'Voice Message',
});

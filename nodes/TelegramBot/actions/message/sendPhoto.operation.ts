import { mediaSend } from './mediaSend';

export const sendPhoto = mediaSend({
	operation: 'sendPhoto',
	label: 'Send Photo',
	method: 'sendPhoto',
	field: 'photo',
	noun: 'Photo',
	spoiler: true,
});

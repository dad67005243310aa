import { mediaSend } from './mediaSend';

export const sendSticker = mediaSend({
	operation: 'sendSticker',
	label: 'Send Sticker',
	method: 'sendSticker',
	field: 'sticker',
	noun: 'Sticker',
	caption: false,
});

import { mediaSend } from './mediaSend';

export const sendVideoNote = mediaSend({
	operation: 'sendVideoNote',
	label: 'Send Video Note',
	method: 'sendVideoNote',
	field: 'video_note',
	noun: 'Video Note',
	caption: false,
});

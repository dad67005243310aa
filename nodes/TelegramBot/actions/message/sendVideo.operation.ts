import { mediaSend } from './mediaSend';

export const sendVideo = mediaSend({
	operation: 'sendVideo',
	label: 'Send Video',
	method: 'sendVideo',
	field: 'video',
	noun: 'Video',
	spoiler: true,
});

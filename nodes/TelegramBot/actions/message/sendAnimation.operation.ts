import { mediaSend } from './mediaSend';

export const sendAnimation = mediaSend({
	operation: 'sendAnimation',
	label: 'Send Animation',
	method: 'sendAnimation',
	field: 'animation',
	noun: 'Animation (GIF)',
	spoiler: true,
});

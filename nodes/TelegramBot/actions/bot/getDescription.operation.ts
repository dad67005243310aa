import { getBotText } from './botText';

export const getDescription = getBotText({
	operation: 'getDescription',
	label: 'Get Description',
	method: 'getMyDescription',
});

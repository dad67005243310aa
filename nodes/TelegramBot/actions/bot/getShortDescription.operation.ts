import { getBotText } from './botText';

export const getShortDescription = getBotText({
	operation: 'getShortDescription',
	label: 'Get Short Description',
	method: 'getMyShortDescription',
});

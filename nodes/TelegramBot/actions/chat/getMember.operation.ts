import { positiveInteger, userIdProperty } from '../../helpers/fields';
import { chatCall } from './chatCall';

export const getMember = chatCall({
	operation: 'getMember',
	label: 'Get Chat Member',
	method: 'getChatMember',
	output: 'result',
	properties: [userIdProperty],
	body: (ctx, itemIndex) => ({
		user_id: positiveInteger(ctx, 'userId', itemIndex, 'Get Chat Member', 'User ID'),
	}),
});

import { positiveInteger, userIdProperty } from '../../helpers/fields';
import { chatCall } from './chatCall';

export const unbanMember = chatCall({
	operation: 'unbanMember',
	label: 'Unban Chat Member',
	method: 'unbanChatMember',
	output: 'acknowledge',
	properties: [userIdProperty],
	// Without only_if_banned Telegram removes a member who was never banned.
	body: (ctx, itemIndex) => ({
		user_id: positiveInteger(ctx, 'userId', itemIndex, 'Unban Chat Member', 'User ID'),
		only_if_banned: true,
	}),
});

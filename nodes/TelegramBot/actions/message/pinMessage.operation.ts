import { chatMessageBody } from '../../helpers/chatMessage';
import { chatLocator } from '../../descriptions/chatLocator';
import { messageIdProperty } from '../../helpers/fields';
import { callOperation } from '../callOperation';

export const pinMessage = callOperation({
	resource: 'message',
	operation: 'pinMessage',
	label: 'Pin Message',
	method: 'pinChatMessage',
	output: 'acknowledge',
	properties: [chatLocator, messageIdProperty],
	options: [
		{
			displayName: 'Send Silently',
			name: 'disableNotification',
			type: 'boolean',
			default: false,
			description: 'Whether members are not notified of the pin',
		},
	],
	body: (ctx, itemIndex) => ({
		...chatMessageBody(ctx, itemIndex, 'Pin Message'),
		...(ctx.getNodeParameter('options.disableNotification', itemIndex, false)
			? { disable_notification: true }
			: {}),
	}),
});

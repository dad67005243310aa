import { chatMessageBody } from '../../helpers/chatMessage';
import { chatLocator } from '../../descriptions/chatLocator';
import { messageIdProperty } from '../../helpers/fields';
import { callOperation } from '../callOperation';

export const deleteMessage = callOperation({
	resource: 'message',
	operation: 'deleteMessage',
	label: 'Delete Message',
	method: 'deleteMessage',
	output: 'acknowledge',
	properties: [chatLocator, messageIdProperty],
	body: (ctx, itemIndex) => chatMessageBody(ctx, itemIndex, 'Delete Message'),
});

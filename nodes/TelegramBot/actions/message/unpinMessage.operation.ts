import { chatMessageBody } from '../../helpers/chatMessage';
import { chatLocator } from '../../descriptions/chatLocator';
import { messageIdProperty } from '../../helpers/fields';
import { callOperation } from '../callOperation';

export const unpinMessage = callOperation({
	resource: 'message',
	operation: 'unpinMessage',
	label: 'Unpin Message',
	method: 'unpinChatMessage',
	output: 'acknowledge',
	properties: [chatLocator, messageIdProperty],
	body: (ctx, itemIndex) => chatMessageBody(ctx, itemIndex, 'Unpin Message'),
});

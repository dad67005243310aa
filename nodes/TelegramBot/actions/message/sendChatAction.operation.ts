import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

export const sendChatAction = sendOperation({
	resource: 'message',
	operation: 'sendChatAction',
	label: 'Send Chat Action',
	method: 'sendChatAction',
	replyMarkup: false,
	without: ['disableNotification', 'protectContent', 'replyToMessageId', 'allowPaidBroadcast'],
	properties: [
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			options: [
				{ name: 'Choosing Sticker', value: 'choose_sticker' },
				{ name: 'Finding Location', value: 'find_location' },
				{ name: 'Recording Video', value: 'record_video' },
				{ name: 'Recording Video Note', value: 'record_video_note' },
				{ name: 'Recording Voice', value: 'record_voice' },
				{ name: 'Typing', value: 'typing' },
				{ name: 'Uploading Document', value: 'upload_document' },
				{ name: 'Uploading Photo', value: 'upload_photo' },
				{ name: 'Uploading Video', value: 'upload_video' },
				{ name: 'Uploading Video Note', value: 'upload_video_note' },
				{ name: 'Uploading Voice', value: 'upload_voice' },
			],
			default: 'typing',
			description: 'Shown in the chat for 5 seconds or until the next message arrives',
		},
	],
	async prepare(ctx, itemIndex) {
		return { body: { action: parameter(ctx, 'action', itemIndex, 'typing') as string } };
	},
});

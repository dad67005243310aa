import { chatIdParameter } from '../../../shared/chatId';
import { chatLocator } from '../../descriptions/chatLocator';
import { binaryUpload } from '../../helpers/mediaInput';
import { callOperation } from '../callOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Set Chat Photo';

/** A new chat photo: Telegram takes it only as an upload, never by URL or file_id. */
export const setPhoto = callOperation({
	resource: 'chat',
	operation: 'setPhoto',
	label,
	method: 'setChatPhoto',
	output: 'acknowledge',
	uploads: true,
	properties: [
		chatLocator,
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field holding the picture (JPEG or PNG)',
		},
	],
	body: async (ctx, itemIndex) => {
		const chatId = chatIdParameter(ctx, 'chatId', itemIndex, label);
		const property = parameter(ctx, 'binaryPropertyName', itemIndex, 'data') as string;
		const { upload } = await binaryUpload(ctx, itemIndex, property, 'photo');
		return { body: { chat_id: chatId }, uploads: upload ? [upload] : [] };
	},
});

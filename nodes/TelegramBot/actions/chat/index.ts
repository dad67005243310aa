import { EXAMPLE_GROUP, exampleChat } from '../examples';
import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { administrationRows } from './administration';
import { setPhoto } from './setPhoto.operation';
import { rows } from './simple';

export const chat: Resource = {
	value: 'chat',
	name: 'Chat',
	defaultOperation: 'get',
	operations: [
		...[...rows, ...administrationRows].map((spec) => rowEntry('chat', spec)),
		{
			value: 'setPhoto',
			module: setPhoto,
			method: 'setChatPhoto',
			example: {
				parameters: { chatId: exampleChat, binaryPropertyName: 'report' },
				binary: true,
				sends: { chat_id: String(EXAMPLE_GROUP) },
			},
			action: 'Set the photo of a chat',
			description:
				'Upload a new photo for a group or channel from a binary field; the bot must be an admin (setChatPhoto)',
			readme: { inputs: '`chatId`, the input binary field with the picture (an upload only)' },
		},
	],
};

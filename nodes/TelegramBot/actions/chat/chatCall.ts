import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chatIdParameter } from '../../../shared/chatId';
import { chatLocator } from '../../descriptions/chatLocator';
import { callOperation, type CallSpec } from '../callOperation';
import type { OperationModule } from '../types';

/** A chat method: the Chat parameter first, then the operation's own fields. */
export function chatCall(
	spec: Omit<CallSpec, 'resource' | 'body' | 'properties'> & {
		properties?: INodeProperties[];
		body?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
	},
): OperationModule {
	return callOperation({
		...spec,
		resource: 'chat',
		properties: [chatLocator, ...(spec.properties ?? [])],
		body: (ctx, itemIndex) => ({
			chat_id: chatIdParameter(ctx, 'chatId', itemIndex, spec.label),
			...(spec.body?.(ctx, itemIndex) ?? {}),
		}),
	});
}

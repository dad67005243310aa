import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseChatId } from '../../shared/chatId';
import { parameter } from '../../shared/parameters';

/** Options of the command methods: who sees the list, in which language. */
export const COMMAND_SCOPE_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Administrators of One Chat', value: 'chat_administrators' },
			{ name: 'All Group Administrators', value: 'all_chat_administrators' },
			{ name: 'All Group Chats', value: 'all_group_chats' },
			{ name: 'All Private Chats', value: 'all_private_chats' },
			{ name: 'Default (Everyone)', value: 'default' },
			{ name: 'One Chat', value: 'chat' },
			{ name: 'One Member of One Chat', value: 'chat_member' },
		],
		default: 'default',
		description: 'Who sees this list of commands',
	},
	{
		displayName: 'Scope Chat ID',
		name: 'scopeChatId',
		type: 'string',
		default: '',
		description: 'For the scopes of one chat',
	},
	{
		displayName: 'Scope User ID',
		name: 'scopeUserId',
		type: 'number',
		default: 0,
		description: 'For the scope of one member',
	},
	languageOption('Users with this language see this list; empty for all others'),
];

export function languageOption(description: string): INodeProperties {
	return {
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'string',
		default: '',
		placeholder: 'en',
		description: `Two-letter ISO 639-1 code. ${description}.`,
	};
}

/** scope and language_code of the command methods; an incomplete scope fails before any request. */
export function commandScopeBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
): IDataObject {
	const options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
	const body: IDataObject = languageBody(ctx, itemIndex, label);
	const type = (options.scope as string) ?? 'default';
	if (type === 'default') return body;
	const scope: IDataObject = { type };
	if (type.startsWith('chat')) {
		const chatId = normaliseChatId(options.scopeChatId);
		if (!chatId)
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}: the scope "${type}" needs a Scope Chat ID`,
				{ itemIndex },
			);
		scope.chat_id = chatId.startsWith('@') ? chatId : Number(chatId);
	}
	if (type === 'chat_member') {
		if (!Number(options.scopeUserId))
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}: the scope "chat_member" needs a Scope User ID`,
				{ itemIndex },
			);
		scope.user_id = Number(options.scopeUserId);
	}
	return { ...body, scope };
}

export function languageBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
): IDataObject {
	const language = String(parameter(ctx, 'options.languageCode', itemIndex, '') ?? '').trim();
	if (!language) return {};
	if (!/^[a-z]{2}$/.test(language))
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: "${language}" is not a two-letter language code`,
			{ itemIndex },
		);
	return { language_code: language };
}

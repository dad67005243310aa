import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { callBotApi } from '../TelegramBot/transport';
import { commandOf } from './command';
import { seenBefore } from './dedupe';
import { applyMapping, validateMapping, type FieldMappingEntry } from './fieldMapping';
import { passes, readFilters, type FilterOptions, type UpdateFilters } from './filters';
import { attachMedia, type MediaOptions } from './media';
import { defaultItem, messageOf } from './updateItem';

/** The options both triggers share: filters, files and the field mapping. */
export interface UpdateOptions extends FilterOptions {
	fieldMappingMode?: 'extend' | 'replace';
	fieldMapping?: { mappings?: FieldMappingEntry[] };
	downloadFiles?: boolean;
	binaryProperty?: string;
	maxFileSizeMb?: number;
}

/** The trigger's parameters, read and checked once per activation or request. */
export interface UpdateSettings {
	filters: UpdateFilters;
	mappings: FieldMappingEntry[];
	mappingMode: 'extend' | 'replace';
	media?: MediaOptions;
	botUsername?: string;
}

type TriggerContext = IWebhookFunctions | ITriggerFunctions;

/** `/start@OtherBot` is for another bot: the commands filter needs to know this bot's name. */
export async function rememberBotUsername(
	ctx: IHookFunctions | ITriggerFunctions,
	operation: string,
): Promise<void> {
	const me = await callBotApi<{ username?: string }>(ctx, operation, 'getMe');
	ctx.getWorkflowStaticData('node').botUsername = me.username;
}

/** Reads and checks the trigger's parameters; throws the sentence a user needs on a mistake. */
export function readSettings(ctx: TriggerContext | IHookFunctions): UpdateSettings {
	const options = ctx.getNodeParameter('options', {}) as UpdateOptions;
	const types = ctx.getNodeParameter('updates', []) as string[];
	const mappings = options.fieldMapping?.mappings ?? [];
	validateMapping(ctx.getNode(), mappings);
	const botUsername = ctx.getWorkflowStaticData('node').botUsername;
	return {
		filters: readFilters(ctx.getNode(), types, options),
		mappings,
		mappingMode: options.fieldMappingMode ?? 'extend',
		media: options.downloadFiles
			? {
					binaryProperty: options.binaryProperty?.trim() || 'data',
					maxBytes: (options.maxFileSizeMb ?? 20) * 1024 * 1024,
				}
			: undefined,
		botUsername: typeof botUsername === 'string' ? botUsername : undefined,
	};
}

/**
 * One update → the item that starts an execution, or null when it must start nothing: filtered
 * out (before any download, so a filter cannot be bypassed) or already seen.
 */
export async function itemFor(
	ctx: TriggerContext,
	update: IDataObject,
	settings: UpdateSettings,
): Promise<INodeExecutionData | null> {
	const command = commandOf(messageOf(update), settings.botUsername);
	if (!passes(update, settings.filters, command)) return null;
	if (seenBefore(ctx.getWorkflowStaticData('node'), update.update_id as number)) return null;
	const base = defaultItem(update, command);
	const json = settings.mappings.length
		? applyMapping(base, update, settings.mappings, settings.mappingMode)
		: base;
	const item: INodeExecutionData = { json };
	if (settings.media) await attachMedia(ctx, item, update, settings.media);
	return item;
}

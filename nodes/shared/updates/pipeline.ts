import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { ActivationBudget } from '../activationBudget';
import { commandOf, type BotCommand } from './command';
import type { UpdateLedger } from './dedupe';
import { applyMapping, validateMapping, type FieldMappingEntry } from './fieldMapping';
import { passes, readFilters, type FilterOptions, type UpdateFilters } from './filters';
import { attachMedia, type MediaOptions } from './media';
import { defaultItem, malformedParts, messageOf, updateTypeOf } from './updateItem';

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
	budget: ActivationBudget,
	operation: string,
): Promise<void> {
	const me = await budget.call<{ username?: string }>(operation, 'getMe');
	ctx.getWorkflowStaticData('node').botUsername = me?.username;
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
 * out (before any download, so a filter cannot be bypassed) or claimed already. The caller tells
 * the ledger `handedOver` once n8n has the item.
 *
 * Nothing in an update may cost the trigger: a filter that cannot read an update drops it (the
 * allow-lists fail closed) with a warning in n8n's log; anything past the filters that cannot be
 * read leaves the update's item with an `error` field rather than losing the update.
 */
export async function itemFor(
	ctx: TriggerContext,
	update: IDataObject,
	settings: UpdateSettings,
	ledger: UpdateLedger,
): Promise<INodeExecutionData | null> {
	const updateId = update.update_id as number;
	let command: BotCommand | null;
	try {
		command = commandOf(messageOf(update), settings.botUsername);
		if (!passes(update, settings.filters, command)) return null;
	} catch (error) {
		ctx.logger.warn(
			`Telegram Bot Webhook Trigger: update ${updateId} dropped, the filters could not read it: ${(error as Error).message}`,
		);
		return null;
	}
	if (!ledger.claim(updateId)) return null;
	try {
		const base = defaultItem(update, command);
		const json = settings.mappings.length
			? applyMapping(base, update, settings.mappings, settings.mappingMode)
			: base;
		const item: INodeExecutionData = { json };
		const notes = malformedParts(update);
		if (notes.length > 0) item.json.malformed = notes;
		if (settings.media) await attachMedia(ctx, item, update, settings.media);
		return item;
	} catch (error) {
		return {
			json: {
				updateId,
				updateType: updateTypeOf(update),
				update,
				error: `Telegram Bot trigger could not read this update: ${(error as Error).message}`,
			},
		};
	}
}

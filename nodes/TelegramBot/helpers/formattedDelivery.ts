import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	BotApiFailure,
	deliverToChat,
	type DeliveryEngine,
	type Delivery,
	type Upload,
} from '../../shared/transport';
import { hasFormatting, withoutFormatting } from './formatting';
import { callPolicy } from './policy';

export interface FormattedDelivery<T> extends Delivery<T> {
	/** Telegram's reason when the markup was refused and the message went out as plain text. */
	formattingDropped?: string;
}

/**
 * A send whose markup Telegram refuses ("can't parse entities") is not lost: with the fallback on
 * it goes again as plain text, and the caller marks the item. Any other failure stays a failure.
 */
export async function deliverFormatted<T>(
	ctx: IExecuteFunctions,
	engine: DeliveryEngine,
	label: string,
	method: string,
	body: IDataObject & { chat_id: string | number },
	itemIndex: number,
	uploads: Upload[],
	fallback: boolean,
): Promise<FormattedDelivery<T>> {
	const options = { ...callPolicy(ctx, itemIndex), uploads };
	let failure: unknown;
	try {
		return await deliverToChat<T>(ctx, engine, label, method, body, options);
	} catch (error) {
		failure = error;
	}
	// Anything but Telegram refusing the markup stays the failure it is.
	if (!(failure instanceof BotApiFailure) || failure.kind !== 'entities') throw failure;
	if (!fallback || !hasFormatting(body)) throw failure;
	const plain = withoutFormatting(body) as typeof body;
	const delivery = await deliverToChat<T>(ctx, engine, label, method, plain, options);
	return { ...delivery, formattingDropped: failure.description };
}

/** The output fields that tell a flow its message lost its formatting. */
export function formattingNote(delivery: FormattedDelivery<unknown>): IDataObject {
	return delivery.formattingDropped
		? { formattingDropped: true, formattingError: delivery.formattingDropped }
		: {};
}

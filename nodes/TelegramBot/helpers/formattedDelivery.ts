import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deliverToChat, type DeliveryEngine, type Delivery, type Upload } from '../../shared/transport';
import { hasFormatting, isFormattingFailure, withoutFormatting } from './formatting';

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
	let failure: unknown;
	try {
		return await deliverToChat<T>(ctx, engine, label, method, body, itemIndex, uploads);
	} catch (error) {
		failure = error;
	}
	const reason = failure instanceof NodeApiError ? telegramReason(failure) : undefined;
	// deliverToChat's own n8n error, unchanged, when it is not a formatting refusal.
	if (!fallback || !reason || !hasFormatting(body)) throw failure;
	const plain = withoutFormatting(body) as typeof body;
	const delivery = await deliverToChat<T>(ctx, engine, label, method, plain, itemIndex, uploads);
	return { ...delivery, formattingDropped: reason };
}

function telegramReason(error: NodeApiError): string | undefined {
	const reason = /\(\d{3}\): (.*)$/s.exec(error.message)?.[1] ?? '';
	return isFormattingFailure(error.httpCode ?? undefined, reason) ? reason : undefined;
}

/** The output fields that tell a flow its message lost its formatting. */
export function formattingNote(delivery: FormattedDelivery<unknown>): IDataObject {
	return delivery.formattingDropped
		? { formattingDropped: true, formattingError: delivery.formattingDropped }
		: {};
}

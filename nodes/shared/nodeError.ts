import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BotApiFailure, FileUnavailable } from './transport';

/**
 * The error n8n shows for whatever failed, made here for every node (the action node's router,
 * both triggers): a failed Bot API call becomes a NodeApiError whose message names the operation,
 * the status and Telegram's description ("Send Message failed (400): Bad Request: chat not
 * found"), with the hint as its description; n8n's own errors pass unchanged.
 */
export function nodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof FileUnavailable)
		return new NodeOperationError(node, error.message, { itemIndex });
	if (error instanceof BotApiFailure) return apiError(node, error, itemIndex);
	return new NodeOperationError(node, error as Error, { itemIndex });
}

function apiError(node: INode, failure: BotApiFailure, itemIndex?: number): NodeApiError {
	const response: JsonObject = {
		ok: false,
		error_code: failure.status,
		description: failure.description,
		parameters: { ...failure.parameters } as JsonObject,
	};
	const error = new NodeApiError(node, response, {
		message: failure.message,
		description: failure.hint,
		httpCode: failure.status === null ? undefined : String(failure.status),
		itemIndex,
	});
	// NodeApiError swaps messages that mention ECONNRESET & co. for a generic sentence without the
	// operation; ours already says what failed and why.
	error.message = failure.message;
	return error;
}

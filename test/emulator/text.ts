/* eslint-disable @n8n/community-nodes/require-node-api-error -- test-only: the emulator answers with Telegram's refusals, not n8n errors */
import { EntityError, parseEntities, UnsupportedParseMode, type Parsed } from './entities';
import { ApiError } from './types';

/**
 * A text or caption as Telegram stores it: markup parsed (or refused with Telegram's words),
 * surrounding whitespace trimmed, and the length limit applied to what is left.
 */
export function parsedText(
	value: unknown,
	parseMode: unknown,
	what: string,
	limit: number,
): Parsed {
	let parsed: Parsed;
	try {
		parsed = parseEntities(
			String(value ?? ''),
			typeof parseMode === 'string' ? parseMode : undefined,
		);
	} catch (error) {
		if (error instanceof EntityError || error instanceof UnsupportedParseMode)
			throw new ApiError(400, error.message);
		throw error;
	}
	const lead = parsed.text.length - parsed.text.trimStart().length;
	const text = parsed.text.trim();
	if (!text) throw new ApiError(400, `Bad Request: ${what} is empty`);
	if ([...text].length > limit)
		throw new ApiError(
			400,
			`Bad Request: ${what === 'message text' ? 'message is' : `${what} is`} too long`,
		);
	const entities = parsed.entities
		.map((e) => ({ ...e, offset: Math.max(0, e.offset - lead) }))
		.map((e) => ({ ...e, length: Math.min(e.length, text.length - e.offset) }))
		.filter((e) => e.length > 0);
	return { text, entities };
}

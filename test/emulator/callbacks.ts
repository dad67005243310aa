import { list } from './params';
import { ApiError, type Methods } from './types';

const QUERY_TOO_OLD =
	'Bad Request: query is too old and response timeout expired or query ID is invalid';

/** Answers to what users pressed or typed: callback queries and inline queries. */
export function callbackMethods(): Methods {
	return {
		answercallbackquery: async (_bot, p) => {
			if (!p.callback_query_id) throw new ApiError(400, QUERY_TOO_OLD);
			return { result: true };
		},
		answerinlinequery: async (_bot, p) => {
			if (!p.inline_query_id) throw new ApiError(400, QUERY_TOO_OLD);
			const results = list(p.results) as Array<{ type?: string; id?: string }>;
			if (results.some((r) => !r.type || !r.id))
				throw new ApiError(400, 'Bad Request: RESULT_ID_INVALID');
			return { result: true };
		},
	};
}

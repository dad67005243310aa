import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredText } from '../../helpers/fields';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

/** Telegram's bounds on a poll's answer options (Bot API `sendPoll.options`). */
const MIN_ANSWERS = 1;
const MAX_ANSWERS = 12;

export const sendPoll = sendOperation({
	resource: 'message',
	operation: 'sendPoll',
	label: 'Send Poll',
	method: 'sendPoll',
	properties: [
		{
			displayName: 'Question',
			name: 'question',
			type: 'string',
			default: '',
			required: true,
			description: '1–300 characters',
		},
		{
			displayName: 'Answers',
			name: 'answers',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'One answer per line, 1–12 answers of up to 100 characters',
		},
	],
	options: [
		{
			displayName: 'Anonymous',
			name: 'isAnonymous',
			type: 'boolean',
			default: true,
			description: 'Whether voters stay anonymous',
		},
		{
			displayName: 'Multiple Answers',
			name: 'allowsMultipleAnswers',
			type: 'boolean',
			default: false,
			description: 'Whether a voter may pick several answers (not for quizzes)',
		},
		{
			displayName: 'Correct Answer (Quiz)',
			name: 'correctAnswer',
			type: 'number',
			default: 0,
			description:
				'Makes the poll a quiz whose right answer is this line (1 for the first); 0 for a regular poll',
		},
	],
	async prepare(ctx, itemIndex) {
		const question = requiredText(ctx, 'question', itemIndex, 'Send Poll', 'the question', 300);
		const answers = String(parameter(ctx, 'answers', itemIndex, ''))
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean);
		const fail = (message: string) =>
			new NodeOperationError(ctx.getNode(), `Send Poll: ${message}`, { itemIndex });
		if (answers.length < MIN_ANSWERS || answers.length > MAX_ANSWERS)
			throw fail(`a poll needs ${MIN_ANSWERS}–${MAX_ANSWERS} answers, got ${answers.length}`);
		const tooLong = answers.find((answer) => [...answer].length > 100);
		if (tooLong) throw fail(`the answer "${tooLong.slice(0, 20)}…" is over 100 characters`);
		const options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		const body: IDataObject = { question, options: answers.map((text) => ({ text })) };
		if (options.isAnonymous === false) body.is_anonymous = false;
		const correct = Number(options.correctAnswer ?? 0);
		if (correct) {
			if (correct < 1 || correct > answers.length)
				throw fail(`the correct answer ${correct} is not one of the ${answers.length} lines`);
			// The Bot API takes a quiz's right answers as a list of 0-based positions.
			Object.assign(body, { type: 'quiz', correct_option_ids: [correct - 1] });
		} else if (options.allowsMultipleAnswers) body.allows_multiple_answers = true;
		return { body };
	},
});

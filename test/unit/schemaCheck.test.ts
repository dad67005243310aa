/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a generated declaration file on this machine's disk */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { LoggedRequest } from '../emulator/requestLog';
import { checkRequests } from '../conformance/schemaCheck';

// The run's own schema check (test/conformance/globalSetup.ts) is only as good as this checker:
// here it must refuse what Telegram does not know, at any depth, and accept what it does.
const work = mkdtempSync(join(tmpdir(), 'schema-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const json = (method: string, params: Record<string, unknown>): LoggedRequest => ({
	method,
	params,
	files: [],
	multipart: false,
});

describe('Bot API schema check', () => {
	it('accepts requests as Telegram documents them, JSON and multipart', () => {
		const report = checkRequests(
			[
				json('sendMessage', {
					chat_id: -1001234567890,
					text: 'Audit done',
					reply_markup: { inline_keyboard: [[{ text: 'Open', url: 'https://example.com' }]] },
					reply_parameters: { message_id: 5, allow_sending_without_reply: true },
				}),
				json('sendPoll', {
					chat_id: '@desk',
					question: 'Ready?',
					options: [{ text: 'Yes' }],
					type: 'quiz',
					correct_option_ids: [0],
				}),
				json('getMe', {}),
				{
					method: 'sendMediaGroup',
					params: {
						chat_id: '-100123',
						media: [
							{ type: 'photo', media: 'attach://file0', caption: 'a', parse_mode: 'HTML' },
							{ type: 'video', media: 'attach://file1' },
						],
						disable_notification: 'true',
					},
					files: ['file0', 'file1'],
					multipart: true,
				},
				{
					method: 'sendDocument',
					params: { chat_id: '42', caption: 'x', protect_content: 'true' },
					files: ['document'],
					multipart: true,
				},
			],
			join(work, 'good'),
		);
		expect(report.problems).toEqual([]);
		expect(report.methods).toEqual([
			'getMe',
			'sendDocument',
			'sendMediaGroup',
			'sendMessage',
			'sendPoll',
		]);
	});

	it('refuses, request by request, what the schema does not know', () => {
		const cases: Array<[string, LoggedRequest]> = [
			['sendFax', json('sendFax', { chat_id: 1 })],
			[
				'correct_option_id',
				json('sendPoll', {
					chat_id: 1,
					question: 'Q',
					options: [{ text: 'A' }],
					correct_option_id: 0,
				}),
			],
			[
				'protect_content',
				json('sendChatAction', { chat_id: 1, action: 'typing', protect_content: true }),
			],
			[
				'callback',
				json('sendMessage', {
					chat_id: 1,
					text: 'nested key',
					reply_markup: { inline_keyboard: [[{ text: 'A', callback: 'a' }]] },
				}),
			],
			[
				'message_id',
				json('sendMessage', {
					chat_id: 1,
					text: 'nested type',
					reply_parameters: { message_id: '5' },
				}),
			],
			[
				'disable_notification',
				json('sendMessage', { chat_id: 1, text: 'x', disable_notification: 'yes' }),
			],
			['text', json('sendMessage', { chat_id: 1 })],
			['chat_id', json('getMe', { chat_id: 1 })],
			[
				'photo',
				{
					method: 'sendMessage',
					params: { chat_id: 2, text: 'x' },
					files: ['photo'],
					multipart: true,
				},
			],
		];
		const report = checkRequests(
			cases.map(([, request]) => request),
			join(work, 'bad'),
		);
		expect(report.problems).toHaveLength(cases.length);
		for (const [named, request] of cases) {
			const problem = report.problems.find((text) =>
				text.startsWith(`${request.method} ${JSON.stringify(request.params)}\n`),
			);
			expect(problem, named).toContain(named);
		}
	});
});

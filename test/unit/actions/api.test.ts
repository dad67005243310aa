import { describe, expect, it } from 'vitest';

import { actionSuite, FAST, GROUP, pdf } from './setup';

const { emulator, run } = actionSuite();

describe('Call API Method', () => {
	it('calls any method with JSON parameters under the chat rate limits', async () => {
		const { items, error } = await run({
			resource: 'api',
			operation: 'call',
			method: 'sendContact',
			parameters: JSON.stringify({
				chat_id: 1001,
				phone_number: '+4930123',
				first_name: 'Security Desk',
			}),
			options: FAST,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendContact')[0].params).toEqual({
			chat_id: 1001,
			phone_number: '+4930123',
			first_name: 'Security Desk',
		});
		expect((items[0].json.contact as { first_name: string }).first_name).toBe('Security Desk');
	});

	it('sends binary attachments and reports Telegram errors like every operation', async () => {
		const { error } = await run(
			{
				resource: 'api',
				operation: 'call',
				method: 'sendDocument',
				parameters: `{"chat_id": "${GROUP}"}`,
				attachments: { attachment: [{ field: 'document', binaryPropertyName: 'report' }] },
				options: FAST,
			},
			[{ $binary: pdf }],
		);
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendDocument')[0].files.document).toEqual({
			filename: 'evidence.pdf',
			type: 'application/pdf',
			size: 17,
		});
		const unknown = await run({
			resource: 'api',
			operation: 'call',
			method: 'launchRocket',
			parameters: '{}',
		});
		expect(unknown.error?.message).toBe(
			'Call API Method failed (404): Not Found: method not found',
		);
		const bad = await run({
			resource: 'api',
			operation: 'call',
			method: 'getMe',
			parameters: '[1]',
		});
		expect(bad.error?.message).toBe('Call API Method: Parameters must be one JSON object');
	});
});

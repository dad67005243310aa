import type { IDataObject } from 'n8n-workflow';

import { requiredText } from '../../helpers/fields';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Send Contact';

export const sendContact = sendOperation({
	resource: 'message',
	operation: 'sendContact',
	label,
	method: 'sendContact',
	properties: [
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. +49 30 1234567',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Security Desk',
		},
	],
	options: [
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{
			displayName: 'vCard',
			name: 'vcard',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'More about the contact as a vCard, up to 2048 bytes',
		},
	],
	async prepare(ctx, itemIndex) {
		const options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		return {
			body: {
				phone_number: requiredText(ctx, 'phoneNumber', itemIndex, label, 'the phone number'),
				first_name: requiredText(ctx, 'firstName', itemIndex, label, 'the first name', 64),
				...(options.lastName ? { last_name: String(options.lastName) } : {}),
				...(options.vcard ? { vcard: String(options.vcard) } : {}),
			},
		};
	},
});

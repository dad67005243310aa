import { mediaSend } from './mediaSend';

export const sendDocument = mediaSend({
	operation: 'sendDocument',
	label: 'Send Document',
	method: 'sendDocument',
	field: 'document',
	noun: 'Document',
});

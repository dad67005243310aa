import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

export const sendDice = sendOperation({
	resource: 'message',
	operation: 'sendDice',
	label: 'Send Dice',
	method: 'sendDice',
	properties: [
		{
			displayName: 'Emoji',
			name: 'emoji',
			type: 'options',
			options: [
				{ name: 'Basketball (1–5)', value: '🏀' },
				{ name: 'Bowling (1–6)', value: '🎳' },
				{ name: 'Darts (1–6)', value: '🎯' },
				{ name: 'Dice (1–6)', value: '🎲' },
				{ name: 'Football (1–5)', value: '⚽' },
				{ name: 'Slot Machine (1–64)', value: '🎰' },
			],
			default: '🎲',
		},
	],
	async prepare(ctx, itemIndex) {
		return { body: { emoji: parameter(ctx, 'emoji', itemIndex, '🎲') as string } };
	},
});

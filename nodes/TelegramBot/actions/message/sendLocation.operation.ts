import { NodeOperationError } from 'n8n-workflow';

import { sendOperation } from '../sendOperation';

export const sendLocation = sendOperation({
	resource: 'message',
	operation: 'sendLocation',
	label: 'Send Location',
	method: 'sendLocation',
	properties: [
		{
			displayName: 'Latitude',
			name: 'latitude',
			type: 'number',
			typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
			default: 0,
			required: true,
		},
		{
			displayName: 'Longitude',
			name: 'longitude',
			type: 'number',
			typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
			default: 0,
			required: true,
		},
	],
	async prepare(ctx, itemIndex) {
		const latitude = Number(ctx.getNodeParameter('latitude', itemIndex));
		const longitude = Number(ctx.getNodeParameter('longitude', itemIndex));
		if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Send Location: ${latitude}, ${longitude} is not a place on Earth`,
				{
					itemIndex,
					description: 'Latitude goes from -90 to 90, longitude from -180 to 180.',
				},
			);
		}
		return { body: { latitude, longitude } };
	},
});

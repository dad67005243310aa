import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parameter } from '../../shared/parameters';

/** Latitude and longitude of a location or venue. */
export const locationProperties: INodeProperties[] = [
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
];

/** latitude and longitude, refused before any request when they are no place on Earth. */
export function locationBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
): { latitude: number; longitude: number } {
	const latitude = Number(parameter(ctx, 'latitude', itemIndex));
	const longitude = Number(parameter(ctx, 'longitude', itemIndex));
	if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: ${latitude}, ${longitude} is not a place on Earth`,
			{
				itemIndex,
				description: 'Latitude goes from -90 to 90, longitude from -180 to 180.',
			},
		);
	}
	return { latitude, longitude };
}

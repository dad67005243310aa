import type { IDataObject } from 'n8n-workflow';

import { requiredText } from '../../helpers/fields';
import { locationBody, locationProperties } from '../../helpers/location';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Send Venue';

export const sendVenue = sendOperation({
	resource: 'message',
	operation: 'sendVenue',
	label,
	method: 'sendVenue',
	properties: [
		...locationProperties,
		{
			displayName: 'Venue Name',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Data Centre Frankfurt 2',
		},
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Hanauer Landstraße 300, Frankfurt',
		},
	],
	options: [
		{
			displayName: 'Foursquare ID',
			name: 'foursquareId',
			type: 'string',
			default: '',
			description: 'The Foursquare identifier of the venue, if known',
		},
		{
			displayName: 'Google Place ID',
			name: 'googlePlaceId',
			type: 'string',
			default: '',
			description: 'The Google Places identifier of the venue, if known',
		},
	],
	async prepare(ctx, itemIndex) {
		const options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		return {
			body: {
				...locationBody(ctx, itemIndex, label),
				title: requiredText(ctx, 'title', itemIndex, label, 'the venue name'),
				address: requiredText(ctx, 'address', itemIndex, label, 'the address'),
				...(options.foursquareId ? { foursquare_id: String(options.foursquareId) } : {}),
				...(options.googlePlaceId ? { google_place_id: String(options.googlePlaceId) } : {}),
			},
		};
	},
});

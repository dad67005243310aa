import { locationBody, locationProperties } from '../../helpers/location';
import { sendOperation } from '../sendOperation';

export const sendLocation = sendOperation({
	resource: 'message',
	operation: 'sendLocation',
	label: 'Send Location',
	method: 'sendLocation',
	properties: locationProperties,
	async prepare(ctx, itemIndex) {
		return { body: locationBody(ctx, itemIndex, 'Send Location') };
	},
});

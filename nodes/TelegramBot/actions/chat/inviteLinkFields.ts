import { boolean, dateTime, number, text } from '../fields';

/** An invite link's settings, the same when creating and editing one (all in Options). */
export const inviteLinkSettings = [
	text('name', {
		displayName: 'Name',
		name: 'name',
		inOptions: true,
		description: 'Shown to admins, up to 32 characters',
	}),
	dateTime('expire_date', { displayName: 'Expires At', name: 'expireDate', inOptions: true }),
	number('member_limit', {
		displayName: 'Member Limit',
		name: 'memberLimit',
		inOptions: true,
		typeOptions: { minValue: 0, maxValue: 99999 },
		description: 'How many people may join through it; 0 for no limit',
	}),
	boolean('creates_join_request', {
		displayName: 'Requires Approval',
		name: 'createsJoinRequest',
		inOptions: true,
		description: 'Whether admins must approve each join (not with a member limit)',
	}),
];

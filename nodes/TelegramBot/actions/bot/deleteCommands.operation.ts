import { COMMAND_SCOPE_OPTIONS, commandScopeBody } from '../../helpers/commandScope';
import { callOperation } from '../callOperation';

export const deleteCommands = callOperation({
	resource: 'bot',
	operation: 'deleteCommands',
	label: 'Delete Commands',
	method: 'deleteMyCommands',
	output: 'acknowledge',
	properties: [],
	options: COMMAND_SCOPE_OPTIONS,
	body: (ctx, itemIndex) => commandScopeBody(ctx, itemIndex, 'Delete Commands'),
});

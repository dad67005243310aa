import { COMMAND_SCOPE_OPTIONS, commandScopeBody } from '../../helpers/commandScope';
import { callOperation } from '../callOperation';

export const getCommands = callOperation({
	resource: 'bot',
	operation: 'getCommands',
	label: 'Get Commands',
	method: 'getMyCommands',
	output: 'each',
	properties: [],
	options: COMMAND_SCOPE_OPTIONS,
	body: (ctx, itemIndex) => commandScopeBody(ctx, itemIndex, 'Get Commands'),
});

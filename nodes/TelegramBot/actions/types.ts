import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** One operation: its parameters, the name used in errors ("Send Message failed (400): …"), and its work per item. */
export interface OperationModule {
	label: string;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * Sends through the delivery engine: all items start at once and the engine's per-chat queues
	 * keep order and the rate limits. Other operations run one item after the other.
	 */
	concurrent?: boolean;
}

/**
 * Parameters that make the operation succeed against the emulator (chat -1001234567890, user 66
 * a member of it, message 5 in it): the fault matrix and the per-operation test run each
 * operation with them.
 */
export interface Example {
	parameters: IDataObject;
	/** The input item carries a PDF in the binary field `report`. */
	binary?: boolean;
	/** The Bot API parameters the request must carry, when the test should check them. */
	sends?: IDataObject;
}

/** An entry of a resource's Operation selector, and what the README's operation table says of it. */
export interface OperationEntry {
	/** The `operation` parameter's value: public, never changes. */
	value: string;
	module: OperationModule;
	/** Shown to people and to AI agents choosing a tool: say what it does and which method it calls. */
	action: string;
	description: string;
	/** The name in the Operation selector where it differs from the label used in errors. */
	name?: string;
	/** The Bot API method(s) it calls, for the README. */
	method: string;
	example: Example;
	/** A row's output shape (see rows.ts), for the README. */
	output?: 'result' | 'each' | 'acknowledge';
	/** The README's Inputs and Output cells, where what the parameters say is not enough. */
	readme?: { inputs?: string; output?: string };
}

export interface Resource {
	/** The `resource` parameter's value: public, never changes. */
	value: string;
	name: string;
	defaultOperation: string;
	operations: OperationEntry[];
}

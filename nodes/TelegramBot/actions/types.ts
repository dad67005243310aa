import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

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

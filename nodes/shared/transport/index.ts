export { botApiRequest, botCredentials, CREDENTIAL_TYPE } from './request';
export type { BotApiContext, BotCredentials, RequestOptions } from './request';
export { acknowledgeBotApi, callBotApi, deliverToChat } from './call';
export type { CallOptions, CallPolicy, Delivery } from './call';
export { BotApiFailure, FileUnavailable } from './errors';
export type { FailureKind } from './hints';
export { redact, Redactor } from './redact';
export {
	deliveryEngine,
	DeliveryStopped,
	existingDeliveryEngine,
	TELEGRAM_LIMITS,
} from './delivery';
export type { DeliveryEngine, RateLimits } from './delivery';
export type { Upload } from './upload';
export { downloadBotFile, CLOUD_DOWNLOAD_LIMIT } from './download';
export { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './retry';
export { botKey } from './botKey';

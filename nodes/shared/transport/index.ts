export { botApiRequest, botCredentials, CREDENTIAL_TYPE } from './request';
export type { BotApiContext, BotCredentials, RequestOptions } from './request';
export { acknowledgeBotApi, callBotApi } from './call';
export { BotApiFailure, toNodeApiError } from './errors';
export { redact, redactDeep } from './redact';
export { deliverToChat, type Delivery } from './call';
export {
	deliveryEngine,
	DeliveryStopped,
	existingDeliveryEngine,
	TELEGRAM_LIMITS,
} from './delivery';
export type { DeliveryEngine, RateLimits } from './delivery';
export type { Upload } from './upload';
export { downloadBotFile, CLOUD_DOWNLOAD_LIMIT } from './download';
export { itemOptions } from './itemOptions';
export { DEFAULT_RETRY, type RetryPolicy } from './retry';
export { botKey } from './botKey';

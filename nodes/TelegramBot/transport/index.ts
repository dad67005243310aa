export { botApiRequest, botCredentials, CREDENTIAL_TYPE } from './request';
export type { BotApiContext, BotCredentials, RequestOptions } from './request';
export { acknowledgeBotApi, callBotApi } from './call';
export { BotApiFailure, toNodeApiError } from './errors';
export { redact } from './redact';

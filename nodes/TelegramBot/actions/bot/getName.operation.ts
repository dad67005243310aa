import { getBotText } from './botText';

export const getName = getBotText({ operation: 'getName', label: 'Get Name', method: 'getMyName' });

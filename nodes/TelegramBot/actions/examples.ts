/**
 * What the examples of the operations refer to: the emulator's group (test/emulator), which has
 * user 66 as a member, text messages 1–5 and photo 6 in it, and file BQACAgIAAx-file-1. Tests run
 * every operation with its example.
 */
export const EXAMPLE_GROUP = -1001234567890;
export const exampleChat = { __rl: true, mode: 'id', value: String(EXAMPLE_GROUP) };
export const EXAMPLE_USER = 66;
export const EXAMPLE_MESSAGE = 5;
export const EXAMPLE_PHOTO_MESSAGE = 6;
export const EXAMPLE_URL = 'https://example.com/evidence.jpg';

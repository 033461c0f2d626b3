/**
 * The values of the protocol module the server also uses (limits, error
 * catalogue), bundled from src/protocol/: the client repeats none of them.
 */
export { DEVICE_ID_PATTERN, ERRORS, isErrorCode, LIMITS, PIN_INPUT_PATTERN, PIN_LENGTH, type Lang } from '../../../src/protocol/index.js';

/** Every event a client may send (docs/protocol.md); anything else is answered UNKNOWN_EVENT and counted as "other" in metrics. */
export const CLIENT_EVENTS = new Set([
  'player:join',
  'player:resume',
  'player:answer',
  'host:attach',
  'host:start',
  'host:next',
  'host:skip',
  'host:pause',
  'host:resume',
  'host:kick',
  'host:kick-many',
  'host:lock',
  'host:end',
  'clock:sync',
]);

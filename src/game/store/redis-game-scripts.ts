/**
 * The Lua scripts of the Redis game store: each runs atomically on the
 * shard that holds the game (every key it touches carries the game's hash tag).
 */

/**
 * Compare-and-set of the game's small core plus HSET/HDEL of the players the
 * commit changed. Refused (-1) if another commit came in since the load
 * (version) or, while a question is open, an answer to it (its count).
 *
 * KEYS: core, answers of the open question, kicked, players.
 * ARGV: version, core JSON, open key, expected answer count (-1: none open),
 *   changed ids ("*" = every player: the hash is rewritten whole), players to set (n),
 *   players to delete (d), questions JSON or "" (unchanged), host credential or "",
 *   then n × (id, entry JSON), d × id, and the ids to add to the kicked set.
 */
export const COMMIT = `
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return -1 end
local expected = tonumber(ARGV[4])
if expected >= 0 and redis.call('HLEN', KEYS[2]) ~= expected then return -1 end
if ARGV[5] == '*' then redis.call('DEL', KEYS[4]) end
local i = 10
for _ = 1, tonumber(ARGV[6]) do
  redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1])
  i = i + 2
end
for _ = 1, tonumber(ARGV[7]) do
  redis.call('HDEL', KEYS[4], ARGV[i])
  i = i + 1
end
for j = i, #ARGV do redis.call('SADD', KEYS[3], ARGV[j]) end
if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], 'q', ARGV[8]) end
if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'h', ARGV[9]) end
local v = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'v', v, 's', ARGV[2], 'open', ARGV[3], 'c', ARGV[5])
return v`;

/**
 * Reads a game, as little of it as the caller's copy allows. ARGV[1] is the
 * version the caller already holds (-1: none).
 *
 *   nil                                  no such game
 *   {'same', v}                          the caller's copy is current
 *   {'delta', v, core, changed, e1, …}   one commit since: its core and the entries of the players it changed
 *                                        (false where a player was removed), in the order of `changed`
 *   {'full', v, core, questions, host, id1, e1, id2, e2, …}
 *
 * KEYS: core, players.
 */
export const LOAD = `
local head = redis.call('HMGET', KEYS[1], 'v', 'c', 's')
if not head[1] then return nil end
local v = tonumber(head[1])
local known = tonumber(ARGV[1])
if v == known then return {'same', head[1]} end
if known >= 0 and v == known + 1 and type(head[2]) == 'string' and head[2] ~= '*' then
  local out = {'delta', head[1], head[3], head[2]}
  for _, id in ipairs(cjson.decode(head[2])) do out[#out + 1] = redis.call('HGET', KEYS[2], id) end
  return out
end
local rest = redis.call('HMGET', KEYS[1], 'q', 'h')
local out = {'full', head[1], head[3], rest[1], rest[2]}
for _, item in ipairs(redis.call('HGETALL', KEYS[2])) do out[#out + 1] = item end
return out`;

/**
 * Records a batch of answers to one question, in arrival order, in one
 * round trip. Each answer: 0 if the player had already answered (the first
 * answer wins), -1 if the question is no longer the one `open key` names,
 * -2 if the player was kicked, else how many answers the question now has.
 *
 * KEYS: core, answers of the question, kicked.  ARGV: open key, then (player id, answer JSON) pairs.
 */
export const ANSWERS = `
local open = redis.call('HGET', KEYS[1], 'open') == ARGV[1]
local out = {}
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  if redis.call('HEXISTS', KEYS[2], id) == 1 then out[#out + 1] = 0
  elseif not open then out[#out + 1] = -1
  elseif redis.call('SISMEMBER', KEYS[3], id) == 1 then out[#out + 1] = -2
  else
    redis.call('HSET', KEYS[2], id, ARGV[i + 1])
    out[#out + 1] = redis.call('HLEN', KEYS[2])
  end
end
return out`;

/**
 * The Lua scripts of the Redis game store: each runs atomically on the
 * shard that holds the game (every key it touches carries the game's hash tag).
 *
 * Every change moves the game's version `v` on by one and appends the ids of
 * the players it changed to the change log (`log`, element i made version
 * i + 1; "*" for "every player"; "r<question>:<digest>" for a reveal that
 * changed no player otherwise), so an instance a few changes behind reads
 * only those players, and replays a reveal itself. Commits are compare-and-set on `v`; joins are not (see
 * JOIN): two instances joining players to one game never refuse each other.
 */

/**
 * The nickname index `names`: "n:<folded nickname>" → player id for every
 * player in play, and "p:<player id>" → folded nickname to find it again.
 * A player who is kicked or removed frees the name (a Lua helper shared by COMMIT).
 */
const FREE_NAME = `
local function free_name(names, id)
  local folded = redis.call('HGET', names, 'p:' .. id)
  if not folded then return end
  if redis.call('HGET', names, 'n:' .. folded) == id then redis.call('HDEL', names, 'n:' .. folded) end
  redis.call('HDEL', names, 'p:' .. id)
end`;

/**
 * Compare-and-set of the game's small core plus HSET/HDEL of the players the
 * commit changed. Refused (-1) if another change came in since the load
 * (version, joins included) or, while a question is open, an answer to it (its count).
 *
 * KEYS: core, answers of the open question, kicked, players, log, names.
 * ARGV: version, core JSON, open key, expected answer count (-1: none open),
 *   the log entry (changed ids as JSON; "*" = every player: the hash is rewritten whole; or a reveal's
 *   "r<question>:<digest>", which sets every player without deleting any), players to set (n),
 *   players to delete (d), questions JSON or "" (unchanged), host credential or "",
 *   active count, connected count, join gate ("" or the refusal code), max players,
 *   then n × (id, entry JSON, folded nickname or "" when not in play), d × id,
 *   and the ids to add to the kicked set.
 */
export const COMMIT = `${FREE_NAME}
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return -1 end
local expected = tonumber(ARGV[4])
if expected >= 0 and redis.call('HLEN', KEYS[2]) ~= expected then return -1 end
if ARGV[5] == '*' then
  redis.call('DEL', KEYS[4])
  redis.call('DEL', KEYS[6])
end
local i = 14
for _ = 1, tonumber(ARGV[6]) do
  local id, folded = ARGV[i], ARGV[i + 2]
  redis.call('HSET', KEYS[4], id, ARGV[i + 1])
  if folded ~= '' then redis.call('HSET', KEYS[6], 'n:' .. folded, id, 'p:' .. id, folded)
  else free_name(KEYS[6], id) end
  i = i + 3
end
for _ = 1, tonumber(ARGV[7]) do
  redis.call('HDEL', KEYS[4], ARGV[i])
  free_name(KEYS[6], ARGV[i])
  i = i + 1
end
for j = i, #ARGV do redis.call('SADD', KEYS[3], ARGV[j]) end
if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], 'q', ARGV[8]) end
if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'h', ARGV[9]) end
local v = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'v', v, 's', ARGV[2], 'open', ARGV[3], 'active', ARGV[10], 'connected', ARGV[11], 'gate', ARGV[12], 'max', ARGV[13])
redis.call('RPUSH', KEYS[5], ARGV[5])
return v`;

/**
 * Joins players without comparing the version: the engine has already
 * applied its rules to the instance's copy (which may be a few changes
 * behind); this enforces, against the game as it is now, the ones another
 * instance could have broken meanwhile: the join gate (game over, locked),
 * the player limit and nickname uniqueness. All or nothing: if any player
 * is refused, nothing is written and the reply is the refusal code (the
 * runner loads the game again and the engine refuses that player alone).
 * Otherwise the players, their names and the counters are written, the
 * version moves on, and the reply is {version, active, connected}.
 *
 * KEYS: core, players, log, names.
 * ARGV: changed ids JSON, then (id, entry JSON, folded nickname) per player.
 */
export const JOIN = `
local head = redis.call('HMGET', KEYS[1], 'v', 'gate', 'max', 'active')
if not head[1] then return 'GAME_NOT_FOUND' end
if head[2] and head[2] ~= '' then return head[2] end
local count = (#ARGV - 1) / 3
if tonumber(head[4]) + count > tonumber(head[3]) then return 'GAME_FULL' end
for i = 2, #ARGV, 3 do
  if redis.call('HEXISTS', KEYS[4], 'n:' .. ARGV[i + 2]) == 1 then return 'NICKNAME_TAKEN' end
end
for i = 2, #ARGV, 3 do
  local id, folded = ARGV[i], ARGV[i + 2]
  redis.call('HSET', KEYS[2], id, ARGV[i + 1])
  redis.call('HSET', KEYS[4], 'n:' .. folded, id, 'p:' .. id, folded)
end
local active = redis.call('HINCRBY', KEYS[1], 'active', count)
local connected = redis.call('HINCRBY', KEYS[1], 'connected', count)
local v = redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('RPUSH', KEYS[3], ARGV[1])
return {v, active, connected}`;

/**
 * Reads a game, as little of it as the caller's copy allows. ARGV[1] is the
 * version the caller already holds (-1: none), ARGV[2] how many changes
 * behind it may be and still get a delta.
 *
 *   nil                                          no such game
 *   {'same', v}                                  the caller's copy is current
 *   {'delta', v, core, active, connected, reveal, id1, e1, …}
 *                                                a few changes since: the core, the counters, the
 *                                                reveal among them ("r<question>:<digest>", or ""), and
 *                                                the current entries of the players those changes named
 *                                                (false where a player was removed). A reveal comes
 *                                                only as the one reveal of the range with no player
 *                                                named before it (the caller replays it on its copy
 *                                                as it was); otherwise the reply is 'full'.
 *   {'full', v, core, questions, host, active, connected, id1, e1, id2, e2, …}
 *
 * KEYS: core, players, log.
 */
export const LOAD = `
local head = redis.call('HMGET', KEYS[1], 'v', 's', 'active', 'connected')
if not head[1] then return nil end
local v = tonumber(head[1])
local known = tonumber(ARGV[1])
if v == known then return {'same', head[1]} end
if known >= 0 and v > known and v - known <= tonumber(ARGV[2]) then
  local out = {'delta', head[1], head[2], head[3], head[4], ''}
  local seen = {}
  local named = false
  local whole = false
  for _, changed in ipairs(redis.call('LRANGE', KEYS[3], known, v - 1)) do
    local reveal = string.sub(changed, 1, 1) == 'r'
    if changed == '*' or (reveal and (named or out[6] ~= '')) then
      whole = true
      break
    end
    if reveal then
      out[6] = changed
    else
      for _, id in ipairs(cjson.decode(changed)) do
        named = true
        if not seen[id] then
          seen[id] = true
          out[#out + 1] = id
          out[#out + 1] = redis.call('HGET', KEYS[2], id)
        end
      end
    end
  end
  if not whole then return out end
end
local rest = redis.call('HMGET', KEYS[1], 'q', 'h')
local out = {'full', head[1], head[2], rest[1], rest[2], head[3], head[4]}
for _, item in ipairs(redis.call('HGETALL', KEYS[2])) do out[#out + 1] = item end
return out`;

/**
 * Records a batch of answers to one question, in arrival order, in one
 * round trip. Each answer: 0 if the player had already answered (the first
 * answer wins), -1 if the question is no longer the one `open key` names,
 * -2 if the player was kicked, else how many answers the question now has.
 * Each kept answer's player id is also appended to the question's order list,
 * so a copy can read only the answers stored since it last looked (ANSWERS_SINCE).
 *
 * KEYS: core, answers of the question, kicked, order list.  ARGV: open key, then (player id, answer JSON) pairs.
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
    redis.call('RPUSH', KEYS[4], id)
    out[#out + 1] = redis.call('HLEN', KEYS[2])
  end
end
return out`;

/**
 * The answers to one question stored since a copy last read them: its order
 * list from ARGV[1] on. Reply {count, 'since', id1, e1, …}, where count is how
 * many answers the question has; or, if the list does not hold every answer
 * (answers stored before the list existed), {count, 'all', id1, e1, …} with all of them.
 *
 * KEYS: answers of the question, its order list.
 */
export const ANSWERS_SINCE = `
local count = redis.call('HLEN', KEYS[1])
if redis.call('LLEN', KEYS[2]) ~= count then
  local out = {count, 'all'}
  for _, item in ipairs(redis.call('HGETALL', KEYS[1])) do out[#out + 1] = item end
  return out
end
local out = {count, 'since'}
for _, id in ipairs(redis.call('LRANGE', KEYS[2], tonumber(ARGV[1]), -1)) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[1], id)
end
return out`;

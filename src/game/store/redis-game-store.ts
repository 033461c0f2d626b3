import type { Redis } from 'ioredis';
import { dict, openKey, withoutPrototypes, type AnswerRecord, type GameState } from '../engine/index.js';
import { GameStore, type AnswerWrite, type LoadedGame, type OpenAnswers } from './game-store.js';

/**
 * Live games in Redis, shared by every server instance. All keys of a game
 * carry its hash tag ({gameId}), so a Redis Cluster keeps one game on one
 * shard and the scripts below stay atomic there.
 *
 *   game:{id}:core        hash  v (version), s (state JSON without answers), open (open key or "")
 *   game:{id}:answers:<i> hash  playerId → answer JSON (first answer wins)
 *   game:{id}:scores      zset  playerId → points awarded (ZINCRBY per answer)
 *   game:{id}:kicked      set   players who can no longer answer
 *   pin:<pin>             string → game id, unique among live games
 *   games:live            set   ids of live games (for the timer leases)
 */
const k = {
  core: (id: string) => `game:{${id}}:core`,
  answers: (id: string, i: number) => `game:{${id}}:answers:${i}`,
  scores: (id: string) => `game:{${id}}:scores`,
  kicked: (id: string) => `game:{${id}}:kicked`,
  pin: (pin: string) => `pin:${pin}`,
  live: 'games:live',
};

/** Compare-and-set of the whole game; while a question is open, no answer may have slipped in since the load. */
const COMMIT = `
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return -1 end
local expected = tonumber(ARGV[4])
if expected >= 0 and redis.call('HLEN', KEYS[2]) ~= expected then return -1 end
local v = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'v', v, 's', ARGV[2], 'open', ARGV[3])
for i = 5, #ARGV do redis.call('SADD', KEYS[3], ARGV[i]) end
return v`;

/** Records, dedupes and scores an answer in one round trip. */
const ANSWER = `
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 0 end
if redis.call('HGET', KEYS[1], 'open') ~= ARGV[1] then return -1 end
if redis.call('SISMEMBER', KEYS[4], ARGV[2]) == 1 then return -2 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZINCRBY', KEYS[3], ARGV[4], ARGV[2])
return redis.call('HLEN', KEYS[2])`;

type GameRedis = Redis & {
  gameCommit(core: string, answers: string, kicked: string, ...args: Array<string | number>): Promise<number>;
  gameAnswer(core: string, answers: string, scores: string, kicked: string, key: string, playerId: string, record: string, points: number): Promise<number>;
};

function serialize(game: GameState): string {
  // Answers live in their own hashes; the core stays small enough to rewrite on every change.
  return JSON.stringify({ ...game, answers: [] });
}

export class RedisGameStore extends GameStore {
  private readonly redis: GameRedis;
  /**
   * The state this instance last loaded or committed, per game, with its
   * version: a load at an unchanged version reuses it (one small read instead
   * of parsing the whole game), so a single instance's burst of joins does not
   * parse thousands of players per transaction. Dropped as soon as a commit
   * of it is refused, since the caller has changed it by then.
   */
  private readonly parsed = new Map<string, { version: number; game: GameState }>();

  constructor(redis: Redis) {
    super();
    redis.defineCommand('gameCommit', { numberOfKeys: 3, lua: COMMIT });
    redis.defineCommand('gameAnswer', { numberOfKeys: 4, lua: ANSWER });
    this.redis = redis as GameRedis;
  }

  async insert(game: GameState): Promise<boolean> {
    const taken = (await this.redis.set(k.pin(game.pin), game.id, 'NX')) === null;
    if (taken) return false;
    await this.redis.hset(k.core(game.id), 'v', 0, 's', serialize(game), 'open', '');
    await this.redis.sadd(k.live, game.id);
    return true;
  }

  async load(gameId: string): Promise<LoadedGame | null> {
    const known = this.parsed.get(gameId);
    if (known) {
      const v = await this.redis.hget(k.core(gameId), 'v');
      if (v !== null && Number(v) === known.version) return this.withOpenAnswers(gameId, known.game, known.version);
      this.parsed.delete(gameId);
    }
    const [v, s] = await this.redis.hmget(k.core(gameId), 'v', 's');
    if (v === null || s === null) return null;
    const game = withoutPrototypes(JSON.parse(s) as GameState);
    game.answers = Array.from({ length: Math.max(game.index + 1, 0) }, () => dict<AnswerRecord>());
    this.parsed.set(gameId, { version: Number(v), game });
    return this.withOpenAnswers(gameId, game, Number(v));
  }

  /** Answers live in their own hashes: the open question's are read on every load. */
  private async withOpenAnswers(gameId: string, game: GameState, version: number): Promise<LoadedGame> {
    if (game.index >= 0) game.answers[game.index] = await this.answersAt(gameId, game.index);
    const openCount = game.phase === 'question' ? Object.keys(game.answers[game.index]).length : 0;
    return { game, version, openCount };
  }

  async findIdByPin(pin: string): Promise<string | null> {
    return this.redis.get(k.pin(pin));
  }

  async commit(game: GameState, version: number, open: OpenAnswers | null): Promise<number | null> {
    const kicked = Object.values(game.players).filter((p) => p.kicked).map((p) => p.id);
    const result = await this.redis.gameCommit(
      k.core(game.id),
      k.answers(game.id, open?.index ?? 0),
      k.kicked(game.id),
      String(version),
      serialize(game),
      openKey(game) ?? '',
      open ? open.count : -1,
      ...kicked,
    );
    if (result < 0) {
      this.parsed.delete(game.id);
      return null;
    }
    this.parsed.set(game.id, { version: result, game });
    return result;
  }

  async recordAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): Promise<AnswerWrite> {
    const result = await this.redis.gameAnswer(
      k.core(gameId),
      k.answers(gameId, questionIndex),
      k.scores(gameId),
      k.kicked(gameId),
      key,
      record.playerId,
      JSON.stringify(record),
      record.points,
    );
    if (result === 0) return { status: 'duplicate' };
    if (result === -1) return { status: 'stale' };
    if (result === -2) return { status: 'kicked' };
    return { status: 'stored', answered: result };
  }

  async hasAnswered(gameId: string, questionIndex: number, playerId: string): Promise<boolean> {
    return (await this.redis.hexists(k.answers(gameId, questionIndex), playerId)) === 1;
  }

  async answersOf(gameId: string, questionCount: number): Promise<Array<Record<string, AnswerRecord>>> {
    return Promise.all(Array.from({ length: questionCount }, (_, i) => this.answersAt(gameId, i)));
  }

  async scoreboard(gameId: string): Promise<Map<string, number>> {
    const flat = await this.redis.zrange(k.scores(gameId), '0', '-1', 'WITHSCORES');
    const scores = new Map<string, number>();
    for (let i = 0; i < flat.length; i += 2) scores.set(flat[i], Number(flat[i + 1]));
    return scores;
  }

  async retire(gameId: string, keepMs: number): Promise<void> {
    const loaded = await this.load(gameId);
    this.parsed.delete(gameId);
    const keys = [k.core(gameId), k.scores(gameId), k.kicked(gameId)];
    for (let i = 0; i < (loaded?.game.questions.length ?? 0); i++) keys.push(k.answers(gameId, i));
    // Same-game keys in one transaction (one hash slot); the PIN and the live set live elsewhere.
    const tx = this.redis.multi();
    for (const key of keys) tx.pexpire(key, keepMs);
    await tx.exec();
    if (loaded) await this.redis.pexpire(k.pin(loaded.game.pin), keepMs);
    await this.redis.srem(k.live, gameId);
  }

  async liveGameIds(): Promise<string[]> {
    return this.redis.smembers(k.live);
  }

  private async answersAt(gameId: string, index: number): Promise<Record<string, AnswerRecord>> {
    const raw = await this.redis.hgetall(k.answers(gameId, index));
    const answers = dict<AnswerRecord>();
    for (const id of Object.keys(raw)) answers[id] = JSON.parse(raw[id]) as AnswerRecord;
    return answers;
  }
}

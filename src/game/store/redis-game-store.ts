import type { Redis } from 'ioredis';
import { dict, openKey, type AnswerRecord, type GameEvent, type GameState } from '../engine/index.js';
import { applyPlayer, playerChange, playersNamed, revealsSince, sameShape, shapeOf, topOf, type JournaledShape } from '../journal/game-delta.js';
import type { GameTop, PlayerChange } from '../journal/journal-entry.js';
import { GameStore, type AnswerWrite, type LoadedGame, type OpenAnswers } from './game-store.js';
import { ANSWERS, COMMIT, LOAD } from './redis-game-scripts.js';
import { TurnBatcher } from './turn-batcher.js';

/**
 * Live games in Redis, shared by every server instance. All keys of a game
 * carry its hash tag ({gameId}), so a Redis Cluster keeps one game on one
 * shard and the scripts stay atomic there.
 *
 *   game:{id}:core        hash  v (version), s (the game's small fields, JSON), q (questions JSON),
 *                               h (host credential), open (open key or ""),
 *                               c (ids of the players the commit that made v changed, JSON; "*": all)
 *   game:{id}:players     hash  playerId → { id, player, credential, banned? } JSON, one field per player
 *   game:{id}:answers:<i> hash  playerId → answer JSON (first answer wins)
 *   game:{id}:kicked      set   players who can no longer answer
 *   pin:<pin>             string → game id, unique among live games
 *   games:live            set   ids of live games (for the timer leases)
 *
 * A commit writes the small core and only the players the engine's events
 * name (`playersNamed`, shared with the embedded journal): a join to a game
 * of 5,000 writes one player, not 5,000. A reveal re-scores and re-ranks
 * everyone, so it (and any commit whose events cannot say who changed)
 * rewrites every player — once per question, not once per event.
 */
const k = {
  core: (id: string) => `game:{${id}}:core`,
  players: (id: string) => `game:{${id}}:players`,
  answers: (id: string, i: number) => `game:{${id}}:answers:${String(i)}`,
  kicked: (id: string) => `game:{${id}}:kicked`,
  pin: (pin: string) => `pin:${pin}`,
  live: 'games:live',
};

type LoadReply = null | ['same', string] | ['delta', string, string, string, ...Array<string | null>] | ['full', string, string, string, string, ...string[]];

type GameRedis = Redis & {
  gameCommit(core: string, answers: string, kicked: string, players: string, ...args: Array<string | number>): Promise<number>;
  gameLoad(core: string, players: string, knownVersion: number): Promise<LoadReply>;
  gameAnswers(core: string, answers: string, kicked: string, key: string, ...idsAndRecords: string[]): Promise<number[]>;
};

/** What this instance last loaded or committed of a game. */
interface Parsed {
  version: number;
  game: GameState;
  /** The shape at that version: tells a commit whether a delta can describe it. */
  shape: JournaledShape;
  /** `game.answers[index]` holds this many answers of the open question (-1: not read yet). */
  openIndex: number;
  openCount: number;
}

interface PendingAnswer {
  gameId: string;
  index: number;
  key: string;
  record: AnswerRecord;
}

export class RedisGameStore extends GameStore {
  private readonly redis: GameRedis;
  /**
   * The state this instance last loaded or committed, per game: a load at an
   * unchanged version reuses it (one small read), and a load one commit later
   * reads only the core and the players that commit changed, so neither a
   * burst of joins on one instance nor commits alternating between two
   * parses thousands of players. Dropped as soon as a commit of it is
   * refused, since the caller has changed it by then.
   */
  private readonly parsed = new Map<string, Parsed>();
  private readonly answerBatches = new TurnBatcher<PendingAnswer, number>((_key, batch) => this.writeAnswers(batch));

  constructor(redis: Redis) {
    super();
    redis.defineCommand('gameCommit', { numberOfKeys: 4, lua: COMMIT });
    redis.defineCommand('gameLoad', { numberOfKeys: 2, lua: LOAD });
    redis.defineCommand('gameAnswers', { numberOfKeys: 3, lua: ANSWERS });
    this.redis = redis as GameRedis;
  }

  async insert(game: GameState): Promise<boolean> {
    const taken = (await this.redis.set(k.pin(game.pin), game.id, 'NX')) === null;
    if (taken) return false;
    const tx = this.redis.multi();
    tx.hset(k.core(game.id), 'v', 0, 's', coreOf(game), 'q', JSON.stringify(game.questions), 'h', game.credentials.host, 'open', '', 'c', '*');
    const entries = Object.keys(game.players).flatMap((id) => [id, JSON.stringify(playerChange(game, id))]);
    if (entries.length > 0) tx.hset(k.players(game.id), ...entries);
    await tx.exec();
    await this.redis.sadd(k.live, game.id);
    return true;
  }

  async load(gameId: string): Promise<LoadedGame | null> {
    const known = this.parsed.get(gameId);
    const reply = await this.redis.gameLoad(k.core(gameId), k.players(gameId), known?.version ?? -1);
    if (reply === null) {
      this.parsed.delete(gameId);
      return null;
    }
    let entry: Parsed;
    if (reply[0] === 'same' && known) entry = known;
    else if (reply[0] === 'delta' && known) entry = applyCommit(known, reply);
    else if (reply[0] === 'full') entry = assemble(reply);
    else throw new Error(`game ${gameId}: unexpected load reply ${reply[0]}`);
    this.parsed.set(gameId, entry);
    return this.withOpenAnswers(gameId, entry);
  }

  /**
   * Answers live in their own hashes. The open question's are read again
   * only if the hash holds more than this instance has (answers are only
   * ever added): a load during a busy question costs one HLEN, not all of them.
   */
  private async withOpenAnswers(gameId: string, entry: Parsed): Promise<LoadedGame> {
    const { game, version } = entry;
    if (game.index < 0) return { game, version, openCount: 0 };
    const stored = await this.redis.hlen(k.answers(gameId, game.index));
    if (entry.openIndex !== game.index || entry.openCount !== stored) {
      game.answers[game.index] = await this.answersAt(gameId, game.index);
      entry.openIndex = game.index;
      entry.openCount = Object.keys(game.answers[game.index] ?? {}).length;
    }
    return { game, version, openCount: game.phase === 'question' ? entry.openCount : 0 };
  }

  async findIdByPin(pin: string): Promise<string | null> {
    return this.redis.get(k.pin(pin));
  }

  async commit(game: GameState, version: number, open: OpenAnswers | null, changes?: readonly GameEvent[]): Promise<number | null> {
    const known = this.parsed.get(game.id);
    const before = known?.game === game ? known.shape : null;
    const named = changedPlayers(game, before, changes);
    const ids = named ?? Object.keys(game.players);
    const set: string[] = [];
    const removed: string[] = [];
    const kicked: string[] = [];
    for (const id of ids) {
      const player = game.players[id];
      if (!player) {
        removed.push(id);
        continue;
      }
      set.push(id, JSON.stringify(playerChange(game, id)));
      if (player.kicked) kicked.push(id);
    }
    const reshaped = before === null || !sameShape(before, game);
    const args = [
      String(version),
      coreOf(game),
      openKey(game) ?? '',
      open ? open.count : -1,
      named ? JSON.stringify(named) : '*',
      set.length / 2,
      removed.length,
      reshaped ? JSON.stringify(game.questions) : '',
      reshaped ? game.credentials.host : '',
      ...set,
      ...removed,
      ...kicked,
    ];
    let result: number;
    try {
      result = await this.redis.gameCommit(k.core(game.id), k.answers(game.id, open?.index ?? 0), k.kicked(game.id), k.players(game.id), ...args);
    } catch (err) {
      // It may or may not have been applied: the next load reads the game again rather than trust this copy.
      this.parsed.delete(game.id);
      throw err;
    }
    if (result < 0) {
      this.parsed.delete(game.id);
      return null;
    }
    const openIndex = known?.game === game ? known.openIndex : -1;
    const openCount = known?.game === game ? known.openCount : 0;
    this.parsed.set(game.id, { version: result, game, shape: shapeOf(game), openIndex, openCount });
    return result;
  }

  async recordAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): Promise<AnswerWrite> {
    const result = await this.answerBatches.submit(`${gameId}\n${String(questionIndex)}\n${key}`, { gameId, index: questionIndex, key, record });
    if (result === 0) return { status: 'duplicate' };
    if (result === -1) return { status: 'stale' };
    if (result === -2) return { status: 'kicked' };
    this.keepAnswer(gameId, questionIndex, record, result);
    return { status: 'stored', answered: result };
  }

  /** One script call for the answers to one question that arrived in the same turn. */
  private async writeAnswers(batch: PendingAnswer[]): Promise<number[]> {
    const first = batch[0];
    if (!first) return [];
    const args = batch.flatMap(({ record }) => [record.playerId, JSON.stringify(record)]);
    return this.redis.gameAnswers(k.core(first.gameId), k.answers(first.gameId, first.index), k.kicked(first.gameId), first.key, ...args);
  }

  /** An answer this instance stored joins its copy of the open question, if that copy was complete up to it. */
  private keepAnswer(gameId: string, index: number, record: AnswerRecord, answered: number): void {
    const entry = this.parsed.get(gameId);
    const answers = entry?.game.answers[index];
    if (!entry || entry.openIndex !== index || !answers || entry.openCount !== answered - 1) return;
    answers[record.playerId] = record;
    entry.openCount = answered;
  }

  async hasAnswered(gameId: string, questionIndex: number, playerId: string): Promise<boolean> {
    return (await this.redis.hexists(k.answers(gameId, questionIndex), playerId)) === 1;
  }

  async answersOf(gameId: string, questionCount: number): Promise<Array<Record<string, AnswerRecord>>> {
    return Promise.all(Array.from({ length: questionCount }, (_, i) => this.answersAt(gameId, i)));
  }

  async retire(gameId: string, keepMs: number): Promise<void> {
    const loaded = await this.load(gameId);
    this.parsed.delete(gameId);
    const keys = [k.core(gameId), k.players(gameId), k.kicked(gameId)];
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
    for (const [id, json] of Object.entries(raw)) answers[id] = JSON.parse(json) as AnswerRecord;
    return answers;
  }
}

/** The players a commit changed, or null for "any of them": no events, a reveal (everyone is re-scored), or a game this instance did not load. */
function changedPlayers(game: GameState, before: JournaledShape | null, changes: readonly GameEvent[] | undefined): string[] | null {
  if (!changes || !before || !sameShape(before, game) || revealsSince(before, game) !== 0) return null;
  const named = playersNamed(changes);
  return named ? [...named] : null;
}

/** The small fields: what every commit rewrites. */
function coreOf(game: GameState): string {
  return JSON.stringify(topOf(game));
}

/** A whole game from its core, questions, host credential and every player's entry. */
function assemble(reply: Extract<LoadReply, ['full', ...unknown[]]>): Parsed {
  const [, v, core, questions, host, ...flat] = reply;
  const top = JSON.parse(core) as GameTop;
  const game: GameState = {
    ...top,
    questions: JSON.parse(questions) as GameState['questions'],
    credentials: { host, players: dict() },
    players: dict(),
    nicknames: dict(),
    bannedDevices: dict(),
    answers: [],
  };
  const entries: PlayerChange[] = [];
  for (let i = 1; i < flat.length; i += 2) entries.push(JSON.parse(flat[i] ?? 'null') as PlayerChange);
  // A hash keeps no order: players are listed (lobby, ties) in the order they joined, as the game had them.
  entries.sort((a, b) => (a.player?.joinedAt ?? 0) - (b.player?.joinedAt ?? 0));
  for (const change of entries) applyPlayer(game, change);
  game.answers = Array.from({ length: Math.max(game.index + 1, 0) }, () => dict<AnswerRecord>());
  return { version: Number(v), game, shape: shapeOf(game), openIndex: -1, openCount: 0 };
}

/** Brings a copy one commit forward: the new small fields, then the players that commit changed. */
function applyCommit(known: Parsed, reply: Extract<LoadReply, ['delta', ...unknown[]]>): Parsed {
  const [, v, core, changed, ...values] = reply;
  const { game } = known;
  Object.assign(game, JSON.parse(core) as GameTop);
  const ids = JSON.parse(changed) as string[];
  ids.forEach((id, i) => {
    const json = values[i];
    applyPlayer(game, json ? (JSON.parse(json) as PlayerChange) : { id, player: null, credential: null });
  });
  for (let i = 0; i <= game.index; i++) game.answers[i] ??= dict();
  const sameQuestion = known.openIndex === game.index;
  return { version: Number(v), game, shape: shapeOf(game), openIndex: sameQuestion ? known.openIndex : -1, openCount: sameQuestion ? known.openCount : 0 };
}

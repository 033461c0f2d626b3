import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { closeQuestion, dict, forgetKeptViews, openKey, type AnswerRecord, type GameEvent, type GameState } from '../engine/index.js';
import { applyPlayer, playerChange, playersNamed, revealsSince, sameShape, shapeOf, topOf, type JournaledShape } from '../journal/game-delta.js';
import type { GameTop, PlayerChange } from '../journal/journal-entry.js';
import { GameStore, type AnswerWrite, type LoadedGame, type OpenAnswers } from './game-store.js';
import { ANSWERS, ANSWERS_SINCE, COMMIT, JOIN, LOAD } from './redis-game-scripts.js';
import { TurnBatcher } from './turn-batcher.js';

const logger = new Logger('RedisGameStore');

/**
 * Live games in Redis, shared by every server instance. All keys of a game
 * carry its hash tag ({gameId}), so a Redis Cluster keeps one game on one
 * shard and the scripts stay atomic there.
 *
 *   game:{id}:core        hash  v (version: every commit and every join moves it on), s (the game's small
 *                               fields, JSON), q (questions JSON), h (host credential), open (open key or ""),
 *                               active, connected (the player counters: joins count them here, not in s),
 *                               gate ("" or why a join is refused: GAME_OVER, GAME_LOCKED), max (player limit)
 *   game:{id}:log         list  element i: what the change that made version i + 1 changed: the ids of the players
 *                               it changed (JSON), "*" (any player), or "r<question>:<digest>" (it revealed that
 *                               question and changed no player otherwise; the digest is of everyone's scores and ranks)
 *   game:{id}:players     hash  playerId → { id, player, credential, banned? } JSON, one field per player
 *   game:{id}:names       hash  "n:" + folded nickname → playerId for players in play, "p:" + playerId → folded nickname
 *   game:{id}:answers:<i> hash  playerId → answer JSON (first answer wins)
 *   game:{id}:answers:<i>:order  list  the ids of those answers in the order they were stored (a copy reads the new ones)
 *   game:{id}:kicked      set   players who can no longer answer
 *   pin:<pin>             string → game id, unique among live games
 *   games:live            set   ids of live games (for the timer leases)
 *
 * A commit writes the small core and only the players the engine's events
 * name (`playersNamed`, shared with the embedded journal): a join to a game
 * of 5,000 writes one player, not 5,000. A reveal re-scores and re-ranks
 * everyone, so it (and any commit whose events cannot say who changed)
 * rewrites every player — once per question, not once per event. Another
 * instance does not read those players back: the engine is deterministic, so
 * an instance whose copy was current up to the reveal closes the question on
 * its copy with the question's answers (`closeQuestion`, as the embedded
 * journal replays a reveal) and checks the result against the digest the
 * committing instance logged; only a copy that does not match reads the game whole.
 *
 * A commit that only joins players (`lobby-changed` events marked `joined`,
 * nothing else of the game changed) is not compare-and-set: the JOIN script
 * checks, against the game as it is now, what another instance could have
 * changed since this one loaded it (nickname taken, game full, locked or
 * over) and writes the players, their names and the counters. So joins
 * arriving at two instances never refuse each other; a commit of anything
 * else is still refused by any change since its load, joins included, and
 * its retry reads only the players those changes named.
 */
const k = {
  core: (id: string) => `game:{${id}}:core`,
  players: (id: string) => `game:{${id}}:players`,
  answers: (id: string, i: number) => `game:{${id}}:answers:${String(i)}`,
  answerOrder: (id: string, i: number) => `game:{${id}}:answers:${String(i)}:order`,
  log: (id: string) => `game:{${id}}:log`,
  names: (id: string) => `game:{${id}}:names`,
  kicked: (id: string) => `game:{${id}}:kicked`,
  pin: (pin: string) => `pin:${pin}`,
  live: 'games:live',
};

type LoadReply =
  | null
  | ['same', string]
  | ['delta', string, string, string, string, string, ...Array<string | null>]
  | ['full', string, string, string, string, string, string, ...string[]];

/** A refusal code, or the version and the counters after the join. */
type JoinReply = string | [number, number, number];

/** How many changes behind a copy may be and still be brought forward player by player (beyond, it is read whole). */
const DELTA_LIMIT = 1000;

type GameRedis = Redis & {
  gameCommit(core: string, answers: string, kicked: string, players: string, log: string, names: string, ...args: Array<string | number>): Promise<number>;
  gameJoin(core: string, players: string, log: string, names: string, ...args: string[]): Promise<JoinReply>;
  gameLoad(core: string, players: string, log: string, knownVersion: number, deltaLimit: number): Promise<LoadReply>;
  gameAnswers(core: string, answers: string, kicked: string, order: string, key: string, ...idsAndRecords: string[]): Promise<number[]>;
  gameAnswersSince(answers: string, order: string, from: number): Promise<[number, 'since' | 'all', ...Array<string | null>]>;
};

/** What this instance last loaded or committed of a game. */
interface Parsed {
  version: number;
  game: GameState;
  /** The shape at that version: tells a commit whether a delta can describe it. */
  shape: JournaledShape;
  /** The small fields at that version but for what a join changes (`joinFree`): a commit that leaves them alone may be a join. */
  joinFree: string;
  /**
   * `game.answers[openIndex]` holds `openCount` answers of that question (openIndex -1: none read yet): every
   * answer its order list had up to `openListed` (ANSWERS_SINCE), plus those this instance stored since.
   */
  openIndex: number;
  openCount: number;
  openListed: number;
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
    redis.defineCommand('gameCommit', { numberOfKeys: 6, lua: COMMIT });
    redis.defineCommand('gameJoin', { numberOfKeys: 4, lua: JOIN });
    redis.defineCommand('gameLoad', { numberOfKeys: 3, lua: LOAD });
    redis.defineCommand('gameAnswers', { numberOfKeys: 4, lua: ANSWERS });
    redis.defineCommand('gameAnswersSince', { numberOfKeys: 2, lua: ANSWERS_SINCE });
    // Auto-pipelining sends a turn's commands at the turn's end (setImmediate), which a burst of readable sockets
    // holds off for the whole burst (see TurnBatcher): an answer or a join waited for every other phone's packet.
    // The commands of loads, commits, joins and answers are already one per batch or per game transaction, so they
    // leave at once; the rest (PINs, the live set, retiring) still pipeline.
    redis.options.autoPipeliningIgnoredCommands = [
      ...(redis.options.autoPipeliningIgnoredCommands ?? []),
      ...['gameCommit', 'gameJoin', 'gameLoad', 'gameAnswers', 'gameAnswersSince', 'hgetall', 'hexists'],
    ];
    this.redis = redis as GameRedis;
  }

  async insert(game: GameState): Promise<boolean> {
    const taken = (await this.redis.set(k.pin(game.pin), game.id, 'NX')) === null;
    if (taken) return false;
    const tx = this.redis.multi();
    tx.hset(k.core(game.id), 'v', 0, 's', coreOf(game), 'q', JSON.stringify(game.questions), 'h', game.credentials.host, 'open', '', ...countersOf(game));
    const entries = Object.keys(game.players).flatMap((id) => [id, JSON.stringify(playerChange(game, id))]);
    if (entries.length > 0) tx.hset(k.players(game.id), ...entries);
    const names = Object.values(game.players).flatMap((p) => (p.kicked ? [] : [`n:${folded(p.nickname)}`, p.id, `p:${p.id}`, folded(p.nickname)]));
    if (names.length > 0) tx.hset(k.names(game.id), ...names);
    await tx.exec();
    await this.redis.sadd(k.live, game.id);
    return true;
  }

  /** Per game: the read on its way, and the one that starts after it for everyone who asked meanwhile. */
  private readonly reads = new Map<string, { running: Promise<LoadedGame | null> | null; queued: Promise<LoadedGame | null> | null }>();

  /**
   * At most one read of a game is on its way, plus one queued behind it that
   * everyone asking meanwhile shares: each caller still gets a state read
   * after it asked, but thousands of answers arriving at an instance whose
   * copy is out of date (the other instance just started the question) cost
   * two reads, not thousands of whole-game reads that time out together.
   */
  load(gameId: string): Promise<LoadedGame | null> {
    let slot = this.reads.get(gameId);
    if (!slot) {
      slot = { running: null, queued: null };
      this.reads.set(gameId, slot);
    }
    const reads = slot;
    if (reads.queued) return reads.queued;
    const start = (): Promise<LoadedGame | null> => {
      const read = this.read(gameId, 0).finally(() => {
        if (reads.running === read) reads.running = null;
        if (!reads.running && !reads.queued && this.reads.get(gameId) === reads) this.reads.delete(gameId);
      });
      reads.running = read;
      return read;
    };
    if (!reads.running) return start();
    const queued = reads.running
      .catch(() => undefined)
      .then(() => {
        reads.queued = null;
        return start();
      });
    reads.queued = queued;
    return queued;
  }

  /**
   * Another instance changed the game (its change notice): a copy this
   * instance holds is brought up to date in the background, so the next use
   * finds it current. A game this instance holds no copy of is left alone.
   * Reads are shared (one on its way, one queued), so a burst of notices
   * costs at most two; a failed read only means the next use reads again.
   */
  bringForward(gameId: string): void {
    if (this.parsed.has(gameId)) void this.load(gameId).catch(() => undefined);
  }

  private async read(gameId: string, retries: number): Promise<LoadedGame | null> {
    // After a few copies replaced under it, the next read ignores the copy and reads the game whole.
    if (retries >= 3) this.parsed.delete(gameId);
    const known = this.parsed.get(gameId);
    const reply = await this.redis.gameLoad(k.core(gameId), k.players(gameId), k.log(gameId), known?.version ?? -1, DELTA_LIMIT);
    if (reply === null) {
      this.parsed.delete(gameId);
      return null;
    }
    // The copy was dropped or replaced while this load was on its way: a commit of it was refused (so it may hold
    // that refused change) or it moved on. Bringing it forward would bring the refused change along: read again.
    if (known && this.parsed.get(gameId) !== known && reply[0] !== 'full') return this.read(gameId, retries + 1);
    let entry: Parsed;
    if (reply[0] === 'same' && known) entry = known;
    else if (reply[0] === 'delta' && known) {
      const reveal = revealOf(reply[5]);
      const answers = reveal ? await this.closedAnswers(gameId, known, reveal.index) : null;
      // The answers' read gave the copy time to be dropped or replaced: as above.
      if (this.parsed.get(gameId) !== known) return this.read(gameId, retries + 1);
      const forward = applyChanges(known, reply, reveal && answers ? { ...reveal, answers } : null);
      if (!forward) {
        // The reveal on this copy did not give the scores the committing instance logged: read the game whole. Not
        // expected (the engine is deterministic), so worth a line: instances on different builds or collators.
        logger.warn(`game ${gameId}: a reveal replayed here did not match the scores logged with it; reading the game whole`);
        this.parsed.delete(gameId);
        return this.read(gameId, retries + 1);
      }
      entry = forward;
    } else if (reply[0] === 'full') entry = assemble(reply);
    else throw new Error(`game ${gameId}: unexpected load reply ${reply[0]}`);
    this.parsed.set(gameId, entry);
    return this.withOpenAnswers(gameId, entry);
  }

  /**
   * Every answer to a question another instance closed: the copy's, brought up
   * to date (no answer is stored after the close: the answers script checks
   * the open key the close cleared).
   */
  private async closedAnswers(gameId: string, known: Parsed, index: number): Promise<Record<string, AnswerRecord>> {
    await this.catchUpAnswers(gameId, known, index);
    return known.game.answers[index] ?? dict();
  }

  /**
   * Brings the copy's answers to question `index` up to date: the ones stored
   * since it last read that question's order list (all of them if it has not
   * read it yet), so a load during a busy question, on an instance that did
   * not store most of its answers, reads what is new, not thousands again.
   */
  private async catchUpAnswers(gameId: string, entry: Parsed, index: number): Promise<void> {
    const from = entry.openIndex === index ? entry.openListed : 0;
    const [count, mode, ...pairs] = await this.redis.gameAnswersSince(k.answers(gameId, index), k.answerOrder(gameId, index), from);
    let answers = entry.game.answers[index];
    if (entry.openIndex !== index || mode === 'all' || !answers) {
      answers = entry.game.answers[index] = dict<AnswerRecord>();
      entry.openIndex = index;
      entry.openCount = 0;
    }
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const id = pairs[i] ?? '';
      const json = pairs[i + 1];
      // The answers this instance stored are in its copy already: no need to parse them again.
      if (answers[id] || !json) continue;
      answers[id] = JSON.parse(json) as AnswerRecord;
      entry.openCount++;
    }
    entry.openListed = mode === 'since' ? count : 0;
  }

  /**
   * Answers live in their own hashes. A load brings the open question's
   * answers in the copy up to date with what was stored since it last looked
   * (answers are only ever added), and gives their count, which a commit
   * compares with the question's count in Redis.
   */
  private async withOpenAnswers(gameId: string, entry: Parsed): Promise<LoadedGame> {
    const { game, version } = entry;
    if (game.index < 0) return { game, version, openCount: 0 };
    await this.catchUpAnswers(gameId, entry, game.index);
    return { game, version, openCount: game.phase === 'question' ? entry.openCount : 0 };
  }

  async findIdByPin(pin: string): Promise<string | null> {
    return this.redis.get(k.pin(pin));
  }

  async commit(game: GameState, version: number, open: OpenAnswers | null, changes?: readonly GameEvent[]): Promise<number | null> {
    const known = this.parsed.get(game.id);
    const joined = known?.game === game ? joinsOnly(known, game, changes) : null;
    if (joined) return this.join(game, joined);
    const before = known?.game === game ? known.shape : null;
    const named = changedPlayers(game, before, changes);
    const revealed = named ? null : revealOnly(game, before, changes);
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
      set.push(id, JSON.stringify(playerChange(game, id)), player.kicked ? '' : folded(player.nickname));
      if (player.kicked) kicked.push(id);
    }
    const reshaped = before === null || !sameShape(before, game);
    const args = [
      String(version),
      coreOf(game),
      openKey(game) ?? '',
      open ? open.count : -1,
      named ? JSON.stringify(named) : revealed !== null ? `r${String(revealed)}:${scoresDigest(game)}` : '*',
      set.length / 3,
      removed.length,
      reshaped ? JSON.stringify(game.questions) : '',
      reshaped ? game.credentials.host : '',
      game.activeCount,
      game.connectedCount,
      joinGate(game),
      game.settings.maxPlayers,
      ...set,
      ...removed,
      ...kicked,
    ];
    let result: number;
    try {
      const id = game.id;
      result = await this.redis.gameCommit(k.core(id), k.answers(id, open?.index ?? 0), k.kicked(id), k.players(id), k.log(id), k.names(id), ...args);
    } catch (err) {
      // It may or may not have been applied: the next load reads the game again rather than trust this copy.
      this.parsed.delete(game.id);
      throw err;
    }
    if (result < 0) {
      this.parsed.delete(game.id);
      return null;
    }
    const mine = known?.game === game;
    this.parsed.set(game.id, {
      version: result,
      game,
      shape: shapeOf(game),
      joinFree: joinFree(game),
      openIndex: mine ? known.openIndex : -1,
      openCount: mine ? known.openCount : 0,
      openListed: mine ? known.openListed : 0,
    });
    return result;
  }

  /**
   * Writes joins without compare-and-set (JOIN). Refused (null) when Redis
   * says another instance took the nickname, filled, locked or ended the game
   * since this copy was loaded: the runner loads it again and the engine
   * refuses the player who no longer fits.
   */
  private async join(game: GameState, ids: string[]): Promise<number | null> {
    const args = [JSON.stringify(ids)];
    for (const id of ids) {
      const player = game.players[id];
      if (player) args.push(id, JSON.stringify(playerChange(game, id)), folded(player.nickname));
    }
    let reply: JoinReply;
    try {
      reply = await this.redis.gameJoin(k.core(game.id), k.players(game.id), k.log(game.id), k.names(game.id), ...args);
    } catch (err) {
      this.parsed.delete(game.id);
      throw err;
    }
    if (typeof reply === 'string') {
      this.parsed.delete(game.id);
      return null;
    }
    const [version, active, connected] = reply;
    const entry = this.parsed.get(game.id);
    // Only a copy exactly one change behind is this join's result; otherwise the next load brings it forward (this join included).
    if (entry?.game === game && entry.version + 1 === version) {
      game.activeCount = active;
      game.connectedCount = connected;
      entry.version = version;
    }
    return version;
  }

  async recordAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): Promise<AnswerWrite> {
    const result = await this.answerBatches.submit(`${gameId}\n${String(questionIndex)}\n${key}`, { gameId, index: questionIndex, key, record });
    if (result === 0) return { status: 'duplicate' };
    if (result === -1) return { status: 'stale' };
    if (result === -2) return { status: 'kicked' };
    this.keepAnswer(gameId, questionIndex, record);
    return { status: 'stored', answered: result };
  }

  /** One script call for the answers to one question that arrived in the same turn. */
  private async writeAnswers(batch: PendingAnswer[]): Promise<number[]> {
    const first = batch[0];
    if (!first) return [];
    const args = batch.flatMap(({ record }) => [record.playerId, JSON.stringify(record)]);
    const { gameId, index } = first;
    return this.redis.gameAnswers(k.core(gameId), k.answers(gameId, index), k.kicked(gameId), k.answerOrder(gameId, index), first.key, ...args);
  }

  /**
   * An answer this instance stored joins its copy of that question. The copy
   * then holds only answers Redis has; whether it holds all of them is the
   * next load's question (catchUpAnswers), and a commit's answer count checks it.
   */
  private keepAnswer(gameId: string, index: number, record: AnswerRecord): void {
    const entry = this.parsed.get(gameId);
    const answers = entry?.game.answers[index];
    if (!entry || entry.openIndex !== index || !answers || answers[record.playerId]) return;
    answers[record.playerId] = record;
    entry.openCount++;
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
    const keys = [k.core(gameId), k.players(gameId), k.kicked(gameId), k.log(gameId), k.names(gameId)];
    for (let i = 0; i < (loaded?.game.questions.length ?? 0); i++) keys.push(k.answers(gameId, i), k.answerOrder(gameId, i));
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

/**
 * The question a commit closed, when closing it is all the commit did to the
 * players: one reveal of the question open at load (the same rule as the
 * journal's reveal deltas), and no event naming a player. Null otherwise.
 */
function revealOnly(game: GameState, before: JournaledShape | null, changes: readonly GameEvent[] | undefined): number | null {
  if (!changes || !before || !sameShape(before, game) || before.phase !== 'question' || revealsSince(before, game) !== 1) return null;
  return playersNamed(changes)?.size === 0 ? before.index : null;
}

/**
 * What a reveal computes for every player (scores, streaks, ranks), one
 * SHA-256 over the players in id order, so the order each copy keeps its
 * players in does not matter: an instance that applies a reveal to its own
 * copy compares this with the digest the committing instance logged.
 */
function scoresDigest(game: GameState): string {
  const players = Object.values(game.players).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = createHash('sha256');
  for (const p of players)
    hash.update(`${p.id}|${p.score}|${p.streak}|${p.correctCount}|${p.bestStreak}|${p.rank}|${String(p.previousRank)}|${String(p.kicked)}\n`);
  return hash.digest('base64url').slice(0, 22);
}

/** A reveal logged by the load's delta: "r<question>:<digest>", or "" for none. */
function revealOf(logged: string | null | undefined): { index: number; digest: string } | null {
  const match = /^r(\d+):(.+)$/.exec(logged ?? '');
  return match ? { index: Number(match[1]), digest: match[2] ?? '' } : null;
}

/**
 * The ids of the players a commit joins, when joining them is all it does:
 * every event a join (`joined`), the questions, phase and host as loaded, and
 * the small fields as loaded but for the counters and the ranking's version,
 * which a join moves. Null for any other commit.
 */
function joinsOnly(known: Parsed, game: GameState, changes: readonly GameEvent[] | undefined): string[] | null {
  if (!changes || changes.length === 0 || !sameShape(known.shape, game)) return null;
  const ids: string[] = [];
  for (const event of changes) {
    if (event.type !== 'lobby-changed' || event.joined !== true || event.playerId === undefined || !game.players[event.playerId]) return null;
    ids.push(event.playerId);
  }
  return joinFree(game) === known.joinFree ? ids : null;
}

/** The small fields without the ones a join changes. */
function joinFree(game: GameState): string {
  return JSON.stringify({ ...topOf(game), activeCount: 0, connectedCount: 0, standingsVersion: 0 });
}

/** Why a join would be refused whatever the player: the same order of checks as engine.addPlayer. */
function joinGate(game: GameState): string {
  if (game.phase === 'podium' || game.phase === 'ended') return 'GAME_OVER';
  return game.locked ? 'GAME_LOCKED' : '';
}

function countersOf(game: GameState): Array<string | number> {
  return ['active', game.activeCount, 'connected', game.connectedCount, 'gate', joinGate(game), 'max', game.settings.maxPlayers];
}

/** Nicknames are unique as the engine folds them. */
function folded(nickname: string): string {
  return nickname.toLocaleLowerCase();
}

/** The small fields: what every commit rewrites. */
function coreOf(game: GameState): string {
  return JSON.stringify(topOf(game));
}

/** A whole game from its core, questions, host credential and every player's entry. */
function assemble(reply: Extract<LoadReply, ['full', ...unknown[]]>): Parsed {
  const [, v, core, questions, host, active, connected, ...flat] = reply;
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
  game.activeCount = Number(active);
  game.connectedCount = Number(connected);
  game.answers = Array.from({ length: Math.max(game.index + 1, 0) }, () => dict<AnswerRecord>());
  return { version: Number(v), game, shape: shapeOf(game), joinFree: joinFree(game), openIndex: -1, openCount: 0, openListed: 0 };
}

/**
 * Brings a copy a few changes forward: the reveal among them, if any (the
 * engine's `closeQuestion` on the copy as it was before it, with every answer
 * to that question), then the new small fields and counters, then the current
 * entries of the players the changes after the reveal named (LOAD sends a
 * reveal only when no change before it named a player). Null when the reveal
 * here does not reproduce the committing instance's digest: the copy is
 * spoiled then and must be read whole.
 */
function applyChanges(
  known: Parsed,
  reply: Extract<LoadReply, ['delta', ...unknown[]]>,
  reveal: { index: number; digest: string; answers: Record<string, AnswerRecord> } | null,
): Parsed | null {
  const [, v, core, active, connected, , ...pairs] = reply;
  const { game } = known;
  let revealedCount = -1;
  if (reveal) {
    // The question as it stood when it closed; nothing but the small fields changed since the copy (LOAD checked).
    game.phase = 'question';
    game.index = reveal.index;
    game.answers[reveal.index] = reveal.answers;
    closeQuestion(game);
    if (scoresDigest(game) !== reveal.digest) return null;
    revealedCount = Object.keys(reveal.answers).length;
  }
  Object.assign(game, JSON.parse(core) as GameTop);
  game.activeCount = Number(active);
  game.connectedCount = Number(connected);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const id = pairs[i] ?? '';
    const json = pairs[i + 1];
    applyPlayer(game, json ? (JSON.parse(json) as PlayerChange) : { id, player: null, credential: null });
  }
  // Another instance's joins leave the ranking's version where its last commit wrote it: a ranking sorted here before is stale.
  if (pairs.length > 0) forgetKeptViews(game);
  for (let i = 0; i <= game.index; i++) game.answers[i] ??= dict();
  // The copy holds every answer of a question it closed here; of any other, what it had if it is still the same one.
  const sameQuestion = revealedCount >= 0 ? reveal?.index === game.index : known.openIndex === game.index;
  const count = revealedCount >= 0 ? revealedCount : known.openCount;
  return {
    version: Number(v),
    game,
    shape: shapeOf(game),
    joinFree: joinFree(game),
    openIndex: sameQuestion ? game.index : -1,
    openCount: sameQuestion ? count : 0,
    openListed: sameQuestion ? known.openListed : 0,
  };
}

import type { QuestionSource, QuestionType } from '../../questions/question.js';
import { rulesOf, type OrderingBreakdown, type TypedAnswerCount } from '../../questions/types/index.js';
import { LIMITS } from '../../protocol/limits.js';
import { questionAt } from './asked-questions.js';
import type { AnswerRecord, GameState, Phase, PlayerState } from './game-state.js';
import {
  forEachStanding,
  forgetStandings,
  gapOf,
  podiumEntry,
  podiumOf,
  rankOf,
  rankPlayers,
  rankedCount,
  type Gap,
  type PodiumEntry,
  type RankedPlayer,
} from './ranking.js';
import { inGetReady, stillExpected } from './rounds.js';

export type { OrderingBreakdown, TypedAnswerCount } from '../../questions/types/index.js';

/**
 * Projections of the game state into the payloads of docs/protocol.md.
 * Anything built here before the reveal must never carry a correct answer.
 */
export const LEADERBOARD_TOP = 10;
/** Ties can crowd the top three; past this many, the podium lists no more of them. */
export const PODIUM_MAX = 10;
/** The host's lobby shows the latest joins, not a class of thousands. */
export const LOBBY_WINDOW = LIMITS.lobbyWindow;

export interface QuestionView {
  index: number;
  total: number;
  type: QuestionType;
  prompt: string;
  options: string[];
  multiplier: number;
  timeLimitMs: number;
  deadlineAt: number;
  serverNow: number;
  remainingMs: number;
  paused: boolean;
  /** Set during "get ready": when the options open (server epoch ms). The options are sent only then. */
  opensAt: number | null;
}

export function questionView(game: GameState, now: number): QuestionView {
  const q = questionAt(game, game.index);
  // Events are published with the state their whole change left: a question that opened and closed in one change has no time left.
  const remainingMs = game.paused ? game.paused.remainingMs : Math.max(0, (game.deadlineAt ?? now) - now);
  const getReady = inGetReady(game);
  return {
    index: game.index,
    total: game.questions.length,
    type: q.type,
    prompt: q.prompt,
    options: getReady ? [] : q.options,
    opensAt: getReady ? now + Math.max(0, game.opensAt - (game.paused ? game.paused.at : now)) : null,
    multiplier: q.multiplier,
    timeLimitMs: game.settings.timeLimitMs,
    deadlineAt: now + remainingMs,
    serverNow: now,
    remainingMs,
    paused: game.paused !== null,
  };
}

export interface Distribution {
  /** How many players chose each option (single, multiple, true/false); empty otherwise. */
  options: number[];
  correct: number;
  incorrect: number;
  /** Players who could have answered (present when the question was shown, not kicked) and did not. */
  unanswered: number;
}

export interface RevealView {
  index: number;
  type: QuestionType;
  prompt: string;
  options: string[];
  correct: number[];
  accepted: string[];
  distribution: Distribution;
  /** Typed questions: the most common answers (at most 5); empty for other types. */
  typedAnswers: TypedAnswerCount[];
  /** Ordering questions only; null for other types. */
  ordering: OrderingBreakdown | null;
  explanation: string;
  source: QuestionSource;
}

/** Players the question could count: not kicked, and present when it was shown (or they answered it anyway). */
function couldAnswer(game: GameState, index: number, byPlayer: Record<string, AnswerRecord>): number {
  const askedAt = game.askedAt?.[index];
  let count = 0;
  for (const p of Object.values(game.players)) {
    if (p.kicked) continue;
    if (askedAt === undefined || p.joinedAt <= askedAt || byPlayer[p.id]) count += 1;
  }
  return count;
}

/**
 * The reveal of a closed question, kept per state object: every snapshot
 * during a reveal carries it (a host command's ack, and each phone's join or
 * resume), and building it counts the whole class and its answers (13 ms at
 * 10,000 players). A closed question's answers no longer change; who counts
 * as able to answer changes only with the roster (a join, a kick), which
 * moves `standingsVersion` and `activeCount` on.
 */
interface KeptReveal {
  index: number;
  answers: Record<string, AnswerRecord> | undefined;
  version: number;
  activeCount: number;
  view: RevealView;
}
const revealsOf = new WeakMap<GameState, KeptReveal>();

/**
 * Drops everything kept beside this state object (the ranking, the name order, the reveal): its players were
 * replaced or changed in place from outside the engine (a journal replay, another instance's changes read from
 * Redis), which moves no counter the kept values are checked against.
 */
export function forgetKeptViews(game: GameState): void {
  forgetStandings(game);
  revealsOf.delete(game);
}

export function revealView(game: GameState, index = game.index): RevealView {
  const closed = index < game.index || (index === game.index && game.phase !== 'question' && game.phase !== 'lobby');
  if (!closed) return buildRevealView(game, index);
  const kept = revealsOf.get(game);
  const answers = game.answers[index];
  const version = game.standingsVersion ?? 0;
  if (kept?.index === index && kept.answers === answers && kept.version === version && kept.activeCount === game.activeCount) return kept.view;
  const view = buildRevealView(game, index);
  revealsOf.set(game, { index, answers, version, activeCount: game.activeCount, view });
  return view;
}

function buildRevealView(game: GameState, index: number): RevealView {
  const q = questionAt(game, index);
  const byPlayer = game.answers[index] ?? {};
  const answers = Object.values(byPlayer);
  // The type's own part: option counts, typed answers or the ordering breakdown.
  const { options, typedAnswers, ordering } = rulesOf(q).reveal(q, answers);
  const correct = answers.filter((a) => a.correct).length;
  const players = couldAnswer(game, index, byPlayer);
  return {
    index,
    type: q.type,
    prompt: q.prompt,
    options: q.options,
    correct: q.correct,
    accepted: q.accepted,
    distribution: { options, correct, incorrect: answers.length - correct, unanswered: Math.max(0, players - answers.length) },
    typedAnswers,
    ordering,
    explanation: q.explanation,
    source: q.source,
  };
}

export interface PlayerResultView {
  index: number;
  answered: boolean;
  correct: boolean;
  points: number;
  score: number;
  correctCount: number;
  streak: number;
  rank: number;
  totalPlayers: number;
  /** The nearest player with more points ("120 points behind Ana"); null for the leaders. */
  ahead: { nickname: string; score: number } | null;
  /** A sole leader's margin over the next score; null otherwise. */
  leadBy: number | null;
}

/** One player's result for the question just revealed, from their standing. */
function resultOf(
  game: GameState,
  answers: Record<string, AnswerRecord> | undefined,
  playerId: string,
  me: Pick<PlayerState, 'score' | 'correctCount' | 'streak'>,
  rank: number,
  totalPlayers: number,
  gap: Gap,
): PlayerResultView {
  const record = answers?.[playerId];
  return {
    index: game.index,
    answered: record !== undefined,
    correct: record?.correct ?? false,
    points: record?.points ?? 0,
    score: me.score,
    correctCount: me.correctCount,
    streak: me.streak,
    rank,
    totalPlayers,
    ahead: gap.ahead,
    leadBy: gap.leadBy,
  };
}

/**
 * Every player's own result for the question just revealed, in ranking
 * order, as [playerId, result] pairs (a reveal sends them in order; no map
 * of 10,000 is needed): the reveal's ranking is sorted once and each gap is a
 * lookup, read straight from the standings (no RankedPlayer per player on the
 * way).
 */
export function playerResults(game: GameState): Array<[playerId: string, result: PlayerResultView]> {
  const answers = game.answers[game.index];
  const total = rankedCount(game);
  const results: Array<[string, PlayerResultView]> = [];
  forEachStanding(game, (p, rank, gap) => {
    results.push([p.id, resultOf(game, answers, p.id, p, rank, total, gap)]);
  });
  return results;
}

export interface LeaderboardView {
  top: RankedPlayer[];
  total: number;
}

export function leaderboardView(game: GameState): LeaderboardView {
  return { top: rankPlayers(game, LEADERBOARD_TOP), total: rankedCount(game) };
}

/** The host's `game:over`: the whole leaderboard (a snapshot carries only its top, see `hostSnapshot`). */
export interface GameOverView {
  podium: RankedPlayer[];
  leaderboard: RankedPlayer[];
  total: number;
  endReason: GameState['endReason'];
  historyId: string;
}

/** A phone's `game:over`: its own standing and the podium, never the whole class. */
export interface PlayerGameOverView {
  podium: PodiumEntry[];
  me: RankedPlayer;
  total: number;
  endReason: GameState['endReason'];
}

/** `leaderboard` may be the top of the ranking only (a snapshot's), with `total` the whole class. */
export function gameOverView(game: GameState, leaderboard = rankPlayers(game), total = leaderboard.length): GameOverView {
  return {
    podium: podiumFrom(game, leaderboard),
    leaderboard,
    total,
    endReason: game.endReason,
    historyId: game.id,
  };
}

/**
 * The players ranked 3rd or better, at most PODIUM_MAX: from `ranked` when it
 * holds all of them (it is in ranking order, so they come first), else from
 * the standings.
 */
function podiumFrom(game: GameState, ranked: readonly RankedPlayer[]): RankedPlayer[] {
  const podium: RankedPlayer[] = [];
  for (const p of ranked) {
    if (p.rank > 3 || podium.length === PODIUM_MAX) return podium;
    podium.push(p);
  }
  // `ranked` ended while still on the podium: it may be a cut-off top, so the standings tell.
  return ranked.length >= rankedCount(game) ? podium : rankPlayers(game, PODIUM_MAX).filter((p) => p.rank <= 3);
}

/**
 * One phone's view of the final standings; `over` is the game's
 * `gameOverView` and `podium` its podium as phones get it, both built once
 * for everyone.
 */
export function playerGameOverView(over: GameOverView, me: RankedPlayer, podium = over.podium.map(podiumEntry)): PlayerGameOverView {
  return { podium, me, total: over.total, endReason: over.endReason };
}

export interface LobbyPlayer {
  playerId: string;
  nickname: string;
  connected: boolean;
}

/** In a host snapshot: the latest joins (at most LOBBY_WINDOW) and how many are in. */
export interface LobbyView {
  players: LobbyPlayer[];
  count: number;
  locked: boolean;
}

const lobbyPlayer = (p: PlayerState): LobbyPlayer => ({ playerId: p.id, nickname: p.nickname, connected: p.connected });

export function lobbyView(game: GameState): LobbyView {
  const latest: LobbyPlayer[] = [];
  const players = Object.values(game.players);
  for (let i = players.length - 1; i >= 0 && latest.length < LOBBY_WINDOW; i--) {
    const p = players[i];
    if (p && !p.kicked) latest.push(lobbyPlayer(p));
  }
  return { players: latest.reverse(), count: game.activeCount, locked: game.locked };
}

/** `lobby:update`: only the players who joined, left, came back or were removed since the last update. */
export interface LobbyUpdateView {
  changed: LobbyPlayer[];
  removed: string[];
  count: number;
  locked: boolean;
}

export function lobbyUpdateView(game: GameState, playerIds: Iterable<string>): LobbyUpdateView {
  const changed: LobbyPlayer[] = [];
  const removed: string[] = [];
  for (const id of playerIds) {
    const p = game.players[id];
    if (!p || p.kicked) removed.push(id);
    else changed.push(lobbyPlayer(p));
  }
  return { changed, removed, count: game.activeCount, locked: game.locked };
}

export interface ProgressView {
  index: number;
  answered: number;
  /** Players who can still answer: connected (or just dropped), not kicked. */
  expected: number;
}

/**
 * The host's progress a few times a second through a whole question: at
 * 10,000 players copying the tables (`Object.keys`, `Object.values`) each
 * time cost more than the counting, so it counts in place.
 */
export function progressView(game: GameState, now: number): ProgressView {
  const answers = game.answers[game.index] ?? {};
  let answered = 0;
  for (const _id in answers) answered += 1;
  let waiting = 0;
  for (const id in game.players) {
    const p = game.players[id];
    if (p && !answers[id] && stillExpected(game, p, now)) waiting += 1;
  }
  return { index: game.index, answered, expected: answered + waiting };
}

interface SnapshotBase {
  gameId: string;
  phase: Phase;
  paused: boolean;
  locked: boolean;
  questionCount: number;
  question: QuestionView | null;
  reveal: RevealView | null;
}

function snapshotBase(game: GameState, now: number): SnapshotBase {
  const revealed = game.phase === 'reveal' || game.phase === 'leaderboard';
  return {
    gameId: game.id,
    phase: game.phase,
    paused: game.paused !== null,
    locked: game.locked,
    questionCount: game.questions.length,
    question: game.phase === 'question' ? questionView(game, now) : null,
    reveal: revealed ? revealView(game) : null,
  };
}

/** The final standings exist once a started game reached the podium. */
function isOver(game: GameState): boolean {
  return (game.phase === 'podium' || game.phase === 'ended') && game.endReason !== null && game.startedAt !== null;
}

export interface PlayerSnapshot extends SnapshotBase {
  gameOver: PlayerGameOverView | null;
  me: RankedPlayer;
  /** Whether this player already answered the open question (never whether rightly). */
  answered: boolean;
  result: PlayerResultView | null;
}

export function playerSnapshot(game: GameState, playerId: string, now: number): PlayerSnapshot {
  const base = snapshotBase(game, now);
  const me = rankOf(game, playerId);
  const answered = game.index >= 0 && game.answers[game.index]?.[playerId] !== undefined;
  // One player's result, not everyone's: a burst of resumes during a reveal must not sort the class each time.
  const result = base.reveal ? resultOf(game, game.answers[game.index], playerId, me, me.rank, game.activeCount, gapOf(game, playerId)) : null;
  const gameOver = isOver(game) ? { podium: podiumOf(game, PODIUM_MAX).map(podiumEntry), me, total: game.activeCount, endReason: game.endReason } : null;
  return { ...base, gameOver, me, answered: game.phase === 'question' && answered, result };
}

export interface HostSnapshot extends SnapshotBase {
  /** In a snapshot (an attach or a command's ack) `leaderboard` holds the top LEADERBOARD_TOP; `game:over` brings the whole one. */
  gameOver: GameOverView | null;
  pin: string;
  deckTitle: string;
  lobby: LobbyView;
  progress: ProgressView | null;
  leaderboard: LeaderboardView;
}

export function hostSnapshot(game: GameState, now: number): HostSnapshot {
  // Every host command answers with a snapshot: at the podium it ranks the top only, not the whole class.
  const top = rankPlayers(game, LEADERBOARD_TOP);
  const over = isOver(game) ? gameOverView(game, top, rankedCount(game)) : null;
  return {
    ...snapshotBase(game, now),
    gameOver: over,
    pin: game.pin,
    deckTitle: game.settings.deckTitle,
    lobby: lobbyView(game),
    progress: game.phase === 'question' ? progressView(game, now) : null,
    leaderboard: { top, total: rankedCount(game) },
  };
}

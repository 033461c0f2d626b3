import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { BankQuestion, OrphanedEntry } from '../src/bank/bank-overlay.js';
import type { ItemStats } from '../src/bank/analysis/item-analysis.js';
import type { DeckSummary } from '../src/questions/deck.js';
import { answerAs, bankQuestionOf, playGame, shareARound, teacherQuestion } from './support/bank-class.js';
import { DATABASES } from './support/decks.js';
import { startApp, TEST_TEACHER_KEY, type RunningApp } from './support/e2e-app.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

const DECK = 'tema1-virtualizacion';
type Bank = { deck: DeckSummary; questions: BankQuestion[]; orphaned: OrphanedEntry[] };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]>; line?: number; question?: string } };

const getBank = async (server: RunningApp, deckId = DECK) => (await server.api<Bank>('GET', `/api/bank/${deckId}`)).body;
const OWN_PROMPT = '¿Qué capa reparte el hardware entre las máquinas virtuales? (propia)';

const singlesBySection = (bank: Bank) => {
  const by = new Map<string, BankQuestion[]>();
  for (const q of bank.questions.filter((x) => x.type === 'single' && !x.excluded)) by.set(q.source.section, [...(by.get(q.source.section) ?? []), q]);
  // Sections of a few questions: a whole game of them stays short. All of them, with the teacher's own, must fit one round.
  return [...by.entries()]
    .filter(([section, qs]) => qs.length >= 4 && qs.length <= 10 && shareARound([...qs, teacherQuestion(OWN_PROMPT, section)]))
    .sort((a, b) => b[1].length - a[1].length);
};

describe('the question bank (embedded)', () => {
  let dataDir: string;
  let server: RunningApp;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-bank-e2e-'));
    server = await startApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => ifStarted(server)?.close());

  test('every route needs the teacher key; unknown or hostile ids get clear errors', async () => {
    expect((await server.api('GET', `/api/bank/${DECK}`, undefined, null)).status).toBe(401);
    expect((await server.api('PUT', `/api/bank/${DECK}/questions/x1/excluded`, { excluded: true }, null)).status).toBe(401);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['GET', '/api/bank/no-such-deck', undefined, 404, 'DECK_NOT_FOUND'],
      ['GET', `/api/bank/${DECK}/questions/no-such-question`, undefined, 404, 'QUESTION_NOT_FOUND'],
      ['GET', `/api/bank/__proto__`, undefined, 400, 'INVALID_PAYLOAD'],
      ['PUT', `/api/bank/${DECK}/questions/constructor/excluded`, { excluded: true }, 404, 'QUESTION_NOT_FOUND'],
      ['PUT', `/api/bank/${DECK}/questions/x1/excluded`, { excluded: 'yes' }, 400, 'INVALID_PAYLOAD'],
      ['PATCH', `/api/bank/${DECK}/questions/x1`, { color: 'red' }, 400, 'INVALID_PAYLOAD'],
      ['POST', `/api/review-games`, {}, 400, 'INVALID_PAYLOAD'],
      ['POST', `/api/review-games`, { gameId: 'no-such-game' }, 404, 'GAME_NOT_FOUND'],
    ];
    for (const [method, route, body, status, code] of cases) {
      const reply = await server.api<ErrorBody>(method, route, body);
      expect([method, route, reply.status, reply.body.error.code]).toEqual([method, route, status, code]);
    }
  });

  test('edit, exclude and add; games are drawn from the effective bank; reset; the overlay survives a restart', async () => {
    const [section, singles] = singlesBySection(await getBank(server))[0]!;
    const edited = singles[0]!;
    const excluded = singles[1]!;
    const prompt = `${edited.prompt} (revisada)`;
    const patched = await server.api<BankQuestion>('PATCH', `/api/bank/${DECK}/questions/${edited.id}`, { prompt });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: edited.id, prompt, edited: true, origin: edited.origin, options: edited.options });
    expect((await server.api<BankQuestion>('PUT', `/api/bank/${DECK}/questions/${excluded.id}/excluded`, { excluded: true })).body.excluded).toBe(true);
    const own = await server.api<BankQuestion>('POST', `/api/bank/${DECK}/questions`, {
      type: 'single',
      prompt: OWN_PROMPT,
      options: teacherQuestion(OWN_PROMPT, section).options,
      correct: [0],
      explanation: teacherQuestion(OWN_PROMPT, section).explanation,
      source: { section },
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ origin: 'own', kind: 'teacher', tags: [section], source: { section, slide: '', sentence: '' } });

    const playable = singles.length; // one excluded, one added
    const request = { deckId: DECK, sections: [section], types: ['single'], questionCount: playable, timeLimitSec: 30, seed: 3 };
    const tooMany = await server.api<ErrorBody>('POST', '/api/games', { ...request, questionCount: playable + 1 });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([422, 'NOT_ENOUGH_QUESTIONS']);
    const created = await server.api<{ pin: string; hostToken: string }>('POST', '/api/games', request);
    expect(created.status).toBe(201);
    const current = (await getBank(server)).questions;
    const views = await playGame(server, created.body, 1, (view) => answerAs(bankQuestionOf(view, current)!, view));
    // Several generated questions may share a prompt (their options differ): questions are told apart by id.
    const shown = new Map(views.map((v) => [bankQuestionOf(v, current)!.id, v.prompt]));
    expect(shown.get(edited.id)).toBe(prompt);
    expect(shown.has(own.body.id)).toBe(true);
    expect(shown.has(excluded.id)).toBe(false);

    const reset = await server.api<BankQuestion>('POST', `/api/bank/${DECK}/questions/${edited.id}/reset`);
    expect(reset.body).toMatchObject({ prompt: edited.prompt, edited: false });
    await server.api('PATCH', `/api/bank/${DECK}/questions/${edited.id}`, { prompt });

    await server.close();
    server = await startApp({ DATA_DIR: dataDir });
    const after = await getBank(server);
    const byId = new Map(after.questions.map((q) => [q.id, q]));
    expect(byId.get(excluded.id)!.excluded).toBe(true);
    expect(byId.get(edited.id)!.prompt).toBe(prompt);
    expect(byId.get(own.body.id)!.prompt).toBe(own.body.prompt);
    expect(after.orphaned).toEqual([]);
  });

  test('a change that breaks a rule is refused, with the problem next to its field', async () => {
    const bank = await getBank(server);
    const single = bank.questions.find((q) => q.type === 'single' && q.origin === 'generated')!;
    const typed = bank.questions.find((q) => q.type === 'typed' && /^\d+$/.test(q.accepted[0]!))!;
    const cases: Array<[string, unknown, string]> = [
      [single.id, { correct: [9] }, 'correct'],
      [single.id, { correct: [0, 1] }, 'correct'],
      [single.id, { prompt: '' }, 'prompt'],
      [single.id, { options: ['Lo mismo', 'lo  mismo', 'Otra cosa'] }, 'options'],
      [single.id, { explanation: '' }, 'explanation'],
      [single.id, { source: { section: '99. No existe' } }, 'source.section'],
      [typed.id, { prompt: `Escribe ${typed.accepted[0]} aquí, por favor` }, 'prompt'],
      [typed.id, { accepted: [] }, 'accepted'],
    ];
    for (const [id, body, field] of cases) {
      const reply = await server.api<ErrorBody>('PATCH', `/api/bank/${DECK}/questions/${id}`, body);
      expect([JSON.stringify(body), reply.status, reply.body.error.code]).toEqual([JSON.stringify(body), 422, 'QUESTION_INVALID']);
      expect(Object.keys(reply.body.error.fields ?? {})).toContain(field);
    }
    const untouched = (await server.api<BankQuestion>('GET', `/api/bank/${DECK}/questions/${single.id}`)).body;
    expect(untouched.edited).toBe(single.edited);
    const badNew = await server.api<ErrorBody>('POST', `/api/bank/${DECK}/questions`, {
      type: 'ordering',
      prompt: 'Ordena',
      options: ['a', 'b'],
      correct: [0, 1],
      explanation: 'x',
      source: { section: '99. No' },
    });
    expect([badNew.status, badNew.body.error.code]).toEqual([422, 'QUESTION_INVALID']);
    expect(Object.keys(badNew.body.error.fields!).sort()).toEqual(['options', 'source.section']);
  });

  test('a re-uploaded deck keeps the edits it still generates and reports the others as orphaned', async () => {
    const markdown = await readFile(DATABASES, 'utf8');
    const added = await server.api<{ deck: DeckSummary }>('POST', '/api/decks', { markdown });
    const deckId = added.body.deck.id;
    const bank = await getBank(server, deckId);
    const lastSection = added.body.deck.sections.filter((s) => s.questionCount > 0).at(-1)!;
    const doomed = bank.questions.find((q) => q.source.section === lastSection.label)!;
    const kept = bank.questions.find((q) => q.source.section !== lastSection.label && q.type === 'single')!;
    await server.api('PUT', `/api/bank/${deckId}/questions/${doomed.id}/excluded`, { excluded: true });
    await server.api('PATCH', `/api/bank/${deckId}/questions/${kept.id}`, { explanation: 'Explicación del profesor.' });
    const title = lastSection.label.replace(/^\d+\.\s*/, '');
    const cut = markdown.split('\n').findIndex((line) => line.startsWith('#') && line.includes(title));
    const shorter = markdown.split('\n').slice(0, cut).join('\n');
    const reuploaded = await server.api<{ deck: DeckSummary; orphaned: OrphanedEntry[] }>('PUT', `/api/bank/${deckId}/deck`, { markdown: shorter });
    expect(reuploaded.status).toBe(200);
    expect(reuploaded.body.orphaned).toEqual([expect.objectContaining({ questionId: doomed.id, excluded: true })]);
    const after = await getBank(server, deckId);
    expect(after.questions.find((q) => q.id === kept.id)!.explanation).toBe('Explicación del profesor.');
    expect((await server.api('DELETE', `/api/bank/${deckId}/questions/${doomed.id}`)).status).toBe(204);
    expect((await getBank(server, deckId)).orphaned).toEqual([]);
    expect((await server.api<ErrorBody>('DELETE', `/api/bank/${deckId}/questions/${kept.id}`)).status).toBe(422);
    const shipped = await server.api<ErrorBody>('PUT', `/api/bank/${DECK}/deck`, { markdown });
    expect([shipped.status, shipped.body.error.code]).toEqual([404, 'DECK_NOT_FOUND']);
  });

  test('Moodle XML and GIFT out and back in; a malformed file is refused whole with its line', async () => {
    const bank = await getBank(server);
    const picked = bank.questions.filter((q) => !q.excluded && ['single', 'multiple', 'typed', 'truefalse'].includes(q.type)).slice(0, 4);
    const response = await fetch(`${server.url}/api/bank/${DECK}/export.xml?ids=${picked.map((q) => q.id).join(',')}`, {
      headers: { authorization: `Bearer ${TEST_TEACHER_KEY}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    const imported = await server.api<{ imported: BankQuestion[] }>('POST', `/api/bank/${DECK}/import`, { format: 'moodle-xml', text: xml });
    expect(imported.status).toBe(201);
    expect(imported.body.imported.map((q) => [q.origin, q.type, q.prompt, q.options, q.correct, q.accepted, q.explanation, q.source.section])).toEqual(
      picked.map((q) => ['own', q.type, q.prompt, q.options, q.correct, q.accepted, q.explanation, q.source.section]),
    );

    // The whole bank (about 200 KB of XML) into a copy of the deck: every question comes back.
    const copy = await server.api<{ deck: DeckSummary }>('POST', '/api/decks', {
      markdown: await readFile(`content/decks/${DECK}.md`, 'utf8'),
      id: 'tema1-copia',
    });
    expect(copy.status).toBe(201);
    const whole = await fetch(`${server.url}/api/bank/${DECK}/export.xml`, { headers: { authorization: `Bearer ${TEST_TEACHER_KEY}` } });
    const wholeXml = await whole.text();
    expect(wholeXml.length).toBeGreaterThan(100_000);
    const all = await server.api<{ imported: BankQuestion[] }>('POST', '/api/bank/tema1-copia/import', { format: 'moodle-xml', text: wholeXml });
    expect(all.status).toBe(201);
    expect(all.body.imported).toHaveLength(Number(whole.headers.get('x-exported-questions')));

    const gift = await fetch(`${server.url}/api/bank/${DECK}/export.gift`, { headers: { authorization: `Bearer ${TEST_TEACHER_KEY}` } });
    expect(Number(gift.headers.get('x-export-warnings'))).toBeGreaterThan(0);
    expect(await gift.text()).toContain('left out: GIFT has no ordering question type');

    const before = (await getBank(server)).questions.length;
    const section = picked[0]!.source.section;
    const broken = `$CATEGORY: $course$/top/T/${section}\n\n::a:: Uno {=sí ~no}\n\n::b:: Dos {=sí ~no\n`;
    const refused = await server.api<ErrorBody>('POST', `/api/bank/${DECK}/import`, { format: 'gift', text: broken });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'IMPORT_INVALID']);
    expect(refused.body.error.line).toBeGreaterThanOrEqual(5);
    const noKey = `$CATEGORY: $course$/top/T/${section}\n\n::a:: ¿Uno o dos? {=uno ~dos}\n\n::b:: ¿Tres o cuatro? {~tres ~cuatro}\n`;
    const named = await server.api<ErrorBody>('POST', `/api/bank/${DECK}/import`, { format: 'gift', text: noKey });
    expect([named.status, named.body.error.code, named.body.error.question]).toEqual([422, 'IMPORT_INVALID', 'question 2 "b" (line 5)']);
    expect((await getBank(server)).questions.length).toBe(before);
  });

  test('a wrong key shows up in the play statistics and the game report; a review game comes from what the class missed', async () => {
    const bank = await getBank(server);
    const [section, singles] = singlesBySection(bank).find(([, qs]) => qs.every((q) => !q.edited))!;
    // The teacher keys one question wrongly: the first distractor becomes "right".
    let wrongKey: BankQuestion | undefined;
    for (const q of singles) {
      const wrong = q.options.findIndex((_, i) => i !== q.correct[0]);
      const reply = await server.api<BankQuestion>('PATCH', `/api/bank/${DECK}/questions/${q.id}`, { correct: [wrong] });
      if (reply.status === 200) {
        wrongKey = q;
        break;
      }
    }
    expect(wrongKey).toBeDefined();
    const edited = (await getBank(server)).questions;
    const created = await server.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: DECK,
      sections: [section],
      types: ['single'],
      questionCount: Math.min(singles.length, 8),
      timeLimitSec: 30,
      seed: 11,
    });
    expect(created.status).toBe(201);
    // Ten students: the first ones know more; on the wrongly keyed question the strong half picks the truly right option.
    const shown = await playGame(server, created.body, 10, (view, p) => {
      const q = bankQuestionOf(view, edited)!;
      if (q.id === wrongKey!.id) return p < 5 ? answerAs(q, view, wrongKey!.correct) : answerAs(q, view);
      const knows = p < [9, 7, 5][view.index % 3]!;
      return knows ? answerAs(q, view) : answerAs(q, view, [q.options.findIndex((_, i) => i !== q.correct[0])]);
    });
    expect(shown.some((v) => bankQuestionOf(v, edited)!.id === wrongKey!.id)).toBe(true);

    const stats = await server.api<{ games: number; items: ItemStats[] }>('GET', `/api/bank/${DECK}/stats`);
    const item = stats.body.items.find((i) => i.questionId === wrongKey!.id)!;
    expect(item).toMatchObject({ responses: 10, facility: 0.5 });
    expect(item.discrimination!).toBeLessThan(0);
    expect(item.flags.map((f) => f.code)).toContain('negative-discrimination');
    const report = await server.api<{ items: ItemStats[] }>('GET', `/api/history/${created.body.gameId}/report`);
    expect(report.body.items.find((i) => i.questionId === wrongKey!.id)!.flags.map((f) => f.code)).toContain('negative-discrimination');

    const review = await server.api<{ pin: string; questionCount: number; hostToken: string }>('POST', '/api/review-games', {
      gameId: created.body.gameId,
      questionCount: 3,
    });
    expect(review.status).toBe(201);
    expect(review.body.questionCount).toBe(3);
    const fromSection = await server.api<{ questionCount: number }>('POST', '/api/review-games', { deckId: DECK, section });
    expect(fromSection.status).toBe(201);
  });
});

describe('the question bank with Redis: every instance serves the same decks and bank', () => {
  const prefix = testPrefix();
  let a: RunningApp;
  let b: RunningApp;
  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ALLOW_VOLATILE_REDIS: '1' };
    a = await startApp({ ...env, INSTANCE_ID: 'a' });
    b = await startApp({ ...env, INSTANCE_ID: 'b' });
  });
  afterAll(async () => {
    await Promise.all([ifStarted(a)?.close(), ifStarted(b)?.close()]);
    await dropPrefix(prefix);
  });

  test('a deck uploaded through one instance and an edit made there are seen through the other', async () => {
    const markdown = await readFile(DATABASES, 'utf8');
    const added = await a.api<{ deck: DeckSummary }>('POST', '/api/decks', { markdown });
    expect(added.status).toBe(201);
    const deckId = added.body.deck.id;
    expect((await b.api<DeckSummary[]>('GET', '/api/decks')).body.map((d) => d.id)).toContain(deckId);
    expect((await b.api<ErrorBody>('POST', '/api/decks', { markdown })).body.error.code).toBe('DECK_EXISTS');
    const question = (await getBank(b, deckId)).questions[0];
    await a.api('PUT', `/api/bank/${deckId}/questions/${question!.id}/excluded`, { excluded: true });
    await a.api('PATCH', `/api/bank/${deckId}/questions/${(await getBank(a, deckId)).questions[1]!.id}`, { explanation: 'Vista desde la otra instancia.' });
    const seenByB = await getBank(b, deckId);
    expect(seenByB.questions[0]!.excluded).toBe(true);
    expect(seenByB.questions[1]!.explanation).toBe('Vista desde la otra instancia.');
    const total = seenByB.questions.filter((q) => !q.excluded).length;
    const tooMany = await b.api<ErrorBody>('POST', '/api/games', { deckId, questionCount: Math.min(100, total + 1) });
    if (total < 100) expect(tooMany.body.error.code).toBe('NOT_ENOUGH_QUESTIONS');
    expect((await b.api('POST', '/api/games', { deckId, questionCount: Math.min(total, 5) })).status).toBe(201);
  });
});

import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HistoryPage } from '../src/history/history-summary.js';
import {
  accessibilityViolations,
  announced,
  answerQuestion as answer,
  brokenLeaderboardRows,
  createGame,
  FULL_HD,
  joinAs,
  launchChromium,
  onScreen,
  openPage,
  PHONE,
  PROJECTOR,
  textFillsProjector,
  verticalOverflow,
} from './support/browser.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { ClientPool } from './support/quiz-client.js';
import { ifStarted } from './support/teardown.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-output/screenshots';
const QUESTIONS = 4;
const NAMES = ['Lucía', 'Mateo', 'Sofía'];

describe('a whole class in a real browser', () => {
  let server: BuiltServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  const open = (options: object, url: string): Promise<Page> => openPage(browser, { contexts, problems }, options, url);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startBuiltServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await ifStarted(browser)?.close();
    await ifStarted(server)?.stop();
  });

  /** Every option button lies inside the phone's screen without scrolling. */
  async function optionsAboveTheFold(phone: Page): Promise<void> {
    const height = phone.viewportSize()!.height;
    const boxes = await phone
      .locator('button.choice, .order-item, #typed-answer, .send')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    expect(boxes.length).toBeGreaterThan(0);
    if (boxes.some((bottom) => bottom > height)) await phone.screenshot({ path: `${SHOTS}/phone-below-the-fold.png`, animations: 'disabled' });
    expect(boxes.filter((bottom) => bottom > height)).toEqual([]);
  }

  test('host on the projector, three phones, a reload mid-game, podium and history', async () => {
    const host = await open(PROJECTOR, `${server.url}/host#key=${server.teacherKey}`);
    const pin = await createGame(host, { questions: QUESTIONS, getReadySec: 2 });
    expect(pin).toMatch(/^\d{6}$/);
    await host.locator('img.qr').waitFor();

    const phones: Page[] = [];
    for (const name of NAMES) {
      const phone = await open(PHONE, `${server.url}/play?pin=${pin}`);
      expect(await phone.getByLabel('PIN').inputValue()).toBe(pin);
      await joinAs(phone, name);
      phones.push(phone);
    }
    for (const name of NAMES) await host.locator('.nicknames').getByText(name).waitFor();
    await host.screenshot({ path: `${SHOTS}/host-lobby.png`, animations: 'disabled' });
    await phones[0]!.screenshot({ path: `${SHOTS}/phone-lobby.png`, animations: 'disabled' });
    const a11y: string[] = [];
    const audit = async (name: string, page: Page) => a11y.push(...(await accessibilityViolations(page)).map((v) => `${name}: ${v}`));
    const fits = async (name: string, page: Page) => expect([name, await verticalOverflow(page)]).toEqual([name, 0]);
    await audit('host lobby', host);
    await audit('phone lobby', phones[0]!);
    await fits('host lobby', host);

    await host.getByRole('button', { name: 'Empezar' }).click();
    for (let i = 0; i < QUESTIONS; i++) {
      const heading = `Pregunta ${i + 1} de ${QUESTIONS}`;
      await onScreen(host, heading).waitFor();
      for (const phone of phones) await onScreen(phone, heading).waitFor();
      if (i === 0) {
        // Get ready: the question alone, no options yet, on the projector and the phones.
        await onScreen(phones[0]!, '¡Prepárate!').waitFor();
        expect(await phones[0]!.locator('button.choice').count()).toBe(0);
        expect(await announced(phones[0]!)).toContain(`¡Prepárate! ${heading}`);
        await host.screenshot({ path: `${SHOTS}/host-get-ready.png`, animations: 'disabled' });
        await phones[0]!.screenshot({ path: `${SHOTS}/phone-get-ready.png`, animations: 'disabled' });
        await audit('phone get ready', phones[0]!);
      }
      for (const phone of phones) await phone.locator('.question-phone[data-state="open"]').waitFor();
      if (i === 0) {
        await host.screenshot({ path: `${SHOTS}/host-question.png`, animations: 'disabled' });
        await phones[0]!.screenshot({ path: `${SHOTS}/phone-question.png`, animations: 'disabled' });
        await audit('host question', host);
        await audit('phone question', phones[0]!);
        await fits('host question', host);
        await host.setViewportSize(FULL_HD.viewport);
        await fits('host question 1920×1080', host);
        await host.setViewportSize(PROJECTOR.viewport);
        expect(await announced(phones[0]!)).toContain(`${heading}:`);
      }
      await optionsAboveTheFold(phones[0]!);
      for (const [p, phone] of phones.entries()) {
        if (i === 1 && p === 2) {
          // Sofía's phone reloads mid-question: same player, same score, question still open.
          await phone.reload();
          await onScreen(phone, heading).waitFor();
          await expect(onScreen(phone, 'Juegas como Sofía').isVisible()).resolves.toBe(true);
        }
        await answer(phone, p);
        await phone.locator('.received, .result').first().waitFor();
        if (p === 0 && (await phone.locator('.received').count()) > 0) expect(await announced(phone)).toBe('¡Respuesta recibida!');
      }
      await host.locator('section.reveal').waitFor();
      for (const phone of phones) await phone.locator('.result').waitFor();
      expect(await announced(phones[1]!)).toMatch(/^(¡Correcto!|Incorrecto|Sin respuesta)/);
      if (i === 0) {
        // The legend speaks Spanish in the right number: "1 acertó", "2 acertaron".
        const right = Number(await host.locator('.tally-right strong').textContent());
        expect((await host.locator('.tally-right').textContent())?.trim()).toBe(`✓ ${right} ${right === 1 ? 'acertó' : 'acertaron'}`);
        const wrong = Number(await host.locator('.tally-wrong strong').textContent());
        expect((await host.locator('.tally-wrong').textContent())?.trim()).toBe(`✗ ${wrong} ${wrong === 1 ? 'falló' : 'fallaron'}`);
        expect(await textFillsProjector(host)).toBe(true);
        await host.screenshot({ path: `${SHOTS}/host-reveal.png`, animations: 'disabled' });
        await phones[1]!.screenshot({ path: `${SHOTS}/phone-result.png`, animations: 'disabled' });
        await audit('host reveal', host);
        await audit('phone result', phones[1]!);
        await fits('host reveal', host);
        await host.setViewportSize(FULL_HD.viewport);
        await fits('host reveal 1920×1080', host);
        await host.setViewportSize(PROJECTOR.viewport);
      }
      if (i === 2) {
        // The projector's browser is refreshed: the host page comes back to the same game, same screen.
        await host.reload();
        await host.locator('section.reveal').waitFor();
      }
      await host.getByRole('button', { name: 'Siguiente' }).click();
      if (i < QUESTIONS - 1) {
        await host.locator('section.standings').waitFor();
        if (i === 0) {
          await host.screenshot({ path: `${SHOTS}/host-leaderboard.png`, animations: 'disabled' });
          await audit('host leaderboard', host);
          await fits('host leaderboard', host);
          // A row with a movement and this round's points is still one row, scores in line, large enough for the back row.
          await host.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
          expect(await brokenLeaderboardRows(host)).toEqual([]);
          expect(await textFillsProjector(host)).toBe(true);
        }
        await host.getByRole('button', { name: 'Siguiente' }).click();
      }
    }

    await host.locator('section.podium-screen').waitFor();
    await host.locator('.place-1').waitFor();
    // The podium is revealed third → second → first; the screenshot waits for the whole of it.
    await host.waitForFunction(() => Array.from(document.querySelectorAll('.place')).every((e) => getComputedStyle(e).opacity === '1'));
    await host.screenshot({ path: `${SHOTS}/host-podium.png`, animations: 'disabled' });
    // First stands highest, then second, then third, whatever the length of the names above the steps. Places are ranks:
    // the round is random, so two players may tie (both on the second step, none on the third) — compare the ranks shown.
    const steps = await host.locator('.place').evaluateAll((places) =>
      places.map((e) => ({
        rank: Number(/place-(\d)/.exec(e.getAttribute('class') ?? '')?.[1]),
        top: e.querySelector('.step')?.getBoundingClientRect().top ?? NaN,
      })),
    );
    const ranks = [...new Set(steps.map((s) => s.rank))].sort();
    expect(ranks[0]).toBe(1);
    const topOf = (rank: number) => steps.find((s) => s.rank === rank)!.top;
    for (let i = 1; i < ranks.length; i++) expect(topOf(ranks[i - 1]!)).toBeLessThan(topOf(ranks[i]!));
    for (const s of steps) expect(s.top).toBe(topOf(s.rank));
    await audit('host podium', host);
    await fits('host podium', host);
    for (const phone of phones) await onScreen(phone, /Has quedado en el puesto \d de 3/).waitFor();
    await phones[0]!.screenshot({ path: `${SHOTS}/phone-final.png`, animations: 'disabled' });
    await audit('phone final', phones[0]!);

    // The same screens fit a full-HD projector too.
    await host.setViewportSize(FULL_HD.viewport);
    await fits('host podium 1920×1080', host);
    await host.setViewportSize(PROJECTOR.viewport);

    // The history page shows the same game, with the same winner.
    const history = (await (await fetch(`${server.url}/api/history`, { headers: { authorization: `Bearer ${server.teacherKey}` } })).json()) as HistoryPage;
    expect(history.games).toHaveLength(1);
    const podiumText = await host.locator('.podium').textContent();
    expect(podiumText).toContain(history.games[0]!.winner!.nickname);
    await host.getByRole('link', { name: 'Ver el historial' }).click();
    await host.locator('section.game-detail').waitFor();
    await host
      .locator('.question-result')
      .nth(QUESTIONS - 1)
      .waitFor();
    for (const name of NAMES) await host.locator('.leaderboard').getByText(name).waitFor();
    // History has no "last question": no movement marker there.
    expect(await host.locator('.game-detail .moved-up, .game-detail .moved-down').count()).toBe(0);
    await host.screenshot({ path: `${SHOTS}/history.png`, fullPage: true, animations: 'disabled' });
    await audit('history', host);
    // Each student has a page: every answer with points and time, and what to review.
    await host.locator('.game-detail .leaderboard').getByRole('link', { name: NAMES[0] }).click();
    await host.locator('section.student-detail').waitFor();
    expect(await host.locator('.student-answers tbody tr').count()).toBe(QUESTIONS);
    await host.screenshot({ path: `${SHOTS}/history-student.png`, fullPage: true, animations: 'disabled' });
    await audit('student page', host);
    await host.getByRole('link', { name: 'Volver' }).click();
    await host.locator('section.game-detail').waitFor();
    await host.getByRole('link', { name: 'Volver' }).click();
    await host.locator('.history-list table').waitFor();

    // The bank page names each group of questions in words, not by the generator's internal name.
    await host.getByRole('link', { name: 'Banco de preguntas' }).click();
    await host.locator('.bank-kind h3').first().waitFor();
    const kindHeadings = await host.locator('.bank-kind h3').allTextContents();
    expect(kindHeadings.filter((h) => /^[a-z]+(-[a-z]+)+\b/.test(h.trim()))).toEqual([]);
    expect(kindHeadings.join(' ')).toContain('Verdadero o falso');

    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
  }, 240_000);

  test('a big class: the names scroll in their own column, the PIN keeps its size and Empezar stays on the projector', async () => {
    const host = await open(PROJECTOR, `${server.url}/host#key=${server.teacherKey}`);
    const pin = await createGame(host, { questions: 2 });
    const pinSize = () => host.getByTestId('pin').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const emptyLobbyPin = await pinSize();
    const pool = new ClientPool();
    try {
      const students = Array.from({ length: 60 }, (_, i) => `Estudiante número ${i + 1}`);
      for (const nickname of students) await (await pool.connect(server.url)).ok('player:join', { pin, nickname });
      await host.locator('.lobby-players h2').getByText('(60)').waitFor();
      const last = host.locator('.nicknames').getByText(students.at(-1)!, { exact: true });
      await last.waitFor();
      expect(await verticalOverflow(host)).toBe(0);
      expect(await pinSize()).toBe(emptyLobbyPin);
      const viewport = host.viewportSize()!;
      const start = (await host.getByRole('button', { name: 'Empezar' }).boundingBox())!;
      expect(start.y + start.height).toBeLessThanOrEqual(viewport.height);
      // The latest arrival is in view inside the scrolling list.
      const list = (await host.locator('.nicknames').boundingBox())!;
      const newest = (await last.boundingBox())!;
      expect(newest.y).toBeGreaterThanOrEqual(list.y);
      expect(newest.y + newest.height).toBeLessThanOrEqual(list.y + list.height + 1);
      await host.screenshot({ path: `${SHOTS}/host-lobby-big-class.png`, animations: 'disabled' });
    } finally {
      pool.closeAll();
    }
  }, 120_000);

  test('nicknames are shown as text, never run as markup', async () => {
    const host = await open(PROJECTOR, `${server.url}/host#key=${server.teacherKey}`);
    await host.getByRole('button', { name: 'Crear partida' }).click();
    const pin = (await host.getByTestId('pin').textContent())!.trim();
    const dialogs: string[] = [];
    host.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const phone = await open(PHONE, `${server.url}/play?pin=${pin}`);
    const nickname = '<svg onload=alert()>';
    await phone.getByLabel('Tu nombre').fill(nickname);
    await phone.getByRole('button', { name: 'Entrar' }).click();
    await onScreen(phone, `Juegas como ${nickname}`).waitFor();
    await host.locator('.nicknames').getByText(nickname, { exact: true }).waitFor();
    expect(await host.locator('.nicknames svg').count()).toBe(0);
    expect(dialogs).toEqual([]);
  }, 60_000);

  test('the phone page explains a wrong PIN and a taken nickname', async () => {
    const phone = await open(PHONE, `${server.url}/play?pin=999999`);
    // The name field stops at 20 characters: the form says so before a long name is cut.
    await expect(phone.getByLabel('Tu nombre').getAttribute('maxlength')).resolves.toBe('20');
    await expect(phone.getByText('Hasta 20 caracteres; toda la clase lo verá en la pantalla.').isVisible()).resolves.toBe(true);
    expect(await phone.getByLabel('Tu nombre').getAttribute('aria-describedby')).toContain('nickname-hint');
    await phone.getByLabel('Tu nombre').fill('Ana');
    await phone.getByRole('button', { name: 'Entrar' }).click();
    await phone.getByRole('alert').getByText('No hay ninguna partida con ese PIN.').waitFor();

    const created = (await (
      await fetch(`${server.url}/api/games`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.teacherKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deckId: 'tema1-virtualizacion', questionCount: 2 }),
      })
    ).json()) as { pin: string };
    const first = await open(PHONE, `${server.url}/play?pin=${created.pin}`);
    await first.getByLabel('Tu nombre').fill('Ana');
    await first.getByRole('button', { name: 'Entrar' }).click();
    await onScreen(first, '¡Ya estás dentro!').waitFor();
    const second = await open(PHONE, `${server.url}/play?pin=${created.pin}`);
    await second.getByLabel('Tu nombre').fill(' ana ');
    await second.getByRole('button', { name: 'Entrar' }).click();
    await second.getByRole('alert').getByText('Ese nombre ya está cogido: elige otro.').waitFor();
  }, 60_000);
});

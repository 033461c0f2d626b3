import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  accessibilityViolations,
  announced,
  answerQuestion,
  createGame,
  joinAs,
  launchChromium,
  onScreen,
  openPage,
  PHONE,
  PROJECTOR,
  secondsShown,
} from './support/browser.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { CuttableProxy } from './support/cuttable-proxy.js';
import { ifStarted } from './support/teardown.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-output/screenshots';
/** A phone whose own clock is this far ahead: the countdown must not care. */
const SKEW_MS = 40_000;

/**
 * What a page estimates the deadline to be, in this test's (real) clock:
 * the remaining time the page computes from the server deadline and its
 * measured offset, plus the real moment it was read.
 */
async function deadlineSeen(page: Page): Promise<number | null> {
  const before = Date.now();
  const remaining = await page.evaluate(() => {
    const el = document.querySelector('.countdown');
    const deadline = el?.getAttribute('data-deadline');
    if (!el || !deadline) return null;
    return Number(deadline) - (Date.now() + Number(el.getAttribute('data-offset')));
  });
  const after = Date.now();
  return remaining === null ? null : (before + after) / 2 + remaining;
}

describe('live class: one clock, honest answers, kicks, nicknames', () => {
  let server: BuiltServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  // Console errors are expected here (connections cut on purpose): only script errors count.
  const open = (options: object, url: string, initScript?: string): Promise<Page> =>
    openPage(browser, { contexts, problems }, options, url, { initScript, consoleErrors: false });

  const hostPage = () => open(PROJECTOR, `${server.url}/host#key=${server.teacherKey}`);

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

  test('projector and phones count the same seconds through answers, a pause and a resume, even with a phone clock 40 s off', async () => {
    const host = await hostPage();
    const pin = await createGame(host, { questions: 1, timeLimitSec: 40, getReadySec: 0 });
    const plain = await open(PHONE, `${server.url}/play?pin=${pin}`);
    const skewed = await open(PHONE, `${server.url}/play?pin=${pin}`, `{ const realNow = Date.now.bind(Date); Date.now = () => realNow() + ${SKEW_MS}; }`);
    const third = await open(PHONE, `${server.url}/play?pin=${pin}`);
    await joinAs(plain, 'Ana');
    await joinAs(skewed, 'Beto');
    await joinAs(third, 'Carla');
    await host.getByRole('button', { name: 'Empezar' }).click();
    const screens = [host, plain, skewed];
    for (const page of screens) await page.locator('.countdown[data-deadline]').waitFor();

    const shown: number[][] = [[], [], []];
    const sample = async () => {
      const deadlines = await Promise.all(screens.map(deadlineSeen));
      expect(deadlines.every((d) => d !== null)).toBe(true);
      const spread = Math.max(...(deadlines as number[])) - Math.min(...(deadlines as number[]));
      expect(spread).toBeLessThan(250);
      const seconds = await Promise.all(screens.map(secondsShown));
      seconds.forEach((s, i) => shown[i]!.push(s!));
    };
    for (let i = 0; i < 4; i++) {
      await sample();
      await host.waitForTimeout(300);
    }
    // Answers arrive (the host's count changes): the countdowns must not move back up.
    await answerQuestion(third, 2);
    await onScreen(host, /1 de 3 han respondido/).waitFor();
    await sample();
    await answerQuestion(plain, 0);
    await onScreen(host, /2 de 3 han respondido/).waitFor();
    for (let i = 0; i < 3; i++) {
      await sample();
      await host.waitForTimeout(300);
    }

    await host.getByRole('button', { name: 'Pausar' }).click();
    for (const page of screens) await page.locator('.countdown.countdown-paused').waitFor();
    const frozen = await Promise.all(screens.map(secondsShown));
    expect(new Set(frozen).size).toBe(1);
    // Paused, every screen still shows the seconds left, as digits (a pause character is an empty box without an emoji font).
    for (const page of screens) expect((await page.locator('.countdown').textContent())?.trim()).toBe(String(frozen[0]));
    expect(await host.locator('.countdown').getAttribute('aria-label')).toBe(`En pausa: ${frozen[0]} s`);
    await host.getByRole('button', { name: 'Reanudar' }).click();
    for (const page of screens) await page.locator('.countdown[data-deadline]').waitFor();
    for (let i = 0; i < 3; i++) {
      await sample();
      await host.waitForTimeout(300);
    }
    for (const series of shown) {
      // Never counts up: every sample is at most the one before it.
      expect(series.slice(1).filter((s, i) => s > series[i]!)).toEqual([]);
      expect(series[series.length - 1]).toBeLessThanOrEqual(frozen[0]!);
    }
    await answerQuestion(skewed, 1);
    await host.locator('section.reveal').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  test('a tap caught by a dead connection is "sending", never "received", then re-sent after the resume or reported as lost', async () => {
    const proxy = new CuttableProxy(Number(new URL(server.url).port));
    const proxyUrl = await proxy.start();
    try {
      const host = await hostPage();
      const pin = await createGame(host, { questions: 3, timeLimitSec: 60, getReadySec: 0 });
      const flaky = await open(PHONE, `${proxyUrl}/play?pin=${pin}`);
      const steady = await open(PHONE, `${server.url}/play?pin=${pin}`);
      await joinAs(flaky, 'Dani');
      await joinAs(steady, 'Eva');
      await host.getByRole('button', { name: 'Empezar' }).click();

      // 1. Wi-Fi goes silent right as Dani taps: "sending…", never "received".
      await flaky.locator('.question-phone[data-state="open"]').waitFor();
      proxy.hold();
      await answerQuestion(flaky, 0);
      await flaky.locator('.question-phone[data-state="sending"]').waitFor();
      expect(await flaky.locator('.received').count()).toBe(0);
      expect(await announced(flaky)).toBe('Enviando tu respuesta…');
      await flaky.screenshot({ path: `${SHOTS}/phone-sending.png`, animations: 'disabled' });
      // The connection drops and comes back: the phone resumes and sends the answer again.
      proxy.cut();
      await flaky.locator('.received').waitFor();
      expect(await announced(flaky)).toBe('¡Respuesta recibida!');
      await onScreen(host, /1 de 2 han respondido/).waitFor();
      expect(await flaky.locator('#nickname').count()).toBe(0);
      await answerQuestion(steady, 1);
      await host.locator('section.reveal').waitFor();
      await host.getByRole('button', { name: 'Siguiente' }).click();
      await host.locator('section.standings').waitFor();
      await host.getByRole('button', { name: 'Siguiente' }).click();

      // 2. Silent again, and the teacher closes the question before it comes back: the phone says the answer did not arrive.
      await flaky.locator('.question-phone[data-state="open"]').waitFor();
      proxy.hold();
      await answerQuestion(flaky, 0);
      await flaky.locator('.question-phone[data-state="sending"]').waitFor();
      await host.getByRole('button', { name: 'Saltar' }).click();
      await host.locator('section.reveal').waitFor();
      proxy.cut();
      await onScreen(flaky, /Tu respuesta no llegó/).waitFor();
      await onScreen(flaky, 'Sin respuesta').waitFor();
      expect(await announced(flaky)).toMatch(/^Tu respuesta no llegó.*Sin respuesta/);
      await flaky.screenshot({ path: `${SHOTS}/phone-answer-lost.png`, animations: 'disabled' });
      expect(await accessibilityViolations(flaky)).toEqual([]);
      await host.getByRole('button', { name: 'Siguiente' }).click();
      await host.locator('section.standings').waitFor();
      await host.getByRole('button', { name: 'Siguiente' }).click();

      // 3. Connection down: the banner shows and nothing can be tapped; back up, the phone answers.
      await flaky.locator('.question-phone[data-state="open"]').waitFor();
      proxy.down();
      await onScreen(flaky, 'Conexión perdida: reconectando…').waitFor();
      const pad = flaky.locator('.question-phone button, .question-phone input');
      await flaky.waitForFunction(() =>
        Array.from(document.querySelectorAll('.question-phone button:not(.link-button), .question-phone input')).every(
          (e) => (e as HTMLButtonElement).disabled,
        ),
      );
      expect(await pad.count()).toBeGreaterThan(0);
      await flaky.screenshot({ path: `${SHOTS}/phone-offline.png`, animations: 'disabled' });
      proxy.pass();
      await flaky.locator('.banner').waitFor({ state: 'detached' });
      // Whatever the question type: option buttons, the typed-answer box or the ordering arrows come back to life.
      await flaky.waitForFunction(() =>
        Array.from(document.querySelectorAll('.question-phone button.choice, .question-phone #typed-answer, .question-phone .order-buttons button')).some(
          (e) => !(e as HTMLButtonElement).disabled,
        ),
      );
      await answerQuestion(flaky, 0);
      await flaky.locator('.received').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  test('the teacher removes a player mid-question from the player drawer; the phone is told, and neither a reload nor a new name gets back in', async () => {
    const host = await hostPage();
    const pin = await createGame(host, { questions: 2, timeLimitSec: 60, getReadySec: 0 });
    const kicked = await open(PHONE, `${server.url}/play?pin=${pin}`);
    const stays = await open(PHONE, `${server.url}/play?pin=${pin}`);
    await joinAs(kicked, 'Fran');
    await joinAs(stays, 'Gala');
    await host.getByRole('button', { name: 'Empezar' }).click();
    await kicked.locator('.question-phone[data-state="open"]').waitFor();

    await host.getByRole('button', { name: 'Jugadores (2)' }).click();
    const drawer = host.getByRole('complementary', { name: 'Jugadores' });
    await drawer.getByText('Fran').waitFor();
    await host.screenshot({ path: `${SHOTS}/host-players-drawer.png`, animations: 'disabled' });
    expect(await accessibilityViolations(host)).toEqual([]);
    host.once('dialog', (d) => void d.accept());
    await drawer.getByRole('button', { name: 'Expulsar a Fran' }).click();
    await drawer.getByRole('heading', { name: 'Jugadores (1)' }).waitFor();

    await onScreen(kicked, 'Ya no estás en esta partida').waitFor();
    expect(await kicked.locator('.banner').count()).toBe(0);
    expect(await announced(kicked)).toBe('Ya no estás en esta partida');
    await kicked.screenshot({ path: `${SHOTS}/phone-removed.png`, animations: 'disabled' });
    expect(await accessibilityViolations(kicked)).toEqual([]);

    await kicked.reload();
    await onScreen(kicked, 'Ya no estás en esta partida').waitFor();
    expect(await kicked.locator('#nickname').count()).toBe(0);

    // A student who clears the token keeps the device id: a new name is refused too.
    await kicked.evaluate((p) => localStorage.removeItem(`aulaquiz.player.${p}`), pin);
    await kicked.reload();
    await joinAs(kicked, 'Fran2').catch(() => undefined);
    await onScreen(kicked, 'Ya no estás en esta partida').waitFor();
    expect(await drawer.getByText('Fran2').count()).toBe(0);

    // The class goes on: Gala's answer closes the question.
    await answerQuestion(stays, 0);
    await host.locator('section.reveal').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  test('nicknames: right-to-left tricks are stripped and isolated, offensive and empty names get a clear message', async () => {
    const host = await hostPage();
    const pin = await createGame(host, { questions: 1, getReadySec: 0 });
    const phone = await open(PHONE, `${server.url}/play?pin=${pin}`);

    await phone.getByLabel('Tu nombre').fill(' \u200B ');
    await phone.getByRole('button', { name: 'Entrar' }).click();
    await phone.getByRole('alert').getByText('Escribe un nombre para entrar.').waitFor();

    await phone.getByLabel('Tu nombre').fill('puta madre');
    await phone.getByRole('button', { name: 'Entrar' }).click();
    await phone
      .getByRole('alert')
      .getByText(/Ese nombre no vale en clase/)
      .waitFor();
    await phone.screenshot({ path: `${SHOTS}/phone-name-refused.png`, animations: 'disabled' });

    await joinAs(phone, '\u202Eanitram 945');
    const shown = host.locator('.nicknames bdi');
    await shown.getByText('anitram 945', { exact: true }).waitFor();
    expect(await shown.evaluateAll((els) => els.map((e) => e.textContent))).toEqual(['anitram 945']);
    const arabic = await open(PHONE, `${server.url}/play?pin=${pin}`);
    await joinAs(arabic, 'علي 12');
    await host.locator('.nicknames bdi').getByText('علي 12').waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  test('random names: the teacher switch gives every student a friendly generated name', async () => {
    const host = await hostPage();
    const pin = await createGame(host, { questions: 1, getReadySec: 0, randomNames: true });
    const phone = await open(PHONE, `${server.url}/play?pin=${pin}`);
    await joinAs(phone, 'Lucía');
    const whoami = ((await phone.locator('.whoami').textContent()) ?? '').replace('Juegas como', '').trim();
    expect(whoami).toMatch(/^\p{Lu}\p{L}+ \p{Lu}\p{L}+$/u);
    await host.locator('.nicknames bdi').getByText(whoami, { exact: true }).waitFor();
    expect(await host.locator('.nicknames').getByText('Lucía').count()).toBe(0);
  }, 60_000);

  test('static files: pre-compressed, hashed assets cached for good, pages revalidated, unknown paths 404', async () => {
    const page = await fetch(`${server.url}/play`, { headers: { 'accept-encoding': 'br' } });
    expect([page.status, page.headers.get('content-encoding'), page.headers.get('cache-control')]).toEqual([200, 'br', 'no-cache']);
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const gz = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect([gz.status, gz.headers.get('content-encoding'), gz.headers.get('cache-control')]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(1000);
    for (const unknown of ['/nope', '/play/extra', '/assets/missing.js', '/assets/../package.json']) {
      const res = await fetch(`${server.url}${unknown}`);
      expect([unknown, res.status]).toEqual([unknown, 404]);
    }
  }, 30_000);
});

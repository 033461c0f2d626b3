import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BankQuestion } from '../src/bank/bank-overlay.js';
import { shareARound, teacherQuestion } from './support/bank-class.js';
import { accessibilityViolations, launchChromium, onScreen, openPage, PHONE, PROJECTOR } from './support/browser.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-output/screenshots';
const DECK = 'tema1-virtualizacion';
type Bank = { questions: BankQuestion[] };

async function bankOf(server: BuiltServer): Promise<Bank> {
  const response = await fetch(`${server.url}/api/bank/${DECK}`, { headers: { authorization: `Bearer ${server.teacherKey}` } });
  return (await response.json()) as Bank;
}

/** Single-choice questions whose prompt no other question of the list shares: the phone's screen tells them apart. */
function singlesOf(questions: BankQuestion[]): BankQuestion[] {
  return questions.filter((q) => q.type === 'single' && questions.filter((x) => x.prompt === q.prompt).length === 1);
}

/** Two such questions that can share a round with the teacher's own question, or null. */
function playablePair(questions: BankQuestion[], section: string): [BankQuestion, BankQuestion] | null {
  const singles = singlesOf(questions);
  for (const a of singles) for (const b of singles) if (a !== b && shareARound([a, b, teacherQuestion(OWN_PROMPT, section)])) return [a, b];
  return null;
}

/** A phone answers whatever it is shown: the first option, a typed guess, the order as given. */
async function answerAnything(phone: Page): Promise<void> {
  const question = phone.locator('.question-phone');
  const type = await question.getAttribute('data-type');
  if (type === 'single' || type === 'truefalse') return question.locator('button.choice').first().click();
  if (type === 'multiple') await question.locator('button.choice').first().click();
  if (type === 'typed') await question.getByLabel('Escribe tu respuesta').fill('1999');
  await question.getByRole('button', { name: 'Enviar' }).click();
}

const OWN_PROMPT = '¿Qué capa reparte el hardware físico entre las máquinas virtuales?';

describe('the bank page in a real browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const servers: BuiltServer[] = [];
  const problems: string[] = [];
  const a11y: string[] = [];
  const prefix = testPrefix();

  // The refused edit below is a 422 on purpose; the browser logs every failed request.
  const open = (options: object, url: string): Promise<Page> => openPage(browser, { contexts, problems }, options, url, { ignore: /status of 422/ });
  const start = async (env: Record<string, string>) => {
    const server = await startBuiltServer(env);
    servers.push(server);
    return server;
  };
  const audit = async (name: string, page: Page) => a11y.push(...(await accessibilityViolations(page)).map((v) => `${name}: ${v}`));
  const card = (page: Page, id: string) => page.locator(`article[data-question-id="${id}"]`);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await ifStarted(browser)?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await dropPrefix(prefix);
  });

  test('edit, exclude and add on the bank page, play the edited bank on a phone, find it all after a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-bank-browser-'));
    let server = await start({ DATA_DIR: dataDir });
    // The smallest section with two single-choice questions keeps the game short.
    const bank = await bankOf(server);
    const bySection = new Map<string, BankQuestion[]>();
    for (const q of bank.questions) bySection.set(q.source.section, [...(bySection.get(q.source.section) ?? []), q]);
    const [section, all] = [...bySection.entries()]
      .filter(([s, qs]) => qs.length >= 4 && playablePair(qs, s) !== null)
      .sort((a, b) => a[1].length - b[1].length)[0]!;
    const [edited, excluded] = playablePair(all, section)!;
    // A round never holds two questions where one gives the other away: the rest of the
    // section is set aside (over REST) so that the whole section can be played.
    const questions = [edited, excluded];
    for (const q of all) if (!questions.includes(q) && shareARound([...questions, q, teacherQuestion(OWN_PROMPT, section)])) questions.push(q);
    for (const q of all.filter((x) => !questions.includes(x))) {
      const set = await fetch(`${server.url}/api/bank/${DECK}/questions/${q.id}/excluded`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${server.teacherKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ excluded: true }),
      });
      expect(set.status).toBe(200);
    }
    const newPrompt = `${edited.prompt} (revisada por la profesora)`;

    const page = await open(PROJECTOR, `${server.url}/bank#key=${server.teacherKey}`);
    await page.getByLabel('Buscar texto').waitFor();
    await page.locator('#filter-section').selectOption(section);
    await card(page, edited.id).waitFor();

    // An edit that breaks a rule shows the problem next to the field; the fixed one is kept.
    await card(page, edited.id)
      .getByRole('button', { name: `Editar: ${edited.prompt}` })
      .click();
    // The form opens in place of the card, with the keyboard focus in it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-prompt');
    await page.getByLabel('Enunciado').fill('¿Eh?');
    await page.getByRole('button', { name: 'Guardar pregunta' }).click();
    await page.locator('#edit-prompt-error').waitFor();
    expect(await page.getByLabel('Enunciado').getAttribute('aria-invalid')).toBe('true');
    await audit('bank editor with an error', page);
    await page.getByLabel('Enunciado').fill(newPrompt);
    await page.getByRole('button', { name: 'Guardar pregunta' }).click();
    await card(page, edited.id).getByRole('heading', { name: newPrompt }).waitFor();
    await card(page, edited.id).getByText('Editada').waitFor();

    // Excluded with the keyboard alone.
    await card(page, excluded.id).getByRole('button', { name: 'Excluir' }).focus();
    await page.keyboard.press('Enter');
    await card(page, excluded.id).getByText('Excluida', { exact: true }).waitFor();

    const ownPrompt = OWN_PROMPT;
    await page.getByRole('button', { name: 'Añadir una pregunta' }).click();
    await page.getByLabel('Enunciado').fill(ownPrompt);
    await page.getByLabel('Opciones (una por línea)').fill('El hipervisor\nEl compilador\nEl cortafuegos');
    await page.getByLabel('Explicación').fill('El hipervisor gestiona y reparte los recursos físicos.');
    await page.locator('#edit-section').selectOption(section);
    await page.getByRole('button', { name: 'Guardar pregunta' }).click();
    await page.getByRole('heading', { name: ownPrompt }).waitFor();
    await audit('bank page', page);

    // A game of that section: the phone sees the edit and never the excluded question.
    const playable = questions.length; // one excluded, one added
    const host = await open(PROJECTOR, `${server.url}/host#key=${server.teacherKey}`);
    await host.getByRole('link', { name: 'Banco de preguntas' }).waitFor();
    await host.getByLabel(section).check();
    await host.getByLabel('Número de preguntas').fill(String(playable));
    await host.getByRole('button', { name: 'Crear partida' }).click();
    const pin = (await host.getByTestId('pin').textContent())!.trim();
    const phone = await open(PHONE, `${server.url}/play?pin=${pin}`);
    await phone.getByLabel('Tu nombre').fill('Lucía');
    await phone.getByRole('button', { name: 'Entrar' }).click();
    await onScreen(phone, '¡Ya estás dentro!').waitFor();
    await host.getByRole('button', { name: 'Empezar' }).click();
    const seen: string[] = [];
    for (let i = 0; i < playable; i++) {
      await onScreen(phone, `Pregunta ${i + 1} de ${playable}`).waitFor();
      seen.push((await phone.locator('.question-phone .prompt').textContent())!.trim());
      if (seen.at(-1) === newPrompt) await phone.screenshot({ path: `${SHOTS}/phone-edited-question.png` });
      await answerAnything(phone);
      await host.locator('section.reveal').waitFor();
      await host.getByRole('button', { name: 'Siguiente' }).click();
      if (i < playable - 1) {
        await host.locator('section.standings').waitFor();
        await host.getByRole('button', { name: 'Siguiente' }).click();
      }
    }
    await host.locator('section.podium-screen').waitFor();
    expect(seen).toContain(newPrompt);
    expect(seen).toContain(ownPrompt);
    expect(seen).not.toContain(excluded.prompt);
    expect(seen).not.toContain(edited.prompt);

    // From the game in history, one click opens the host lobby of a review game.
    await host.getByRole('link', { name: 'Ver el historial' }).click();
    await host.locator('section.game-detail').waitFor();
    await host.getByRole('button', { name: 'Partida de repaso' }).click();
    await host.waitForURL(/\/host$/);
    expect((await host.getByTestId('pin').textContent())!.trim()).toMatch(/^\d{6}$/);
    expect((await host.getByTestId('pin').textContent())!.trim()).not.toBe(pin);

    // Back on the bank page the figures of the game are there.
    await page.reload();
    await page.getByText('Partidas jugadas con este tema: 1').waitFor();
    await page.locator('#filter-section').selectOption(section);
    await card(page, edited.id).locator('.figures').waitFor();
    await page.screenshot({ path: `${SHOTS}/bank.png`, fullPage: true, clip: { x: 0, y: 0, width: PROJECTOR.viewport.width, height: 2250 } });
    await audit('bank page with figures', page);

    // The game's pages would try to reconnect to the stopped server.
    await Promise.all([host.close(), phone.close()]);
    await server.stop();
    server = await start({ DATA_DIR: dataDir });
    const after = await open(PROJECTOR, `${server.url}/bank#key=${server.teacherKey}`);
    await after.locator('#filter-section').selectOption(section);
    await card(after, edited.id).getByRole('heading', { name: newPrompt }).waitFor();
    await card(after, excluded.id).getByText('Excluida', { exact: true }).waitFor();
    await after.getByRole('heading', { name: ownPrompt }).waitFor();

    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
  }, 180_000);

  test('with Redis, an edit made through one instance is on the bank page of the other', async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ALLOW_VOLATILE_REDIS: '1' };
    const first = await start({ ...env, INSTANCE_ID: 'bank-a' });
    const second = await start({ ...env, INSTANCE_ID: 'bank-b' });
    const target = (await bankOf(first)).questions.find((q) => q.type === 'single')!;
    const page = await open(PROJECTOR, `${first.url}/bank#key=${first.teacherKey}`);
    await card(page, target.id).getByRole('button', { name: 'Excluir' }).click();
    await card(page, target.id).getByText('Excluida', { exact: true }).waitFor();
    const other = await open(PROJECTOR, `${second.url}/bank#key=${second.teacherKey}`);
    await card(other, target.id).getByText('Excluida', { exact: true }).waitFor();
    // English, one tap away, and as accessible.
    await other.getByRole('button', { name: 'English' }).click();
    await other.getByRole('heading', { name: 'Question bank', level: 1 }).waitFor();
    await card(other, target.id).getByText('Excluded', { exact: true }).waitFor();
    await audit('bank page in English', other);
    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
  }, 120_000);
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where a test keeps what pages opened: their contexts (closed after the test) and every script error or console error they logged. */
export interface PageLog {
  contexts: BrowserContext[];
  problems: string[];
}

/**
 * A page in a fresh context (its own storage, as a separate device), in Spanish, with its script
 * errors and console errors collected into `log.problems` (`consoleErrors: false` collects only
 * script errors; `ignore` skips console errors a test causes on purpose).
 */
export async function openPage(
  browser: Browser,
  log: PageLog,
  options: object,
  url: string,
  { initScript, consoleErrors = true, ignore }: { initScript?: string; consoleErrors?: boolean; ignore?: RegExp } = {},
): Promise<Page> {
  const context = await browser.newContext({ ...options, locale: 'es-ES' });
  log.contexts.push(context);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.on('pageerror', (err) => log.problems.push(`${url}: ${err.message}`));
  if (consoleErrors) {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !ignore?.test(msg.text())) log.problems.push(`${url}: ${msg.text()}`);
    });
  }
  await page.goto(url);
  return page;
}

/** Debian's Chromium, as the machine provides it; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The narrowest phone the pages are made for. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** The most common classroom projector, and a full-HD one. */
export const PROJECTOR = { viewport: { width: 1366, height: 768 } };
export const FULL_HD = { viewport: { width: 1920, height: 1080 } };

/** Text the page shows, not the screen-reader live regions that repeat it. */
export function onScreen(page: Page, text: string | RegExp) {
  return page.locator('main > :not(.sr-only)').getByText(text).first();
}

/** What the page's polite live region says right now. */
export async function announced(page: Page): Promise<string> {
  return ((await page.getByTestId('announcer-polite').textContent()) ?? '').trim();
}

/** Pixels the page scrolls vertically (0: it fits the screen). */
export function verticalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
}

/**
 * The projector's text is as large as the screen allows: one step larger
 * (the next --fit of useFitToViewport) would scroll, or it is already at its
 * largest. A half-empty projector with small text fails this.
 */
export function textFillsProjector(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.page-projector')!;
    const fit = Number(root.style.getPropertyValue('--fit') || '1');
    if (fit >= 1.6) return true;
    root.style.setProperty('--fit', String(fit / 0.93));
    const html = document.documentElement;
    const overflows = html.scrollHeight > window.innerHeight || html.scrollWidth > window.innerWidth;
    root.style.setProperty('--fit', String(fit));
    return overflows;
  });
}

/** Leaderboard rows whose score and right-answer count are not side by side on one line. */
export function brokenLeaderboardRows(page: Page): Promise<string[]> {
  return page.locator('.leaderboard li').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const score = row.querySelector('.score')!.getBoundingClientRect();
      const count = row.querySelector('.correct-count')!.getBoundingClientRect();
      const sideBySide = count.top < score.bottom && score.top < count.bottom && count.left >= score.right;
      return sideBySide ? [] : [row.textContent];
    }),
  );
}

/** The seconds a page's countdown shows, or null when it shows none. */
export async function secondsShown(page: Page): Promise<number | null> {
  const countdown = page.locator('.countdown');
  if ((await countdown.count()) === 0) return null;
  return Number(await countdown.getAttribute('data-seconds'));
}

/** Fills the host's new-game form and creates the game; returns its PIN. */
export async function createGame(
  host: Page,
  options: { questions: number; timeLimitSec?: number; getReadySec?: number; randomNames?: boolean },
): Promise<string> {
  if (options.randomNames) await host.getByLabel(/Nombres aleatorios/).check();
  await host.getByLabel('Número de preguntas').fill(String(options.questions));
  if (options.timeLimitSec !== undefined) await host.getByLabel('Segundos por pregunta').fill(String(options.timeLimitSec));
  if (options.getReadySec !== undefined) await host.getByLabel(/Segundos para leer la pregunta/).fill(String(options.getReadySec));
  await host.getByRole('button', { name: 'Crear partida' }).click();
  return (await host.getByTestId('pin').textContent())!.trim();
}

/** A phone joins with a nickname and waits for the lobby message. */
export async function joinAs(phone: Page, nickname: string): Promise<void> {
  await phone.getByLabel('Tu nombre').fill(nickname);
  await phone.getByRole('button', { name: 'Entrar' }).click();
  await onScreen(phone, '¡Ya estás dentro!').waitFor();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2 A and AA rules (contrast, names, labels, landmarks…) checked by
 * axe-core in the page as it is now; returns the violations as readable lines.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const problems = overflow > 0 ? [`layout: the page is ${overflow}px wider than the screen`] : [];
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
  return [...problems, ...result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)];
}

/** Each phone answers differently: by option position, or typed text, or its own order. */
export async function answerQuestion(phone: Page, p: number): Promise<void> {
  const question = phone.locator('.question-phone');
  const type = await question.getAttribute('data-type');
  const choices = question.locator('button.choice');
  switch (type) {
    case 'single':
    case 'truefalse':
      await choices.nth(p % (await choices.count())).click();
      return;
    case 'multiple':
      await choices.nth(p % (await choices.count())).click();
      await question.getByRole('button', { name: 'Enviar' }).click();
      return;
    case 'typed':
      await question.getByLabel('Escribe tu respuesta').fill(['1999', 'no lo sé', '17'][p % 3]!);
      await question.getByRole('button', { name: 'Enviar' }).click();
      return;
    case 'ordering':
      if (p === 1)
        await question
          .getByRole('button', { name: /^Bajar/ })
          .first()
          .click();
      await question.getByRole('button', { name: 'Enviar' }).click();
      return;
    default:
      throw new Error(`unknown question type ${String(type)}`);
  }
}

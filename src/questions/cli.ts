import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { deckProblems, rubricCounts } from './deck-check.js';
import { loadDeckFile } from './deck-file.js';
import type { Question } from './question.js';
import { fingerprintOf, loadReview, reviewFileOf, reviewProblems, type Review } from './review-file.js';
import { rulesOf } from './types/index.js';
import type { Deck } from './deck.js';

const USAGE = `Usage: npm run questions -- <deck.md> [--json <file>|-] [--sample <n>] [--unreviewed] [--check]

Builds the question bank of a lecture deck (and its <deck>.curated.json, if any) and prints a summary.
  --json <file>  write the bank as JSON (use - for standard output)
  --sample <n>   print n questions of each kind as Markdown, to review a deck
  --unreviewed   print, as Markdown, every question <deck>.review.json has no current verdict for,
                 each with the fingerprint to record once it has been read
  --check        count the rubric problems code can detect (docs/question-quality.md) and exit with
                 status 1 if the deck has a problem (a bad or duplicate question, a section with no
                 questions, open questions without a curated file, a question that <deck>.review.json
                 has no current verdict for or judges defective)`;

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** A readable preview: the first n questions of each kind, answers marked. */
function sample(deck: Deck, perKind: number): string {
  const shown = new Map<string, number>();
  const picked = deck.questions.filter((q) => {
    const count = shown.get(q.kind) ?? 0;
    shown.set(q.kind, count + 1);
    return count < perKind;
  });
  return asMarkdown(`${deck.title}: sample questions`, picked, () => '');
}

/** The questions a reader still has to judge, with the fingerprint their verdict must carry. */
function unreviewed(deck: Deck, review: Review | null): string {
  const current = (q: Question) => review?.[q.id]?.fingerprint === fingerprintOf(q);
  const pending = deck.questions.filter((q) => !current(q));
  return asMarkdown(`${deck.title}: ${pending.length} question(s) to review`, pending, (q) => ` \`${q.id}\` fingerprint \`${fingerprintOf(q)}\``);
}

function asMarkdown(title: string, questions: Question[], label: (q: Question) => string): string {
  const lines = [`# ${title}`, ''];
  for (const q of questions) {
    lines.push(`### ${q.kind} (${q.type}, difficulty ${q.difficulty})${label(q)}`, '', q.prompt, '');
    lines.push(...rulesOf(q).keyLines(q));
    lines.push('', `*${q.explanation}* — ${q.source.section} › ${q.source.slide}`, '');
  }
  return lines.join('\n');
}

function summary(deck: Deck): string {
  const lines = [`${deck.title} (${deck.id}, ${deck.language}): ${deck.questions.length} questions`, '', 'By kind:'];
  for (const [kind, n] of countBy(deck.questions, (q) => `${q.kind} (${q.type})`)) lines.push(`  ${String(n).padStart(4)}  ${kind}`);
  lines.push('', 'By section:');
  for (const s of deck.sections) lines.push(`  ${String(s.questionCount).padStart(4)}  ${s.label}`);
  if (deck.warnings.length) {
    lines.push('', `Dropped while generating (${deck.warnings.length}):`);
    for (const w of deck.warnings) lines.push(`  ${w.questionId} [${w.kind}]: ${w.problem}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      sample: { type: 'string' },
      check: { type: 'boolean', default: false },
      unreviewed: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [deckFile] = positionals;
  if (values.help || deckFile === undefined || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const deck = await loadDeckFile(deckFile);
  const json = JSON.stringify(
    { deck: { id: deck.id, title: deck.title, language: deck.language }, questions: deck.questions, warnings: deck.warnings },
    null,
    2,
  );
  if (values.json === '-') process.stdout.write(`${json}\n`);
  else if (values.sample) process.stdout.write(`${sample(deck, Math.max(1, Number(values.sample) || 1))}\n`);
  else if (values.unreviewed) process.stdout.write(`${unreviewed(deck, await loadReview(reviewFileOf(deckFile)))}\n`);
  else {
    console.log(summary(deck));
    if (values.json) {
      await writeFile(values.json, `${json}\n`);
      console.log(`\nWrote ${deck.questions.length} questions to ${values.json}`);
    }
  }
  if (!values.check) return 0;
  const counts = rubricCounts(deck);
  const line = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
  console.error(`Rubric, in the bank: ${line(counts.inBank)}`);
  console.error(`Rubric, dropped while generating: ${line(counts.dropped)}`);
  const review = await loadReview(reviewFileOf(deckFile));
  const problems = [...deckProblems(deck), ...(review ? reviewProblems(deck, review) : [])];
  if (!review) console.error('No review file (<deck>.review.json): WRONG, AMBIGUOUS and TRIVIAL need a reader.');
  for (const p of problems) console.error(`problem: ${p}`);
  console.error(problems.length ? `\n${problems.length} problem(s) found.` : '\nCheck passed.');
  return problems.length ? 1 : 0;
}

// exitCode rather than exit(): a large --json written to a pipe must be flushed before Node ends.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);

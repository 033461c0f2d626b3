import { beforeAll, describe, expect, test } from '@jest/globals';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'gift-pegjs';
import { deckOf, TEMA1 } from '../../../test/support/decks.js';
import type { Deck } from '../../questions/deck.js';
import { contentOf, type QuestionContent } from '../bank-overlay.js';
import { toGift } from './gift-export.js';
import { fromGift } from './gift-import.js';
import { ImportProblem, type ExportItem } from './moodle-format.js';
import { toMoodleXml } from './moodle-xml-export.js';
import { fromMoodleXml } from './moodle-xml-import.js';

/** What must survive a trip through Moodle: the question as students see it, its key, explanation and section. */
function essence(q: QuestionContent) {
  const ordered = q.type === 'ordering' ? q.correct.map((i) => q.options[i]) : null;
  return {
    type: q.type,
    prompt: q.prompt,
    options: ordered ?? q.options,
    correct: ordered ? null : q.correct,
    accepted: q.accepted,
    explanation: q.explanation,
    section: q.source.section,
  };
}

let deck: Deck;
let items: ExportItem[];
beforeAll(async () => {
  deck = await deckOf(TEMA1);
  items = deck.questions.map((q) => ({ id: q.id, ...contentOf(q) }));
});

describe('Moodle XML', () => {
  test('the whole bank exports as well-formed XML and imports back as the same questions', () => {
    const exported = toMoodleXml(deck.title, items);
    // The validator the import uses (see moodle-xml-import.ts for why it stays).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    expect(XMLValidator.validate(exported.text)).toBe(true);
    expect(exported.exported).toBe(items.length);
    const back = fromMoodleXml(exported.text, deck.language, null);
    expect(back.warnings).toEqual([]);
    expect(back.questions.map((q) => essence(q.content))).toEqual(items.map(essence));
  });

  test('categories carry the sections; an XML error names its line; a bad question is named', () => {
    const exported = toMoodleXml(deck.title, items.slice(0, 2)).text;
    expect(exported).toContain(`<text>$course$/top/${deck.title.replaceAll('/', '//')}/${items[0]!.source.section}</text>`);
    const broken = exported.replace('</questiontext>', '');
    expect(() => fromMoodleXml(broken, 'es', null)).toThrow(ImportProblem);
    try {
      fromMoodleXml(broken, 'es', null);
    } catch (err) {
      expect((err as ImportProblem).line).toBeGreaterThan(1);
      expect((err as Error).message).toMatch(/^XML error on line \d+/);
    }
    const noCategory =
      '<quiz>\n<question type="shortanswer"><name><text>n1</text></name><questiontext><text>¿Año?</text></questiontext><answer fraction="100"><text>1999</text></answer></question>\n</quiz>';
    expect(() => fromMoodleXml(noCategory, 'es', null)).toThrow('question 1 "n1" (line 2): no category names its section');
    expect(fromMoodleXml(noCategory, 'es', '2. Historia').questions[0]!.content).toMatchObject({ type: 'typed', accepted: ['1999'] });
  });

  test('entities declared in the file are never expanded (no "billion laughs")', () => {
    let entities = '<!ENTITY a0 "lollollollol">';
    for (let i = 1; i < 10; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE quiz [${entities}]><quiz><question type="shortanswer"><questiontext><text>&a9;</text></questiontext><answer fraction="100"><text>1</text></answer></question></quiz>`;
    expect(fromMoodleXml(xml, 'es', '1. A').questions[0]!.content.prompt.length).toBeLessThan(100);
  });

  test('Moodle types with no counterpart are skipped with a warning', () => {
    const essay = '<quiz><question type="essay"><name><text>e</text></name><questiontext><text>Explain</text></questiontext></question></quiz>';
    expect(fromMoodleXml(essay, 'en', '1. A').warnings[0]).toMatch(/"essay" questions have no counterpart/);
  });
});

describe('GIFT', () => {
  test('every question but ordering exports, parses with the GIFT grammar and imports back the same', () => {
    const exported = toGift(deck.title, items);
    const ordering = items.filter((q) => q.type === 'ordering');
    expect(ordering.length).toBeGreaterThan(0);
    expect(exported.warnings).toEqual(ordering.map((q) => `ordering question ${q.id} left out: GIFT has no ordering question type`));
    expect(parse(exported.text).filter((q) => q.type !== 'Category')).toHaveLength(items.length - ordering.length);
    const back = fromGift(exported.text, deck.language, null);
    expect(back.questions.map((q) => essence(q.content))).toEqual(items.filter((q) => q.type !== 'ordering').map(essence));
  });

  test('a syntax error is refused with its line; a question without a right answer is named', () => {
    const text = '$CATEGORY: $course$/top/T/1. A\n\n::q1:: Fine? {T}\n\n::q2:: Broken {=yes ~no\n';
    expect(() => fromGift(text, 'en', null)).toThrow(/^GIFT syntax error on line \d+/);
    const imported = fromGift('::q1:: Which? {~a ~b}\n', 'en', '1. A');
    expect(imported.questions[0]).toMatchObject({ where: 'question 1 "q1" (line 1)', content: { type: 'single', correct: [] } });
    expect(() => fromGift('::q1:: Which? {=a ~b}\n', 'en', null)).toThrow('question 1 "q1" (line 1): no $CATEGORY names its section');
    // Lines are counted block by block: comments and escaped text do not shift them.
    const text2 = '// header\n\n$CATEGORY: x/1. A\n\n::q1:: A \\: b? {=a ~b}\n\n// note\n// more\n::q2::\nSecond\n{=c ~d}\n';
    expect(fromGift(text2, 'en', null).questions.map((q) => q.where)).toEqual(['question 1 "q1" (line 5)', 'question 2 "q2" (line 9)']);
  });
});

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ImportProblem } from './moodle-format.js';

/**
 * Parsing a Moodle file of up to a million characters takes seconds (the
 * GIFT grammar is a PEG parser; a large XML bank is thousands of questions).
 * On the event loop that would freeze every live game meanwhile: answers
 * scored late, timers late. The third-party parse runs in a worker thread
 * instead; the worker gets only the text and gives back the plain parse tree,
 * which the importers turn into questions.
 */

/** A file that takes longer than this is refused as too complex (IMPORT_INVALID). */
export const PARSE_TIME_LIMIT_MS = 20_000;

/**
 * A question with more answers than this is refused in the worker, before its
 * parse tree is copied back to the event loop (no question here has more
 * than a handful of options; a file of one question with 300,000 answers
 * would otherwise cost the event loop a second to copy).
 */
export const MAX_ANSWERS_READ = 100;

/** fast-xml-parser's options, shared by the worker: `isArray` is rebuilt there from ARRAY_TAGS (functions do not cross threads). */
export const XML_PARSER_OPTIONS = { ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, processEntities: true } as const;
export const XML_ARRAY_TAGS = ['question', 'answer'];

const resolve = createRequire(import.meta.url).resolve;

/** CommonJS run in the worker: the packages are loaded by absolute path, whatever the working directory. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { format, text, modulePath, options, arrayTags, maxAnswers } = workerData;
const tooMany = (answers, n) =>
  Array.isArray(answers) && answers.length > maxAnswers ? 'item ' + n + ' of the file has ' + answers.length + ' answers; at most ' + maxAnswers + ' are read' : null;
const send = (value, problem) => parentPort.postMessage(problem ? { ok: false, message: problem } : { ok: true, value });
try {
  if (format === 'gift') {
    const items = require(modulePath).parse(text);
    send(items, items.map((q, i) => tooMany(q.choices, i + 1)).find(Boolean));
  } else {
    const { XMLParser, XMLValidator } = require(modulePath);
    const valid = XMLValidator.validate(text);
    if (valid !== true) parentPort.postMessage({ ok: false, message: 'XML error on line ' + valid.err.line + ': ' + valid.err.msg, line: valid.err.line });
    else {
      const tree = new XMLParser({ ...options, isArray: (name) => arrayTags.includes(name) }).parse(text);
      const questions = (tree && tree.quiz && Array.isArray(tree.quiz.question)) ? tree.quiz.question : [];
      send(tree, questions.map((q, i) => tooMany(q && q.answer, i + 1)).find(Boolean));
    }
  }
} catch (err) {
  const line = err && err.location && err.location.start ? err.location.start.line : undefined;
  parentPort.postMessage({ ok: false, message: String((err && err.message) || err), line, thrown: true });
}
`;

type Reply = { ok: true; value: unknown } | { ok: false; message: string; line?: number; thrown?: boolean };

/**
 * The parse tree of a GIFT file (gift-pegjs) or of Moodle XML
 * (fast-xml-parser, after its validator). A syntax error or a file the
 * parser refuses is an ImportProblem naming the line where known.
 */
export function parseInWorker(format: 'gift' | 'moodle-xml', text: string): Promise<unknown> {
  const modulePath = resolve(format === 'gift' ? 'gift-pegjs' : 'fast-xml-parser');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { format, text, modulePath, options: XML_PARSER_OPTIONS, arrayTags: XML_ARRAY_TAGS, maxAnswers: MAX_ANSWERS_READ },
    // A parse that runs away must not take the server's memory with it.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return new Promise<unknown>((done, fail) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      fail(new ImportProblem(`the file is too complex to read within ${PARSE_TIME_LIMIT_MS / 1000} s`));
    }, PARSE_TIME_LIMIT_MS);
    const finish = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (reply: Reply) => {
      finish();
      if (reply.ok) {
        done(reply.value);
        return;
      }
      const what = format === 'gift' ? 'GIFT syntax error' : 'XML refused';
      const message = reply.thrown ? `${what}${reply.line ? ` on line ${reply.line}` : ''}: ${reply.message}` : reply.message;
      fail(new ImportProblem(message, reply.line));
    });
    worker.once('error', (err) => {
      finish();
      // Out of memory in the worker (resourceLimits) is a file too large to read, not a server fault.
      fail(new ImportProblem(`the file could not be read: ${err.message}`));
    });
  });
}

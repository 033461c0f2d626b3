import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from '@jest/globals';

/**
 * A file-size limit (`ulimit -f`) makes the kernel take part of a write and refuse the rest, as a full disk does.
 * The built journal runs in a shell with a 1 KiB limit, appending 200-byte lines one at a time.
 */
describe('the journal at a file-size limit', () => {
  test('a batch written only in part fails whole and leaves no torn line: what was acknowledged is all there is', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'journal-limit-')), 'games.jsonl');
    const journalModule = pathToFileURL(path.resolve('dist/game/journal/append-journal.js')).href;
    const script = `
      const { AppendJournal } = await import(${JSON.stringify(journalModule)});
      const journal = new AppendJournal(process.argv[1]);
      journal.open();
      const outcomes = [];
      for (let i = 0; i < 8; i++) {
        outcomes.push(await journal.append(JSON.stringify({ i, pad: 'x'.repeat(190) })).then(() => 'ok', (err) => err.code ?? err.message));
      }
      await journal.close();
      console.log(JSON.stringify(outcomes));
    `;
    const run = spawnSync('bash', ['-c', 'ulimit -f 1 && exec node --input-type=module -e "$0" "$1"', script, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // 1024 bytes hold 4 complete lines of 207 bytes; the 5th is cut by the limit and fails, and so does every later one.
    expect(JSON.parse(run.stdout)).toEqual(['ok', 'ok', 'ok', 'ok', 'EFBIG', 'EFBIG', 'EFBIG', 'EFBIG']);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as { i: number }).i)).toEqual([0, 1, 2, 3]);
  });
});

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import type { Deck } from '../deck.js';
import type { Question } from '../question.js';

/** The code that turns decks into questions: src/questions (or dist/questions). */
const QUESTIONS_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Built decks kept on disk (DATA_DIR/deck-cache), keyed by a SHA-256 of the
 * deck's id, Markdown and curated questions and of the question code itself:
 * a restart loads a known deck in milliseconds instead of building it
 * again, and a changed deck or a new version of the generators builds anew.
 */
export class DeckCache {
  private codeHash: Promise<string> | null = null;

  constructor(private readonly dir: string) {}

  async get(id: string, markdown: string, curated: Question[]): Promise<Deck | null> {
    try {
      const deck = JSON.parse(await readFile(await this.fileOf(id, markdown, curated), 'utf8')) as Deck;
      return deck.id === id && Array.isArray(deck.questions) ? deck : null;
    } catch {
      return null;
    }
  }

  /** A cache that cannot be written (full disk) only costs the next start a rebuild. */
  async set(deck: Deck, markdown: string, curated: Question[]): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(await this.fileOf(deck.id, markdown, curated), JSON.stringify(deck));
    } catch {
      // see above
    }
  }

  private async fileOf(id: string, markdown: string, curated: Question[]): Promise<string> {
    const hash = createHash('sha256')
      .update(await this.code())
      .update('\0')
      .update(id)
      .update('\0')
      .update(markdown)
      .update('\0')
      .update(JSON.stringify(curated))
      .digest('hex');
    return path.join(this.dir, `${hash}.json`);
  }

  private code(): Promise<string> {
    this.codeHash ??= hashTree(QUESTIONS_DIR);
    return this.codeHash;
  }
}

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !/\.(spec|d)\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.length)).update(await readFile(file));
  return hash.digest('hex');
}

import { useState } from 'preact/hooks';
import { download } from '../shared/api.js';
import { BankApiError, bankApi, type BankQuestion, type DeckSummary } from './bank-api.js';
import { bt } from './bank-texts.js';

/** Moodle GIFT and XML: the bank out, a teacher's file in (all of it, or nothing, with the line at fault). */
export function MoodlePanel({ deck, onImported }: { deck: DeckSummary; onImported: () => void }) {
  const [format, setFormat] = useState<'gift' | 'moodle-xml'>('gift');
  const [section, setSection] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/bank/${encodeURIComponent(deck.id)}`;

  const importFile = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setMessage(null);
    try {
      const body = { format, text: await file.text(), ...(section ? { section } : {}) };
      const result = await bankApi<{ imported: BankQuestion[]; warnings: string[] }>('POST', `${base}/import`, body);
      setMessage([bt('imported', { n: result.imported.length }), ...result.warnings].join(' '));
      onImported();
    } catch (err) {
      const failure = err as BankApiError;
      setError(`${failure.text} ${failure.detail}`.trim());
    }
  };

  return (
    <section class="card moodle" aria-labelledby="moodle-title">
      <h2 id="moodle-title">{bt('moodleTitle')}</h2>
      <div class="actions">
        <button type="button" onClick={() => download(`${base}/export.gift`, `${deck.id}-gift.txt`).catch(() => setError(bt('error_IMPORT_INVALID')))}>
          {bt('exportGift')}
        </button>
        <button type="button" onClick={() => download(`${base}/export.xml`, `${deck.id}-moodle.xml`).catch(() => setError(bt('error_IMPORT_INVALID')))}>
          {bt('exportXml')}
        </button>
      </div>
      <form onSubmit={importFile}>
        <h3>{bt('importTitle')}</h3>
        <label for="import-file">{bt('importFile')}</label>
        <input id="import-file" type="file" accept=".txt,.gift,.xml" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        <label for="import-format">{bt('importFormat')}</label>
        <select id="import-format" value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as 'gift' | 'moodle-xml')}>
          <option value="gift">GIFT</option>
          <option value="moodle-xml">Moodle XML</option>
        </select>
        <label for="import-section">{bt('importSection')}</label>
        <select id="import-section" value={section} onChange={(e) => setSection((e.target as HTMLSelectElement).value)}>
          <option value="">–</option>
          {deck.sections.map((s) => (
            <option value={s.label}>{s.label}</option>
          ))}
        </select>
        <button type="submit" class="primary" disabled={!file}>
          {bt('importButton')}
        </button>
        <p role="status">{message ?? ''}</p>
        <p class="error" role="alert">
          {error ?? ''}
        </p>
      </form>
    </section>
  );
}

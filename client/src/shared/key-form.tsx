import { useState } from 'preact/hooks';
import { saveTeacherKey } from './api.js';
import { ErrorLine } from './components.js';
import { t } from './i18n.js';

/** Asked once per browser; the URL the server prints (#key=…) fills it in by itself. */
export function KeyForm({ onSaved, error }: { onSaved: () => void; error?: string | null }) {
  const [key, setKey] = useState('');
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        saveTeacherKey(key);
        onSaved();
      }}
    >
      <h1>{t('teacherKeyTitle')}</h1>
      <p>{t('teacherKeyHelp')}</p>
      <label for="teacher-key">{t('teacherKeyLabel')}</label>
      <input
        id="teacher-key"
        type="password"
        autocomplete="current-password"
        required
        value={key}
        onInput={(e) => setKey((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary" disabled={!key.trim()}>
        {t('save')}
      </button>
      <ErrorLine message={error ?? null} />
    </form>
  );
}

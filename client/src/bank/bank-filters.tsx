import type { BankQuestion, ItemStats } from './bank-api.js';
import { BANK_TYPE_LIST } from './bank-question-types.js';
import { bt, kindLabel } from './bank-texts.js';

export interface Filters {
  section: string;
  kind: string;
  type: string;
  flagged: boolean;
  excluded: boolean;
  edited: boolean;
  own: boolean;
  search: string;
}

export const NO_FILTERS: Filters = { section: '', kind: '', type: '', flagged: false, excluded: false, edited: false, own: false, search: '' };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matches(q: BankQuestion, f: Filters, stats: ItemStats | undefined): boolean {
  if (f.section && q.source.section !== f.section) return false;
  if (f.kind && q.kind !== f.kind) return false;
  if (f.type && q.type !== f.type) return false;
  if (f.flagged && !stats?.flags.length) return false;
  if (f.excluded && !q.excluded) return false;
  if (f.edited && !q.edited) return false;
  if (f.own && q.origin !== 'own') return false;
  if (f.search) {
    const haystack = fold([q.prompt, ...q.options, ...q.accepted, q.explanation, q.source.sentence].join(' '));
    if (
      !fold(f.search)
        .split(/\s+/)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

export function BankFilters(props: { filters: Filters; onChange: (f: Filters) => void; sections: string[]; kinds: string[] }) {
  const { filters: f, onChange } = props;
  const set = (change: Partial<Filters>) => onChange({ ...f, ...change });
  const check = (key: 'flagged' | 'excluded' | 'edited' | 'own', label: string) => (
    <label class="check-row">
      <input type="checkbox" checked={f[key]} onChange={(e) => set({ [key]: (e.target as HTMLInputElement).checked })} />
      {label}
    </label>
  );
  return (
    <fieldset class="bank-filters">
      <legend>{bt('filters')}</legend>
      <div class="filter-grid">
        <div>
          <label for="filter-search">{bt('search')}</label>
          <input id="filter-search" type="search" value={f.search} onInput={(e) => set({ search: (e.target as HTMLInputElement).value })} />
        </div>
        <div>
          <label for="filter-section">{bt('filterSection')}</label>
          <select id="filter-section" value={f.section} onChange={(e) => set({ section: (e.target as HTMLSelectElement).value })}>
            <option value="">{bt('all')}</option>
            {props.sections.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-kind">{bt('filterKind')}</label>
          <select id="filter-kind" value={f.kind} onChange={(e) => set({ kind: (e.target as HTMLSelectElement).value })}>
            <option value="">{bt('all')}</option>
            {props.kinds.map((k) => (
              <option value={k}>{kindLabel(k)}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-type">{bt('filterType')}</label>
          <select id="filter-type" value={f.type} onChange={(e) => set({ type: (e.target as HTMLSelectElement).value })}>
            <option value="">{bt('all')}</option>
            {BANK_TYPE_LIST.map((type) => (
              <option value={type}>{bt(`type_${type}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="filter-checks">
        {check('flagged', bt('onlyFlagged'))}
        {check('excluded', bt('onlyExcluded'))}
        {check('edited', bt('onlyEdited'))}
        {check('own', bt('onlyOwn'))}
      </div>
    </fieldset>
  );
}

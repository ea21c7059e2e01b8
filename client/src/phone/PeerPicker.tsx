import { useMemo, useState } from 'react';
import { Nick } from './Nick';
import { useT } from '../i18n/I18nProvider';

interface Props {
  peers: string[];
  names: Map<string, string>;
  selected: string[];
  onChange(selected: string[]): void;
  /** At most this many may be picked (no limit when absent). */
  max?: number;
  /** No name can be tapped (e.g. while the autopilot plays, or an action is on its way). */
  disabled?: boolean;
  /** The group's accessible name (default "Choose nodes"). */
  label?: string;
}

/** Big tap targets for choosing other nodes, with a search box once the room is big. */
export function PeerPicker({ peers, names, selected, onChange, max, disabled, label }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const list = q ? peers.filter((p) => (names.get(p) ?? '').toLocaleLowerCase().includes(q)) : peers;
    return list.slice(0, 60);
  }, [peers, names, query]);
  const toggle = (id: string) => {
    if (selected.includes(id)) onChange(selected.filter((s) => s !== id));
    else if (max === undefined || selected.length < max) onChange([...selected, id]);
  };
  return (
    <div className="stack">
      {peers.length > 12 && (
        <input
          aria-label={t('phone.picker.search')}
          placeholder={t('phone.picker.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      <fieldset className="picker plain-group" aria-label={label ?? t('phone.picker.label')}>
        {shown.map((id) => (
          <button key={id} type="button" aria-pressed={selected.includes(id)} disabled={disabled} onClick={() => toggle(id)}>
            {selected.includes(id) ? '✓ ' : ''}
            <Nick name={names.get(id) ?? t('phone.someoneWhoLeft')} />
          </button>
        ))}
      </fieldset>
      {query && shown.length === 0 && <p className="muted">{t('phone.picker.none', { query: query.trim() })}</p>}
      {shown.length < peers.length && !query && (
        <p className="muted">{t('phone.picker.showing', { shown: shown.length, total: peers.length })}</p>
      )}
    </div>
  );
}

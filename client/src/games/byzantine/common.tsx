// Pieces every Byzantine screen uses: values and roles drawn with a word and an icon (colour
// is never the only signal), a session clock that keeps counting between views, and names.

import { type ReactNode, useMemo } from 'react';
import type { Value } from '../../../../shared/games/byzantine/config';
import './byzantine.css';
import { useT } from '../../i18n/I18nProvider';
import { valueWord } from './words';

/** An icon's frame: decorative, since the word beside it says the same. */
function IconSvg({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** Icons are inline SVG: no web fonts, and the same on every phone. */
export function Icon({ name, size = 24 }: { name: 'attack' | 'retreat' | 'traitor' | 'commander' | 'loyal' | 'clock'; size?: number }) {
  switch (name) {
    case 'attack':
      // A flag planted forward.
      return (
        <IconSvg size={size}>
          <path d="M5 3v18" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          <path d="M6 4h12l-3 4 3 4H6z" fill="currentColor" />
        </IconSvg>
      );
    case 'retreat':
      // An arrow turning back.
      return (
        <IconSvg size={size}>
          <path d="M9 5L3 11l6 6" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
          <path
            d="M4 11h10a6 6 0 0 1 0 12h-2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.6"
            strokeLinecap="round"
            transform="translate(0 -4)"
          />
        </IconSvg>
      );
    case 'traitor':
      // A dagger.
      return (
        <IconSvg size={size}>
          <path d="M12 1.5l2.2 3V14h-4.4V4.5z" fill="currentColor" />
          <path d="M6.5 14.5h11v2.2h-11z" fill="currentColor" />
          <path d="M10.8 16.7h2.4v4.1h-2.4z" fill="currentColor" />
          <circle cx="12" cy="21.8" r="1.6" fill="currentColor" />
        </IconSvg>
      );
    case 'commander':
      return (
        <IconSvg size={size}>
          <path d="M12 2l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 16.9 5.9 20.4l1.5-6.8L2.2 9l6.9-.7z" fill="currentColor" />
        </IconSvg>
      );
    case 'loyal':
      // A shield.
      return (
        <IconSvg size={size}>
          <path d="M12 2l8 3v6c0 5.2-3.4 9.4-8 11-4.6-1.6-8-5.8-8-11V5z" fill="currentColor" />
        </IconSvg>
      );
    case 'clock':
      return (
        <IconSvg size={size}>
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.4" />
          <path d="M12 7v5l3.5 2.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </IconSvg>
      );
  }
}

/** Attack or Retreat, with its icon and its word (in the reader's language). */
export function ValueTag({ value, big = false }: { value: Value; big?: boolean }) {
  const t = useT();
  return (
    <span className={`byz-value ${value}${big ? ' big' : ''}`}>
      <Icon name={value} size={big ? 30 : 18} />
      {valueWord(t, value)}
    </span>
  );
}

/** A small "TRAITOR" tag: red, with a dagger and the word (in the reader's language). */
export function TraitorTag({ text }: { text?: string }) {
  const t = useT();
  return (
    <span className="byz-traitor-tag">
      <Icon name="traitor" size={16} />
      {text ?? t('byzantine.look.badge.traitor')}
    </span>
  );
}

export { useSessionNow } from '../sessionClock';

/** 0:42 */
export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function useNames(entries: readonly { id: string; nickname: string }[]): (id: string) => string {
  const t = useT();
  return useMemo(() => {
    const names = new Map(entries.map((n) => [n.id, n.nickname]));
    const gone = t('byzantine.someoneWhoLeft');
    // A node no longer on the roster (it left) is still a person: never show its id.
    return (id: string) => names.get(id) ?? gone;
  }, [entries, t]);
}

/** The phases of a round in order, as steps: orders (1), one relay phase per level (2…m+1), the decision (m+2); screens word them. */
export function phaseSteps(m: number): { step: number }[] {
  return Array.from({ length: m + 2 }, (_, i) => ({ step: i + 1 }));
}

/** The step a view is at (1…m+2), from its phase and level. */
export function currentStep(phase: string, level: number | null, m: number): number {
  if (level !== null) return level;
  return phase === 'decide' ? m + 2 : m + 3;
}

/** The countdown of the current phase, from the session's timers (they move when the network pauses). */
export function phaseDeadline(timers: Record<string, number>, phaseTimer: string | null, phaseEndsAt: number | null): number | null {
  if (!phaseTimer) return null;
  return timers[phaseTimer] ?? phaseEndsAt;
}

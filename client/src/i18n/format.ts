// Durations and sizes in the reader's language (units and decimal marks as the language writes
// them): "3 min 05 s", "1,5 s" in French, "12 Ko".

import type { Translator } from './translate';

/** A duration for people: "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(t: Translator, ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return t('common.duration.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('common.duration.min', { m, s: String(s % 60).padStart(2, '0') });
  return t('common.duration.h', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
}

/** A short span with its precision: "350 ms", "2.5 s" (a tenth below 10 s), "1 min 05 s"; a dash for none. */
export function formatMs(t: Translator, ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return t('common.dash');
  if (ms < 1000) return t('common.duration.ms', { ms: Math.round(ms) });
  if (ms < 60_000) {
    const digits = ms < 10_000 ? 1 : 0;
    return t('common.duration.sText', { s: t.number(ms / 1000, { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
  }
  return formatDuration(t, ms);
}

/** A file size: "512 B", "12 KB", "3.4 MB" (o, Ko, Mo in French). */
export function formatBytes(t: Translator, bytes: number): string {
  if (bytes < 1024) return t('common.bytes.b', { n: bytes });
  if (bytes < 1024 * 1024) return t('common.bytes.kb', { n: Math.round(bytes / 1024) });
  return t('common.bytes.mb', { n: Math.round((bytes / 1024 / 1024) * 10) / 10 });
}

/** A date and time, medium and short ("2 Dec 2026, 12:11"), or the text as given when it is not a date. */
export function formatDate(t: Translator, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : t.date(d, { dateStyle: 'medium', timeStyle: 'short' });
}

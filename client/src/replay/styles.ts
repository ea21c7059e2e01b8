// How the replay names and colours things, the same way the live console does: message kinds
// from each game's screens (GameUi.kinds), nodes by nickname.

import type { RecordingIndex } from '../../../shared/replay/recordingIndex';

export { kindStyle } from '../games/mapLook';

export function nodeNames(index: RecordingIndex): Map<string, string> {
  return new Map(index.nodes.map((n) => [n.id, n.nickname]));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

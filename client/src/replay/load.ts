// A recording's text into what the viewer needs: parsed (torn last line skipped), indexed,
// and a lazy fold. Errors become a code and params for the reader's language, never a crash.

import type { ErrorInfo } from '../../../shared/protocol/result';
import { RecordingIndex, ReplayError } from '../../../shared/replay/recordingIndex';
import { ReplayFold } from '../../../shared/replay/replayFold';
import { parseRecording, RecordingError } from '../../../shared/session/recording';
import { GAMES } from '../games/registry';

/** Bigger files than this are refused before the browser runs out of memory. */
export const MAX_FILE_BYTES = 400 * 1024 * 1024;

export interface LoadedRecording {
  index: RecordingIndex;
  fold: ReplayFold;
  /** Milliseconds; `startedAt` is performance.now() when reading began (to time the whole open). */
  timings: { parseMs: number; indexMs: number; startedAt?: number; readMs?: number; downloadMs?: number; bytes?: number };
}

/** Why a file does not open: a code and params, worded with `wordError` (`error.recording.*`). */
export type LoadProblem = Pick<ErrorInfo, 'code' | 'params'>;

export type LoadResult = { ok: true; data: LoadedRecording } | { ok: false; error: LoadProblem };

export function loadRecording(text: string): LoadResult {
  try {
    const t0 = performance.now();
    const parsed = parseRecording(text);
    const t1 = performance.now();
    const index = RecordingIndex.from(parsed, GAMES);
    const fold = new ReplayFold(parsed.header, parsed.events, GAMES);
    const t2 = performance.now();
    return { ok: true, data: { index, fold, timings: { parseMs: t1 - t0, indexMs: t2 - t1 } } };
  } catch (err) {
    if (err instanceof RecordingError || err instanceof ReplayError) {
      return { ok: false, error: err.params ? { code: err.code, params: err.params } : { code: err.code } };
    }
    return { ok: false, error: { code: 'recording.unreadable' } };
  }
}

/** Reads a file the user picked or dropped; nothing is uploaded. */
export async function readRecordingFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: LoadProblem }> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: { code: 'recording.too_big', params: { mb: Math.round(file.size / 1e6), max: MAX_FILE_BYTES / 1024 / 1024 } },
    };
  }
  if (file.size === 0) return { ok: false, error: { code: 'recording.empty' } };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, error: { code: 'recording.gone' } };
  }
}

/** Lets the browser paint a "reading…" message before the main thread parses a big file. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// Every request gets an answer of this shape: errors are values sent back to the caller.

import type { Notice } from './notice';

/**
 * `code` is what programs and the client act on; `message` is an English sentence for logs and
 * for students' own programs; the client words the error from `code` and `params` in the
 * reader's language (see notice.ts).
 */
export interface ErrorInfo {
  code: string;
  message: string;
  params?: Notice['params'];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = <T = never>(code: string, message: string, params?: Notice['params']): Result<T> => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
});

/** One readable line for a failed parse: "config.fanout: Too big; nodes: Required". */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], root = 'payload'): string {
  return issues.map((i) => `${i.path.map(String).join('.') || root}: ${i.message}`).join('; ');
}

// Every request gets an answer of this shape: errors are values sent back to the caller.

export interface ErrorInfo {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = <T = never>(code: string, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/** One readable line for a failed parse: "config.fanout: Too big; nodes: Required". */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], root = 'payload'): string {
  return issues.map((i) => `${i.path.map(String).join('.') || root}: ${i.message}`).join('; ');
}

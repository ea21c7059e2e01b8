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

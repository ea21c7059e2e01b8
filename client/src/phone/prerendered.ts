// The join form the server sends inside the page (build/joinShells.ts) lets a student read and
// type while the script is still on its way; when the script takes over, it keeps what was
// typed and where the cursor was. A form sent before the script ran comes back as the same page
// with `?code=` or `?nickname=` in the address: the script carries on from there.

export interface Typed {
  code?: string;
  /** A code sent with the server's step-1 form before the script ran: check it at once. */
  submittedCode?: string;
  nickname?: string;
  /** A nickname sent before the script ran: join with it at once. */
  submitted?: boolean;
  /** The id of the field that had the focus. */
  focused?: string;
}

let typed: Typed = {};

/** Reads the server's form and the address once, before the first render replaces the form. */
export function takePrerendered(): void {
  const form = document.querySelector('#root form[data-prerendered]');
  const value = (id: string) => (form?.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '') || undefined;
  const query = new URLSearchParams(window.location.search);
  const sentNickname = query.get('nickname') ?? undefined;
  typed = {
    code: value('join-code') ?? query.get('code') ?? undefined,
    submittedCode: query.get('code') || undefined,
    nickname: value('join-nickname') ?? sentNickname,
    submitted: sentNickname !== undefined && sentNickname !== '',
    focused: form?.contains(document.activeElement) ? document.activeElement?.id : undefined,
  };
  if (query.has('code') || query.has('nickname')) {
    // What the form sent is used once: a reload must not join again.
    query.delete('code');
    query.delete('nickname');
    const search = query.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  }
}

export const prerendered = (): Typed => typed;

/**
 * Whether a nickname was sent before the script ran; what was typed is used once (a later
 * nickname step, after "another code", starts empty). Called from an effect, once per mount.
 */
export function takeSubmitted(): boolean {
  const was = typed.submitted === true;
  typed = {};
  return was;
}

/** After the first render: the cursor goes back where it was (the script's form has the same ids). */
export function restoreFocus(): void {
  if (typed.focused) document.getElementById(typed.focused)?.focus();
}

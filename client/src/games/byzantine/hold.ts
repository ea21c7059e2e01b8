// "Hold to show": a secret (a role, what a traitor did) is read close up, only while the
// student holds the button down — or, for a screen reader's or a switch's press, which comes
// as a click alone, for a few seconds. The same button on every phone, whatever it hides.

import { useEffect, useRef, useState, type ButtonHTMLAttributes } from 'react';

/** How long a click alone (no pointer held) shows the secret. */
const CLICK_SHOW_MS = 5_000;

export function useHold(): { shown: boolean; button: ButtonHTMLAttributes<HTMLButtonElement> } {
  const [shown, setShown] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const show = (on: boolean) => {
    clearTimeout(timer.current ?? undefined);
    setShown(on);
  };
  return {
    shown,
    button: {
      type: 'button',
      'aria-pressed': shown,
      onPointerDown: (e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        show(true);
      },
      onPointerUp: () => show(false),
      onPointerCancel: () => show(false),
      onContextMenu: (e) => e.preventDefault(),
      onKeyDown: (e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          show(true);
        }
      },
      onKeyUp: () => show(false),
      onClick: (e) => {
        if (e.detail !== 0) return;
        show(true);
        timer.current = setTimeout(() => setShown(false), CLICK_SHOW_MS);
      },
    },
  };
}

// Names that stay whole: a long nickname ends with an ellipsis, and shows in full on a tap, on
// hover and on focus. Small, so the join page may carry it.

import { useState } from 'react';

/**
 * A nickname that never overflows: cut with an ellipsis, whole on a tap, on hover and on focus.
 * `className` adds a screen's own look (a row's name column, say).
 */
export function Nick({ name, className }: { name: string; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the whole name is in the text already (screen readers read it all); the tap only un-cuts it for the eye
    // biome-ignore lint/a11y/noStaticElementInteractions: as above
    <span className={`nick${className ? ` ${className}` : ''}${open ? ' open' : ''}`} title={name} onClick={() => setOpen(!open)}>
      {name}
    </span>
  );
}

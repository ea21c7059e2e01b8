// Keyboard shortcuts: the instructor has one hand free, so every drill, heal and the pause
// are one key. They never fire while a control has the focus: Space or Enter on a focused
// button presses that button, arrows move a focused slider, letters go into a field.

import { useEffect } from 'react';
import type { DrillName } from '../../../shared/net/drills';
import { groupName, type FaultOp } from '../../../shared/net/faults';

export const SHORTCUTS: [string, string][] = [
  ['H', 'split in halves'],
  ['L', 'isolate the leader'],
  ['R', 'isolate a random node'],
  ['B', 'bridge'],
  ['G', 'majorities ring'],
  ['K', 'crash a minority'],
  ['X', 'heal partitions'],
  ['Shift+X', 'heal all (partitions, crashes, loss)'],
  ['Space', 'pause / resume the network'],
  ['1–6', 'move the selected nodes to group A–F'],
  ['I', 'isolate the selected nodes'],
  ['C', 'crash the selected nodes'],
  ['V', 'restart the selected nodes'],
  ['P', 'projector mode'],
  ['Esc', 'clear the selection'],
  ['?', 'this list'],
];

const DRILL_KEYS: Record<string, DrillName> = {
  h: 'halves',
  l: 'isolate-leader',
  r: 'isolate-random',
  b: 'bridge',
  g: 'ring',
  k: 'kill-minority',
  x: 'heal',
  X: 'heal-all',
};

export interface ShortcutHandlers {
  drill(name: DrillName): void;
  fault(op: FaultOp): void;
  togglePause(): void;
  toggleProjector(): void;
  toggleHelp(): void;
  clearSelection(): void;
  selected(): string[];
}

/** What keeps its own keys while it has the focus: form controls, buttons, links, summaries, sliders. */
const CONTROLS =
  'input, textarea, select, button, a[href], summary, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="slider"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [role="spinbutton"], [role="textbox"]';

export function takesKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(CONTROLS) !== null;
}

export function useShortcuts(h: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (takesKeys(e.target)) return;
      // A modal (the shortcuts list) has the keyboard: only its own keys.
      if (document.querySelector('dialog[open]')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key;
      const sel = h.selected();
      const drill = DRILL_KEYS[key] ?? DRILL_KEYS[key.toLowerCase() === 'x' && e.shiftKey ? 'X' : key.toLowerCase()];
      if (drill) h.drill(drill);
      else if (key === ' ') h.togglePause();
      else if (key === 'p' || key === 'P') h.toggleProjector();
      else if (key === '?') h.toggleHelp();
      else if (key === 'Escape') h.clearSelection();
      else if (/^[1-6]$/.test(key) && sel.length) h.fault({ op: 'move', nodes: sel, group: groupName(Number(key) - 1) });
      else if ((key === 'i' || key === 'I') && sel.length) h.fault({ op: 'isolate', nodes: sel });
      else if ((key === 'c' || key === 'C') && sel.length) h.fault({ op: 'crash', nodes: sel });
      else if ((key === 'v' || key === 'V') && sel.length) h.fault({ op: 'restart', nodes: sel });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h]);
}

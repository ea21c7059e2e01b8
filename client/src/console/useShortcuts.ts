// Keyboard shortcuts: the instructor has one hand free, so every drill, heal and the pause
// are one key. They never fire while a control has the focus: Space or Enter on a focused
// button presses that button, arrows move a focused slider, letters go into a field.

import { useEffect } from 'react';
import type { DrillName } from '../../../shared/net/drills';
import { groupName, type FaultOp } from '../../../shared/net/faults';
import type { MessageKey, Translator } from '../i18n/translate';

/** Each key and what it does (a message of the console's catalogue). */
export const SHORTCUTS: [string, MessageKey][] = [
  ['H', 'console.keys.halves'],
  ['L', 'console.keys.isolateLeader'],
  ['R', 'console.keys.isolateRandom'],
  ['B', 'console.keys.bridge'],
  ['G', 'console.keys.ring'],
  ['K', 'console.keys.killMinority'],
  ['X', 'console.keys.heal'],
  ['Shift+X', 'console.keys.healAll'],
  ['Space', 'console.keys.pause'],
  ['1–6', 'console.keys.move'],
  ['I', 'console.keys.isolate'],
  ['C', 'console.keys.crash'],
  ['V', 'console.keys.restart'],
  ['P', 'console.keys.projector'],
  ['Esc', 'console.keys.clear'],
  ['?', 'console.keys.list'],
];

/** A key's name as the reader's keyboard prints it: letters and digits as they are, Space, Esc and Shift in their language. */
export function keyLabel(t: Translator, key: string): string {
  if (key === 'Space') return t('console.keys.key.space');
  if (key === 'Esc') return t('console.keys.key.esc');
  const shifted = /^Shift\+(.+)$/.exec(key);
  return shifted?.[1] ? t('console.keys.key.shift', { key: shifted[1] }) : key;
}

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
      if (takesKeys(e.target)) {
        // Esc on a focused button, link or slider lets go of it: the shortcuts work again.
        const el = e.target as HTMLElement;
        if (e.key === 'Escape' && !el.closest('input:not([type=range]), textarea, select, [contenteditable]')) el.blur();
        return;
      }
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

// Every name the screens look up by an id has its message in every language: each one-click
// drill (`drill.<name>.name`), each preset drill script (`script.<id>.name`, its description and
// the note of each step that has one, `script.<id>.note.<index>` in time order), each game
// (`game.<id>.name`, and the phone's short `phone.game.<id>`). A name that is missing falls back
// to the English of shared/ on screen, which the catalogue tests would not see.

import { describe, expect, it } from 'vitest';
import { DRILLS } from '../../../shared/net/drills';
import { orderedSteps, PRESET_SCRIPTS } from '../../../shared/net/script';
import { GAMES } from '../games/registry';
import en from './messages/en';
import es from './messages/es';
import fr from './messages/fr';
import type { FaultLogEntry } from '../../../shared/protocol/views';
import { createTranslator, type Catalogue, type MessageKey } from './translate';
import { wordFaultLog } from './words';

const bundles: Record<string, Record<string, string>> = { en, es, fr };
const frCatalogue = fr as unknown as Catalogue;

function namedKeys(): string[] {
  const keys = Object.keys(DRILLS).map((d) => `drill.${d}.name`);
  for (const s of PRESET_SCRIPTS) {
    expect(s.id, `preset "${s.name}" has an id`).toBeTruthy();
    keys.push(`script.${s.id}.name`);
    if (s.description) keys.push(`script.${s.id}.description`);
    orderedSteps(s).forEach((step, i) => {
      if (step.note !== undefined) keys.push(`script.${s.id}.note.${i}`);
    });
  }
  for (const id of GAMES.keys()) keys.push(`game.${id}.name`, `phone.game.${id}`);
  return keys;
}

describe('names looked up by id', () => {
  it.each(Object.keys(bundles))('are all in %s', (lang) => {
    const missing = namedKeys().filter((k) => !Object.hasOwn(bundles[lang] ?? {}, k));
    expect(missing).toEqual([]);
  });
});

describe('a preset drill step’s note in the fault log', () => {
  const preset = PRESET_SCRIPTS.find((s) => orderedSteps(s).some((step) => step.note !== undefined));
  const index = preset ? orderedSteps(preset).findIndex((step) => step.note !== undefined) : -1;
  const note = preset ? (orderedSteps(preset)[index]?.note ?? '') : '';
  const entry = (script?: string): FaultLogEntry => ({
    t: 0,
    text: `Drill step ${index + 1}/3: ${note}`,
    step: { index, of: 3, note, ...(script ? { script } : {}) },
  });

  it('is in the reader’s language for a preset, and as written for an instructor’s own script', () => {
    expect(preset?.id).toBeTruthy();
    const fr = createTranslator('fr', frCatalogue);
    const worded = wordFaultLog(fr, entry(preset?.id), (id) => id);
    expect(worded).toBe(`Étape ${index + 1}/3 de l’exercice : ${fr(`script.${preset?.id}.note.${index}` as MessageKey)}`);
    expect(worded).not.toContain(note);
    // Without the preset's id the note is the instructor's own words: shown as written.
    expect(wordFaultLog(fr, entry(), (id) => id)).toContain(note);
  });
});

// The result's words for a round a person got wrong: by nickname, naming what they decided and
// what their own majority was, and saying that the algorithm itself held ([B9]).

import { describe, expect, it } from 'vitest';
import en from '../../i18n/messages/en';
import es from '../../i18n/messages/es';
import fr from '../../i18n/messages/fr';
import { createTranslator, type Catalogue } from '../../i18n/translate';
import { Room } from '../../../../test/support/byzantine';
import { causeText, flagText } from './parts';

const NAMES: Record<string, string> = { n1: 'Ana', n2: 'Chloe', n3: 'Ben', n4: 'Dev' };
const name = (id: string) => NAMES[id] ?? '?';

/** Ana commands Attack; Chloe (n2) decides Retreat against her majority; Ben and Dev follow theirs. */
function roundWithAPersonAgainstTheirMajority() {
  const r = new Room({ humans: 4, passOn: true }).start({ commander: 'n1', traitorIds: [], order: 'attack', phaseMs: 10_000 });
  r.act('n1', { type: 'order', value: 'attack' });
  r.run(20);
  r.act('n2', { type: 'decide', value: 'retreat' });
  r.act('n3', { type: 'decide', value: 'attack' });
  r.act('n4', { type: 'decide', value: 'attack' });
  return r.result();
}

describe('byzantine: the result in words', () => {
  it('[B9] a loyal person deciding against their majority is named, and the algorithm is not blamed', () => {
    const res = roundWithAPersonAgainstTheirMajority();
    const t = createTranslator('en', en as unknown as Catalogue);
    const flags = res.flags.map((f) => flagText(t, f, name));
    expect(flags).toContain('Chloe decided Retreat although Chloe’s majority was Attack.');
    const cause = causeText(t, res.breakdown, name);
    expect(cause).toContain('The algorithm was not broken');
    expect(cause).toContain('Chloe decided Retreat although Chloe’s majority was Attack.');
    for (const text of [...flags, cause ?? '']) expect(text).not.toMatch(/\bn\d+\b/);
  });

  it('[B9] in Spanish and French too, by nickname', () => {
    const res = roundWithAPersonAgainstTheirMajority();
    const against = res.flags.find((f) => f.code === 'byzantine.flag.against');
    expect(against).toBeDefined();
    if (!against) return;
    expect(flagText(createTranslator('es', es as unknown as Catalogue), against, name)).toBe(
      'Chloe decidió Retirada aunque la mayoría de Chloe era Ataque.',
    );
    expect(flagText(createTranslator('fr', fr as unknown as Catalogue), against, name)).toBe(
      'Chloe a décidé Retraite alors que la majorité de Chloe était Attaque.',
    );
  });

  it('[B9] no cause when both hold; the network when messages were lost', () => {
    const t = createTranslator('en', en as unknown as Catalogue);
    expect(causeText(t, { algorithm: { ic1: true, ic2: true }, against: [], cause: null }, name)).toBeNull();
    expect(causeText(t, { algorithm: { ic1: false, ic2: false }, against: [], cause: 'network' }, name)).toContain('The network broke it');
  });
});

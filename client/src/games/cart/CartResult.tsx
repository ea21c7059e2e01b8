// The round's analysis [C16]: what the mode kept, refused and lost, in numbers and names, and
// whether (and how fast after the heal) every live list came to agree.

import { ITEMS } from '../../../../shared/games/cart/config';
import type { CartResult } from '../../../../shared/games/cart/analysis';
import { REFUSE_REASONS } from '../../../../shared/games/cart/state';
import { useT } from '../../i18n/I18nProvider';
import type { ResultProps } from '../types';
import { Debrief } from './CartConsole';
import { ItemIcon } from './icons';
import { itemName, lostText, modeTitle, msText, percent, refusedReason } from './words';
import './cart.css';

export function CartResultView({ result: r, names, rounds }: ResultProps<CartResult>) {
  const t = useT();
  if (r?.game !== 'cart') return null;
  const nameOf = (id: string) => names.get(id) ?? id;
  const avail = r.duringSplit.availability;
  return (
    <div className="ct-result stack" data-testid="cart-result">
      <p className={`ct-verdict ${r.converged ? 'ok' : 'bad'}`} data-testid="cart-verdict">
        <span aria-hidden="true">{r.converged ? '✓ ' : '≠ '}</span>
        {r.converged
          ? r.convergeMs !== null
            ? t('cart.result.convergedAfter', { mode: modeTitle(t, r.mode), after: msText(t, r.convergeMs) })
            : t('cart.result.converged', { mode: modeTitle(t, r.mode) })
          : t('cart.result.diverged', { mode: modeTitle(t, r.mode), distinct: r.distinct, live: r.live })}
      </p>
      <ul className="ct-facts">
        <li>{t('cart.result.writes', r.writes)}</li>
        {avail !== null && (
          <li data-testid="cart-availability">
            {t('cart.result.availability', {
              pct: percent(t, avail),
              accepted: r.duringSplit.accepted,
              attempted: r.duringSplit.attempted,
            })}
          </li>
        )}
        {Object.entries(r.sides)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([group, s]) => (
            <li key={group}>
              <b>{t('cart.console.side', { group })}</b> {t('cart.console.sideCounts', s)}
            </li>
          ))}
        {REFUSE_REASONS.filter((k) => r.refusedBy[k] > 0).map((k) => (
          <li key={k}>
            {t('cart.result.refusedBy', { count: r.refusedBy[k] })} {refusedReason(t, k)}
          </li>
        ))}
        <li data-testid="cart-lost-count">
          {r.mode === 'lww' ? t('cart.result.lost', { lost: r.lost }) : t('cart.result.noneLost', { mode: modeTitle(t, r.mode) })}
        </li>
        {r.negative.length > 0 && <li>{t('cart.result.negative', { items: t.list(r.negative.map((i) => itemName(t, i))) })}</li>}
      </ul>
      {r.lostGroups.length > 0 && (
        <ul className="ct-lost">
          {r.lostGroups.slice(0, 20).map((g) => (
            <li key={`${g.node}-${g.item}-${g.by.join(',')}`}>{lostText(t, g, nameOf)}</li>
          ))}
        </ul>
      )}
      <section className="ct-final" aria-label={t('cart.result.final')}>
        {ITEMS.map((item) => (
          <span key={item} className="ct-final-item">
            <ItemIcon item={item} size={28} />
            <span>
              {itemName(t, item)}: <b>{t.number(r.final[item])}</b>
            </span>
          </span>
        ))}
      </section>
      {rounds && rounds.filter((x) => x.game === 'cart').length > 1 && <Debrief rounds={rounds} />}
    </div>
  );
}

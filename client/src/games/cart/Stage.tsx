// The split-brain cart on the projector stage [C16]: the lists the class holds, grouped (the
// list most replicas hold, then each other list with who holds it), the split's sides, and at
// the heal the merge played out: the lists agreeing and how fast, the updates lost (LWW) or the
// writes refused (quorum), nothing lost (CRDT). Large type, no scrolling.

import { ITEMS } from '../../../../shared/games/cart/config';
import type { CartStageView } from '../../../../shared/games/cart/stage';
import type { NodeId } from '../../../../shared/protocol/ids';
import { useT } from '../../i18n/I18nProvider';
import type { NodeDecoration, StageGameProps } from '../types';
import { StateBadge } from './CartConsole';
import { ItemIcon } from './icons';
import { decorateReplicas } from './look';
import { itemName, lostText, modeTitle, msText } from './words';
import './cart.css';

/** Other lists shown on the stage (the map marks every node). */
const OTHER_LISTS = 3;
const LOST_SHOWN = 3;

export function CartStage({ view, snapshot }: StageGameProps<CartStageView>) {
  const t = useT();
  if (view?.game !== 'cart') return null;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: NodeId) => names.get(id) ?? id;
  // One row per distinct list: its mark, who holds it, its quantities.
  const byState = new Map<number, NodeId[]>();
  for (const [id, r] of Object.entries(view.replicas)) {
    if (r.down) continue;
    byState.set(r.state, [...(byState.get(r.state) ?? []), id]);
  }
  const others = [...byState.keys()].filter((k) => k !== 0).sort((a, b) => a - b);
  const listOf = (k: number) => view.replicas[byState.get(k)?.[0] ?? '']?.list ?? null;
  const split = view.duringSplit;
  return (
    <div className="stack ct-stage" style={{ gap: '0.4em' }} data-testid="stage-cart">
      <div>
        <b>{modeTitle(t, view.mode)}</b>
        {view.mode === 'quorum' && ` · ${t('cart.console.majority', { majority: view.majority, n: view.n })}`}
      </div>
      <div className="stage-row">
        <div className="stage-big">
          <span>{t('cart.console.lists')}</span>
          <b data-testid="stage-cart-lists">
            {view.distinct <= 1 ? t('cart.stage.agree') : t('cart.stage.differ', { distinct: view.distinct })}
          </b>
        </div>
        <div className="stage-big">
          <span>{t('cart.stage.savedDuringSplit')}</span>
          <b>{split.attempted ? t('cart.stage.ofN', { accepted: split.accepted, attempted: split.attempted }) : '—'}</b>
        </div>
        <div className="stage-big">
          <span>{view.mode === 'quorum' ? t('cart.debrief.refused') : t('cart.debrief.lost')}</span>
          <b>{t.number(view.mode === 'quorum' ? view.totals.refused : view.lost.writes)}</b>
        </div>
      </div>
      <table className="ct-table ct-stage-table">
        <thead>
          <tr>
            <th scope="col">{t('cart.console.state')}</th>
            {ITEMS.map((item) => (
              <th key={item} scope="col">
                <ItemIcon item={item} size={36} />
                <span className="sr-only">{itemName(t, item)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[0, ...others.slice(0, OTHER_LISTS)].map((k) => {
            const list = listOf(k);
            if (!list) return null;
            const holders = byState.get(k) ?? [];
            return (
              <tr key={k}>
                <th scope="row">
                  <StateBadge k={k} /> {k === 0 ? t('cart.stage.most', { count: holders.length }) : t.list(holders.slice(0, 3).map(nameOf))}
                  {k !== 0 && holders.length > 3 && ` ${t('cart.stage.andMore', { more: holders.length - 3 })}`}
                </th>
                {ITEMS.map((item) => (
                  <td key={item}>{t.number(list[item])}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {view.split && Object.keys(view.sides).length > 0 && (
        <div>
          {Object.entries(view.sides)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([group, s]) => `${t('cart.console.side', { group })} ${t('cart.stage.sideSaved', s)}`)
            .join(' · ')}
        </div>
      )}
      {view.convergeMs !== null && (
        <div className="stage-good" data-testid="stage-cart-converged">
          {t('cart.stage.converged', { after: msText(t, view.convergeMs) })}
        </div>
      )}
      {view.lost.groups.slice(0, LOST_SHOWN).map((g) => (
        <div key={`${g.node}-${g.item}-${g.by.join(',')}`} className="stage-warn">
          {lostText(t, g, nameOf)}
        </div>
      ))}
    </div>
  );
}

/** The stage map: each node marked by the list it holds (✓ the most common, ≠ others). */
export function decorateStage(view: CartStageView): Record<string, NodeDecoration> {
  return view?.game === 'cart' ? decorateReplicas(view.replicas) : {};
}

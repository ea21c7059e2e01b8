// The split-brain cart on the instructor's console [C16]: every replica's list side by side,
// which agree with the list most live replicas hold (the divergence map, also on the network
// map), the split's sides with their writes, the lost updates so far (lww), the latest writes,
// and the debrief across this session's cart rounds.

import type { ReactNode } from 'react';
import { ITEMS } from '../../../../shared/games/cart/config';
import type { CartConsoleView } from '../../../../shared/games/cart/console';
import type { CartResult } from '../../../../shared/games/cart/analysis';
import type { RoundSummary } from '../../../../shared/protocol/views';
import { useT } from '../../i18n/I18nProvider';
import type { ConsoleGameProps } from '../types';
import { ItemIcon } from './icons';
import { stateLetter, STATE_FILLS } from './look';
import { itemName, lostText, modeText, modeTitle, msText, percent, refusedReason, signed } from './words';
import './cart.css';

/** Replicas listed by name in the table (the map shows everyone). */
const ROWS_SHOWN = 40;

export function CartConsole({ view, snapshot }: ConsoleGameProps<CartConsoleView>) {
  const t = useT();
  if (view?.game !== 'cart') return null;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const ids = Object.keys(view.replicas);
  return (
    <div className="ct-console stack" data-testid="cart-console">
      <div className="ct-top">
        <Big label={t('cart.console.mode')} value={modeTitle(t, view.mode)}>
          {view.mode === 'quorum' ? t('cart.console.majority', { majority: view.majority, n: view.n }) : modeText(t, view.mode)}
        </Big>
        <Big label={t('cart.console.lists')} value={view.distinct <= 1 ? '=' : `≠ ${view.distinct}`} testid="cart-agreement">
          {view.distinct <= 1
            ? t('cart.console.agree', { live: view.live })
            : t('cart.console.differ', { distinct: view.distinct, live: view.live })}
        </Big>
        <Big label={t('cart.console.network')} value={view.split ? t('cart.console.split') : t('cart.console.whole')} testid="cart-network">
          {view.healedAt !== null && !view.split && view.agreeSince !== null
            ? t('cart.console.convergedAfter', { after: msText(t, Math.max(0, view.agreeSince - view.healedAt)) })
            : view.healedAt !== null && !view.split
              ? t('cart.console.converging')
              : ''}
        </Big>
        <Big label={t('cart.console.writes')} value={t.number(view.totals.attempted)}>
          {t('cart.console.totals', view.totals)}
          {view.mode === 'lww' && ` · ${t('cart.console.lostCount', { lost: view.lost.writes })}`}
        </Big>
      </div>

      {Object.keys(view.sides).length > 0 && (
        <section className="panel" aria-labelledby="ct-sides-title">
          <h3 id="ct-sides-title">{t(view.split ? 'cart.console.sides' : 'cart.console.sidesLast')}</h3>
          <ul className="ct-sides">
            {Object.entries(view.sides)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([group, s]) => (
                <li key={group} data-testid={`cart-side-${group}`}>
                  <b>{t('cart.console.side', { group })}</b> {t('cart.console.sideCounts', s)}
                </li>
              ))}
          </ul>
        </section>
      )}

      <section className="panel ct-table-wrap" aria-labelledby="ct-lists-title">
        <h3 id="ct-lists-title">{t('cart.console.replicas')}</h3>
        <table className="ct-table" data-testid="cart-replicas">
          <thead>
            <tr>
              <th scope="col">{t('cart.console.replica')}</th>
              <th scope="col">{t('cart.console.state')}</th>
              {ITEMS.map((item) => (
                <th key={item} scope="col">
                  <ItemIcon item={item} size={26} />
                  <span className="sr-only">{itemName(t, item)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.majorityList && (
              <tr className="ct-majority-row">
                <th scope="row">{t('cart.console.majorityList', { holders: view.holders, live: view.live })}</th>
                <td>
                  <StateBadge k={0} />
                </td>
                {ITEMS.map((item) => (
                  <td key={item}>{t.number(view.majorityList?.[item] ?? 0)}</td>
                ))}
              </tr>
            )}
            {ids.slice(0, ROWS_SHOWN).map((id) => {
              const r = view.replicas[id];
              if (!r) return null;
              return (
                <tr key={id} className={r.agrees ? '' : 'ct-differs'} data-testid={`cart-row-${id}`}>
                  <th scope="row">
                    {nameOf(id)}
                    {r.down && <span className="ct-down"> {t('cart.console.down')}</span>}
                    {r.pending > 0 && <span className="ct-down"> {t('cart.console.waiting', { pending: r.pending })}</span>}
                  </th>
                  <td>
                    <StateBadge k={r.state} />
                  </td>
                  {ITEMS.map((item) => (
                    <td key={item} className={view.majorityList && r.list[item] !== view.majorityList[item] ? 'ct-cell-differs' : ''}>
                      {t.number(r.list[item])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {ids.length > ROWS_SHOWN && <p className="muted">{t('cart.console.more', { more: ids.length - ROWS_SHOWN })}</p>}
      </section>

      {view.mode === 'lww' && view.lost.groups.length > 0 && (
        <section className="panel" aria-labelledby="ct-lost-title" data-testid="cart-lost">
          <h3 id="ct-lost-title">{t('cart.console.lost', { lost: view.lost.writes })}</h3>
          <ul className="ct-lost">
            {view.lost.groups.slice(0, 12).map((g) => (
              <li key={`${g.node}-${g.item}-${g.by.join(',')}`}>{lostText(t, g, nameOf)}</li>
            ))}
          </ul>
        </section>
      )}

      {view.recent.length > 0 && (
        <section className="panel" aria-labelledby="ct-recent-title">
          <h3 id="ct-recent-title">{t('cart.console.recent')}</h3>
          <ul className="ct-recent">
            {view.recent.map((w) => (
              <li key={w.id} className={`ct-${w.status}`}>
                <span aria-hidden="true">
                  {w.status === 'accepted' ? (w.overwritten ? '↺ ' : '✓ ') : w.status === 'refused' ? '✕ ' : '… '}
                </span>
                {t('cart.console.recentLine', {
                  node: nameOf(w.node),
                  delta: signed(t, w.delta),
                  item: itemName(t, w.item),
                  group: w.group,
                })}{' '}
                <span className="muted">
                  {w.status === 'refused'
                    ? refusedReason(t, w.reason ?? 'conflict')
                    : w.status === 'pending'
                      ? t('cart.status.pending')
                      : w.overwritten
                        ? t('cart.status.overwritten')
                        : t('cart.status.accepted')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Debrief rounds={snapshot.rounds} />
    </div>
  );
}

/** The debrief across this session's cart rounds: what each mode kept, refused and lost. */
export function Debrief({ rounds }: { rounds: readonly RoundSummary[] }) {
  const t = useT();
  const rows = rounds
    .filter((r) => r.game === 'cart' && (r.result as CartResult | null)?.game === 'cart')
    .map((r) => ({ index: r.index, result: r.result as CartResult }));
  return (
    <section className="panel ct-table-wrap" aria-labelledby="ct-debrief-title" data-testid="cart-debrief">
      <h3 id="ct-debrief-title">{t('cart.debrief.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('cart.debrief.empty')}</p>
      ) : (
        <table className="ct-table ct-debrief">
          <thead>
            <tr>
              <th scope="col">{t('cart.debrief.round')}</th>
              <th scope="col">{t('cart.debrief.mode')}</th>
              <th scope="col">{t('cart.debrief.availability')}</th>
              <th scope="col">{t('cart.debrief.refused')}</th>
              <th scope="col">{t('cart.debrief.lost')}</th>
              <th scope="col">{t('cart.debrief.converge')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ index, result: r }) => (
              <tr key={index}>
                <th scope="row">{t.number(index)}</th>
                <td>{modeTitle(t, r.mode)}</td>
                <td>
                  {r.duringSplit.availability === null
                    ? t('cart.debrief.noSplit')
                    : t('cart.debrief.availabilityValue', {
                        pct: percent(t, r.duringSplit.availability),
                        accepted: r.duringSplit.accepted,
                        attempted: r.duringSplit.attempted,
                      })}
                </td>
                <td>{t.number(r.writes.refused)}</td>
                <td>{t.number(r.lost)}</td>
                <td>
                  {!r.converged
                    ? t('cart.debrief.notConverged')
                    : r.convergeMs === null
                      ? t('cart.debrief.noHeal')
                      : msText(t, r.convergeMs)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StateBadge({ k }: { k: number }) {
  const t = useT();
  return (
    <span className="ct-state" style={{ background: STATE_FILLS[k % STATE_FILLS.length] }}>
      <span aria-hidden="true">{stateLetter(k)}</span>
      <span className="sr-only">
        {k === 0 ? t('cart.console.stateMajority') : t('cart.console.stateOther', { letter: stateLetter(k) })}
      </span>
    </span>
  );
}

function Big({ label, value, children, testid }: { label: string; value: string; children?: ReactNode; testid?: string }) {
  return (
    <div className="ct-big" data-testid={testid}>
      <span className="ct-big-label">{label}</span>
      <span className="ct-big-value">{value}</span>
      <span className="ct-big-more">{children}</span>
    </div>
  );
}

// The split-brain cart on a student's phone [C12]: the list as this phone's own replica holds
// it, + and − per item, what the last tap became ("saving… 2 of 5", "saved by 3 of 5",
// "refused: no majority", "saved here"), and how the list changed because of others. The server
// decides everything: taps only ask.

import { useEffect, useRef, useState } from 'react';
import type { ItemId } from '../../../../shared/games/cart/config';
import type { CartItemView, CartNodeView } from '../../../../shared/games/cart/view';
import { useT } from '../../i18n/I18nProvider';
import { wordError } from '../../i18n/words';
import { buzz, type PhoneGameProps } from '../types';
import { ItemIcon } from './icons';
import { changeText, feedbackText, itemName, modeTitle, signed } from './words';
import { NowLine, Term } from '../../phone/Term';
import type { MessageKey, Translator } from '../../i18n/translate';
import './cart.css';

export function CartPhone({ view: v, node, roster, act }: PhoneGameProps<CartNodeView>) {
  const t = useT();
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const autopilot = node.you.autopilot;
  useBuzz(v);

  const tap = async (item: ItemId, delta: 1 | -1) => {
    setError(null);
    setBusy(`${item}${delta}`);
    const err = await act({ type: 'add', item, delta });
    setBusy(null);
    if (err) setError(wordError(t, err, nameOf, 'cart'));
  };

  const last = v.last;
  // Your last change, saved here, then replaced by a later one when the lists met (what your own list learned).
  const overwritten =
    last?.status === 'accepted' &&
    v.changes.some((c) => c.why === 'overwrote' && c.item === last.item && c.at >= last.at && c.lost?.nodes.includes(v.you));
  const status = overwritten ? 'overwritten' : last?.status;
  const mode = modeTitle(t, v.mode);
  return (
    <div className="ct-phone stack" data-testid="cart-phone" data-mode={v.mode}>
      <NowLine>{nowLine(t, v, autopilot)}</NowLine>
      <section className="ct-mode panel" aria-label={t('cart.phone.modeLabel')}>
        <p className="ct-mode-name">
          <Term id={v.mode} word={mode}>
            <span className={`ct-chip ct-chip-${v.mode}`}>{mode}</span>
          </Term>
        </p>
        <p className="muted">
          <Term id="partition" word={t('cart.phone.splitWord')}>
            {t(SPLIT_KEYS[v.mode])}
          </Term>
        </p>
      </section>

      {last && (
        <p className={`ct-feedback ct-${status}`} role="status" data-testid="cart-feedback" data-status={status}>
          <span className="ct-feedback-mark" aria-hidden="true">
            {status === 'pending' ? '…' : status === 'accepted' ? '✓' : status === 'overwritten' ? '↺' : '✕'}
          </span>
          <span>
            <b>{t('cart.phone.last', { delta: signed(t, last.delta), item: itemName(t, last.item) })}</b>{' '}
            {overwritten ? t('cart.write.overwritten') : feedbackText(t, v.mode, last, v.n)}
          </span>
        </p>
      )}
      {autopilot && (
        <p className="notice" role="status">
          {t('cart.phone.autopilot')}
        </p>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}

      <div className="ct-list-head">
        <h2 id="ct-list-title">{t('cart.phone.title')}</h2>
        <p className="muted">
          <Term id="replica" word={t('cart.phone.replicaWord')}>
            {t('cart.phone.replica')}
          </Term>
        </p>
      </div>
      <ul className="ct-list" aria-labelledby="ct-list-title">
        {v.items.map((i) => (
          <ItemRow key={i.item} i={i} busy={busy} locked={autopilot || v.over} tap={tap} />
        ))}
      </ul>

      {v.changes.length > 0 && (
        <section className="panel stack" aria-labelledby="ct-changes-title" data-testid="cart-changes">
          <h2 id="ct-changes-title">{t('cart.phone.changes')}</h2>
          <ul className="ct-changes">
            {v.changes.map((c) => (
              <li key={`${c.at}-${c.item}-${c.why}-${c.to}`} className={`ct-change ct-change-${c.why}`}>
                {changeText(t, c, nameOf, v.you)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">{t('cart.phone.mine', v.mine)}</p>
    </div>
  );
}

const SPLIT_KEYS = {
  quorum: 'cart.phone.split.quorum',
  lww: 'cart.phone.split.lww',
  crdt: 'cart.phone.split.crdt',
} as const satisfies Record<CartNodeView['mode'], MessageKey>;

/** The line the screen opens with: what to do now. */
function nowLine(t: Translator, v: CartNodeView, autopilot: boolean): string {
  if (v.over) return t('cart.phone.over');
  if (autopilot) return t('phone.autopilotNow');
  if (v.mode === 'quorum' && v.items.some((i) => i.pending)) return t('cart.now.wait');
  return v.mode === 'quorum' ? t('cart.now.quorum', { majority: v.majority, n: v.n }) : t('cart.now.local');
}

function ItemRow({
  i,
  busy,
  locked,
  tap,
}: {
  i: CartItemView;
  busy: string | null;
  locked: boolean;
  tap(item: ItemId, delta: 1 | -1): Promise<void>;
}) {
  const t = useT();
  const name = itemName(t, i.item);
  return (
    <li className={`ct-row${i.pending ? ' ct-row-pending' : ''}`} data-testid={`cart-item-${i.item}`}>
      <ItemIcon item={i.item} size={32} />
      <span className="ct-name">
        {name}
        {i.pending && <span className="ct-saving">{t('cart.phone.savingShort')}</span>}
      </span>
      <button
        type="button"
        className="ct-step"
        aria-label={t('cart.phone.remove', { item: name })}
        disabled={locked || !i.canRemove || busy !== null}
        onClick={() => void tap(i.item, -1)}
      >
        −
      </button>
      <output className="ct-qty" aria-label={t('cart.phone.qty', { item: name, qty: i.qty })} data-testid={`cart-qty-${i.item}`}>
        {t.number(i.qty)}
      </output>
      <button
        type="button"
        className="ct-step ct-plus"
        aria-label={t('cart.phone.add', { item: name })}
        disabled={locked || !i.canAdd || busy !== null}
        onClick={() => void tap(i.item, 1)}
      >
        +
      </button>
    </li>
  );
}

/** Vibrate when a tap is refused, and when others' changes overwrite this list. */
function useBuzz(v: CartNodeView): void {
  const refused = useRef(v.mine.refused);
  const lost = useRef(v.changes.filter((c) => c.why === 'overwrote').length);
  const overwrote = v.changes.filter((c) => c.why === 'overwrote').length;
  useEffect(() => {
    if (v.mine.refused > refused.current) buzz([120, 60, 120]);
    refused.current = v.mine.refused;
  }, [v.mine.refused]);
  useEffect(() => {
    if (overwrote > lost.current) buzz(80);
    lost.current = overwrote;
  }, [overwrote]);
}

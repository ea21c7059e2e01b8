// The split-brain cart's envelopes in words, for the replay's message panel: the items and
// quantities carried, every replica (a writer, a counter's share) by nickname.

import { ITEMS, KINDS, type ItemId } from '../../../../shared/games/cart/config';
import type { PNCounter } from '../../../../shared/games/cart/crdt';
import type { LwwList } from '../../../../shared/games/cart/lww';
import type { AbortBody, CommitBody, ProposeBody, QuorumSyncBody, VoteBody } from '../../../../shared/games/cart/quorum';
import type { CrdtWriteBody, LwwWriteBody, SeenBody, SyncBody } from '../../../../shared/games/cart/replicate';
import type { Translator } from '../../i18n/translate';
import type { MessageBodyWords } from '../types';
import { itemName } from './words';

const isItem = (x: unknown): x is ItemId => (ITEMS as readonly unknown[]).includes(x);

function lwwLine(t: Translator, list: LwwList | undefined, name: (id: string) => string): string[] {
  if (!list) return [];
  const items = ITEMS.flatMap((i) => {
    const r = list[i];
    return r ? [t('replay.body.cart.lwwItem', { item: itemName(t, i), qty: r.qty, name: name(r.node), clock: r.lamport })] : [];
  });
  return [t('replay.body.cart.list', { items: items.length ? t.list(items) : t('replay.body.cart.empty') })];
}

function counterLine(t: Translator, item: ItemId, c: PNCounter | undefined, name: (id: string) => string): string {
  const ids = [...new Set([...Object.keys(c?.p ?? {}), ...Object.keys(c?.n ?? {})])];
  const shares = ids.map((id) => t('replay.body.cart.share', { name: name(id), plus: c?.p[id] ?? 0, minus: c?.n[id] ?? 0 }));
  return t('replay.body.cart.counter', { item: itemName(t, item), shares: shares.length ? t.list(shares) : t('replay.body.cart.empty') });
}

function quorumLines(t: Translator, q: QuorumSyncBody | undefined): string[] {
  if (!q) return [];
  return ITEMS.flatMap((i) => {
    const e = q.saved?.[i];
    return e ? [t('replay.body.cart.saved', { item: itemName(t, i), qty: e.qty, version: e.version })] : [];
  });
}

export const messageBody: MessageBodyWords = (kind, body, t, name) => {
  if (body === null || typeof body !== 'object') return null;
  switch (kind) {
    case KINDS.write: {
      const b = body as Partial<LwwWriteBody & CrdtWriteBody>;
      const head = t('replay.body.cart.write', { write: b.write ?? 0, clock: b.clock ?? 0 });
      if (isItem(b.item)) return [head, counterLine(t, b.item, b.counter, name)];
      return [head, ...lwwLine(t, b.lww, name)];
    }
    case KINDS.seen: {
      const b = body as SeenBody;
      return [t('replay.body.cart.seen', { write: b.write, clock: b.clock }), ...lwwLine(t, b.lww, name)];
    }
    case KINDS.sync: {
      const b = body as SyncBody;
      const counters = b.crdt ? ITEMS.filter((i) => b.crdt?.[i]).map((i) => counterLine(t, i, b.crdt?.[i], name)) : [];
      return [t('replay.body.cart.sync', { clock: b.clock }), ...lwwLine(t, b.lww, name), ...counters, ...quorumLines(t, b.quorum)];
    }
    case KINDS.propose: {
      const b = body as ProposeBody;
      if (!isItem(b.item)) return null;
      return [t('replay.body.cart.propose', { write: b.write, item: itemName(t, b.item), qty: b.qty, version: b.version })];
    }
    case KINDS.vote: {
      const b = body as VoteBody;
      if (!isItem(b.item)) return null;
      return [
        t('replay.body.cart.vote', { ok: String(b.ok), write: b.write, item: itemName(t, b.item), version: b.version }),
        t('replay.body.cart.saved', { item: itemName(t, b.item), qty: b.saved?.qty ?? 0, version: b.saved?.version ?? 0 }),
      ];
    }
    case KINDS.commit: {
      const b = body as CommitBody;
      if (!isItem(b.item)) return null;
      return [t('replay.body.cart.commit', { item: itemName(t, b.item), qty: b.saved?.qty ?? 0, version: b.saved?.version ?? 0 })];
    }
    case KINDS.abort: {
      const b = body as AbortBody;
      if (!isItem(b.note?.item)) return null;
      return [t('replay.body.cart.abort', { write: b.note.write, item: itemName(t, b.note.item), version: b.note.version })];
    }
    default:
      return null;
  }
};

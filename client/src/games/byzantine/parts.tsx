// What the projector shows both live and in the round's result: the bound as Lamport, Shostak
// and Pease prove it (OM(m): f ≤ m and N > 2f + m; SM(m): f ≤ m, N ≥ m + 2; beside it the
// classic N ≥ 3f+1), the verdict (IC1, IC2), and the lieutenants' table.

import type { ByzantineResult } from '../../../../shared/games/byzantine/analysis';
import type { Value } from '../../../../shared/games/byzantine/config';
import type { Bound } from '../../../../shared/games/byzantine/bound';
import type { Breakdown } from '../../../../shared/games/byzantine/outcome';
import type { Translator } from '../../i18n/translate';
import { wordParams } from '../../i18n/words';
import { valueWord } from './words';
import type { Tally } from '../../../../shared/games/byzantine/state';
import { useT } from '../../i18n/I18nProvider';
import { Icon, TraitorTag, ValueTag } from './common';
import type { Notice } from '../../../../shared/protocol/notice';
import { NoticeText } from '../../i18n/Words';

/** What the round's figures promise, in a sentence. */
function BoundPromise({ b, preview }: { b: Bound; preview: boolean }) {
  const t = useT();
  const { algorithm, m } = b;
  if (b.guaranteed)
    return (
      <span>
        {preview ? t('byzantine.bound.promise.guaranteed', { algorithm }) : t('byzantine.bound.promise.guaranteedReliable', { algorithm })}
      </span>
    );
  if (b.signed && b.traitorsWithinM) return <span>{t('byzantine.bound.promise.smSize', { algorithm, limit: m + 2 })}</span>;
  if (!b.signed && !b.threeF) return <span>{t('byzantine.bound.promise.threeF')}</span>;
  if (!b.traitorsWithinM) return <span>{t('byzantine.bound.promise.raiseM', { algorithm, m })}</span>;
  return <span>{t('byzantine.bound.promise.omSize', { algorithm, limit: 2 * b.f + m })}</span>;
}

/** The paper's rule with the round's figures, each condition marked, and what it promises. */
export function BoundLine({ b, preview = false }: { b: Bound; preview?: boolean }) {
  const t = useT();
  const { n, f, m } = b;
  const size = b.signed
    ? b.enoughGenerals
      ? t('byzantine.bound.sm.size.ok', { n, limit: m + 2 })
      : t('byzantine.bound.sm.size.fail', { n, limit: m + 2 })
    : b.enoughGenerals
      ? t('byzantine.bound.om.size.ok', { n, limit: 2 * f + m })
      : t('byzantine.bound.om.size.fail', { n, limit: 2 * f + m });
  return (
    <div className={`byz-bound ${b.guaranteed ? 'holds' : 'fails'}`} data-testid="byz-bound" role={preview ? 'status' : undefined}>
      <span className="rule">{t('byzantine.bound.head', { algorithm: b.algorithm, n, f })}</span>
      <span className="mark">{size}</span>
      <span className="mark">
        {b.traitorsWithinM ? t('byzantine.bound.traitors.ok', { f, m }) : t('byzantine.bound.traitors.fail', { f, m })}
      </span>
      {!b.signed && (
        <span className="mark three-f" title={t('byzantine.bound.threeF.why')}>
          {b.threeF ? t('byzantine.bound.threeF.ok', { n, limit: 3 * f + 1 }) : t('byzantine.bound.threeF.fail', { n, limit: 3 * f + 1 })}
        </span>
      )}
      <BoundPromise b={b} preview={preview} />
    </div>
  );
}

export interface VerdictFigures {
  ic1: boolean;
  ic2: boolean | null;
  verdict: Notice;
  commanderLoyal: boolean;
  /** Result only: whether the network delivered everything in time. */
  reliable?: boolean;
  complete?: boolean;
}

/** The verdict, readable from the back: a headline, IC1 and IC2 each with a mark and words. */
export function Verdict({ v }: { v: VerdictFigures }) {
  const t = useT();
  const good = v.ic1 && v.ic2 !== false;
  const headline = good
    ? v.ic2 === null
      ? t('byzantine.verdict.agreed')
      : t('byzantine.verdict.followed')
    : !v.ic1
      ? t('byzantine.verdict.disagreed')
      : t('byzantine.verdict.wrongOrder');
  const mark = (ic: 'IC1' | 'IC2', holds: boolean | null) =>
    holds === null
      ? t('byzantine.verdict.ic.na', { ic })
      : holds
        ? t('byzantine.verdict.ic.holds', { ic })
        : t('byzantine.verdict.ic.fails', { ic });
  return (
    <section className={`byz-verdict ${good ? 'good' : 'bad'}`} data-testid="byz-verdict" aria-label={t('byzantine.verdict.label')}>
      <div className="headline">{headline}</div>
      <div className="byz-ics">
        <div className={`byz-ic ${v.ic1 ? 'ok' : 'fail'}`}>
          <b>{mark('IC1', v.ic1)}</b>
          <span>{t('byzantine.verdict.ic1.text')}</span>
        </div>
        <div className={`byz-ic ${v.ic2 === null ? 'na' : v.ic2 ? 'ok' : 'fail'}`}>
          <b>{mark('IC2', v.ic2)}</b>
          <span>
            {v.ic2 === null
              ? v.commanderLoyal
                ? t('byzantine.verdict.ic2.noOrder')
                : t('byzantine.verdict.ic2.traitor')
              : t('byzantine.verdict.ic2.text')}
          </span>
        </div>
      </div>
      <div className="sentence">
        <NoticeText notice={v.verdict} />
      </div>
      {v.reliable === false && <div className="sentence byz-flag">{t('byzantine.verdict.unreliable')}</div>}
      {v.complete === false && <div className="sentence byz-flag">{t('byzantine.verdict.incomplete')}</div>}
    </section>
  );
}

export interface TableRow {
  node: string;
  traitor: boolean;
  order: Value | 'missing' | null;
  relays: Record<string, Value | 'missing'>;
  tally: Tally;
  majority: Value | null;
  decision: Value | null;
  decidedBy: 'node' | 'timeout' | null;
  againstMajority: boolean;
  crashed: boolean;
  late: number;
  forged: number;
}

function Heard({ v }: { v: Value | 'missing' | null | undefined }) {
  const t = useT();
  if (v === 'missing')
    return (
      <span className="byz-value missing" title={t('byzantine.table.missingWhy')}>
        {t('byzantine.table.missing')}
      </span>
    );
  if (!v) return <span className="muted">…</span>;
  return <ValueTag value={v} />;
}

/** A value's letter in the matrix and the tally ("A", "R"), in the reader's language. */
const letter = (t: Translator, v: Value): string => (v === 'attack' ? t('byzantine.letter.attack') : t('byzantine.letter.retreat'));

/** A relay in the matrix: icon and letter (the legend under the table spells them out). */
function Short({ v }: { v: Value | 'missing' | null | undefined }) {
  const t = useT();
  if (v === 'missing')
    return (
      <span className="byz-short missing" role="img" aria-label={t('byzantine.table.missingShort')}>
        ?
      </span>
    );
  if (!v)
    return (
      <span className="muted" role="img" aria-label={t('byzantine.notYet')}>
        …
      </span>
    );
  return (
    <span className={`byz-short ${v}`} role="img" aria-label={valueWord(t, v)}>
      <Icon name={v} size={16} />
      {letter(t, v)}
    </span>
  );
}

/**
 * One row per lieutenant: its role, the order it got, what each other lieutenant told it
 * (the matrix, for small rounds), its tally and decision. `live`: the round is still
 * sending, so what is missing may yet come.
 */
export function LieutenantTable({
  rows,
  name,
  relayColumns,
  signed,
  live,
}: {
  rows: TableRow[];
  name(id: string): string;
  relayColumns: boolean;
  signed: boolean;
  live: boolean;
}) {
  const t = useT();
  const ids = rows.map((r) => r.node);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways, so it must take the focus for keyboard users to scroll it
    <section className="byz-table-wrap" aria-label={t('byzantine.table.label')} tabIndex={0}>
      <table className="byz-table" data-testid="byz-table">
        <thead>
          {relayColumns && (
            <tr>
              <th colSpan={2} />
              <th colSpan={ids.length} className="group">
                {t('byzantine.table.relays')}
              </th>
              <th colSpan={3} />
            </tr>
          )}
          <tr>
            <th>{t('byzantine.table.lieutenant')}</th>
            <th>{t('byzantine.table.orderGot')}</th>
            {relayColumns &&
              ids.map((id) => (
                <th key={id} className="sub" title={name(id)}>
                  {name(id)}
                </th>
              ))}
            <th>{signed ? t('byzantine.table.validMessages') : t('byzantine.table.tally')}</th>
            <th>{t('byzantine.table.majority')}</th>
            <th>{t('byzantine.table.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.node} className={r.traitor ? 'traitor' : ''}>
              <td>
                <b>{name(r.node)}</b> {r.traitor ? <TraitorTag /> : <span className="byz-loyal-tag">{t('byzantine.table.loyal')}</span>}
              </td>
              <td>
                <Heard v={r.order} />
              </td>
              {relayColumns &&
                ids.map((id) => (
                  <td key={id} className="cell">
                    {id === r.node ? <span className="muted">—</span> : <Short v={r.relays[id]} />}
                  </td>
                ))}
              <td className="tally">
                <b>{t.number(r.tally.attack)}</b> {letter(t, 'attack')} · <b>{t.number(r.tally.retreat)}</b> {letter(t, 'retreat')}
                {r.tally.missing > 0 && (
                  <small>
                    {' '}
                    {live
                      ? t('byzantine.table.toCome', { count: r.tally.missing })
                      : t('byzantine.table.missingCount', { count: r.tally.missing })}
                  </small>
                )}
              </td>
              <td>{r.traitor ? <span className="muted">—</span> : r.majority ? <ValueTag value={r.majority} /> : '…'}</td>
              <td>
                {r.traitor ? (
                  <span className="muted">{t('byzantine.table.noDecision')}</span>
                ) : r.crashed ? (
                  <span className="byz-flag">{t('byzantine.table.crashed')}</span>
                ) : r.decision ? (
                  <>
                    <ValueTag value={r.decision} />
                    {r.decidedBy === 'timeout' && <span className="muted"> {t('byzantine.table.timeout')}</span>}
                    {r.againstMajority && r.majority && (
                      <span className="byz-flag"> {t('byzantine.table.against', { majority: valueWord(t, r.majority) })}</span>
                    )}
                  </>
                ) : (
                  <span className="muted">{t('byzantine.notYet')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="byz-legend">
        {relayColumns ? `${t('byzantine.legend.letters')} ` : ''}
        {signed ? t('byzantine.legend.signed') : t('byzantine.legend.oral')}
      </p>
    </section>
  );
}

/** A result's flag in words, every node by its nickname (its code is the message's key). */
export function flagText(t: Translator, f: Notice, name: (id: string) => string): string {
  return t.dynamic(`notice.${f.code}`, wordParams(t, f.params, name)) ?? f.code;
}

/** Why the verdict is what it is: a person not following the algorithm is not the algorithm failing. */
export function causeText(t: Translator, b: Breakdown, name: (id: string) => string): string | null {
  switch (b.cause) {
    case null:
      return null;
    case 'people':
      return [
        t('byzantine.cause.people'),
        ...b.against.map((a) => t('notice.byzantine.flag.against', { node: name(a.node), decision: a.decision, majority: a.majority })),
      ].join(' ');
    case 'network':
      return t('byzantine.cause.network');
    case 'traitors':
      return t('byzantine.cause.traitors');
  }
}

/** What each traitor told whom, as it happened (a person may lie differently to each). */
export function TraitorLies({ r, name }: { r: ByzantineResult; name(id: string): string }) {
  const t = useT();
  if (r.traitors.length === 0 || r.signed || r.m !== 1) return null;
  type Heard = Value | 'missing';
  const lines = r.traitors.map((id): { id: string; heard: Heard | null; told: (readonly [string, Heard])[] } => {
    if (id === r.commander) return { id, heard: null, told: Object.entries(r.orders) };
    const own = r.lieutenants[id];
    const told = Object.entries(r.lieutenants)
      .filter(([l]) => l !== id)
      .map(([l, row]) => [l, row.relays[id] ?? 'missing'] as const);
    return { id, heard: own ? (own.order ?? 'missing') : 'missing', told };
  });
  return (
    <ul className="byz-notes" aria-label={t('byzantine.lies.label')}>
      {lines.map(({ id, heard, told }) => (
        <li key={id}>
          {heard === null
            ? t('byzantine.lies.commander', { name: name(id) })
            : t('byzantine.lies.lieutenant', {
                name: name(id),
                heard: heard === 'missing' ? t('byzantine.lies.nothing') : valueWord(t, heard),
              })}{' '}
          {told.length === 0
            ? t('byzantine.lies.nobody')
            : told.map(([to, v], i) => (
                <span key={to}>
                  {i > 0 ? ', ' : ''}
                  {name(to)}{' '}
                  {v === 'missing' ? (
                    <span className="byz-value missing">{t('byzantine.lies.nothingInTime')}</span>
                  ) : (
                    <ValueTag value={v} />
                  )}
                </span>
              ))}
        </li>
      ))}
    </ul>
  );
}

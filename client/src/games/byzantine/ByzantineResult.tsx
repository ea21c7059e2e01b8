// The round's analysis on the projector (and in the replay): the verdict, the bound, the
// roles, each lieutenant's row, and what is worth a word in class.

import type { ByzantineResult as Result } from '../../../../shared/games/byzantine/analysis';
import type { ResultProps } from '../types';
import { Icon, TraitorTag, ValueTag } from './common';
import { BoundLine, causeText, flagText, LieutenantTable, TraitorLies, Verdict, type TableRow } from './parts';
import { useT } from '../../i18n/I18nProvider';
import { NoticeText, noticeKey } from '../../i18n/Words';

export function ByzantineResultView({ result: r, names }: ResultProps<Result>) {
  const name = (id: string) => names.get(id) ?? id;
  const rows: TableRow[] = Object.entries(r.lieutenants).map(([node, l]) => ({
    node,
    traitor: l.traitor,
    order: l.order ?? 'missing',
    relays: l.relays,
    tally: l.tally,
    majority: l.majority,
    decision: l.decision,
    decidedBy: l.decidedBy,
    againstMajority: l.againstMajority,
    crashed: l.crashed,
    late: l.late,
    forged: l.forged,
  }));
  const t = useT();
  const cause = causeText(t, r.breakdown, name);
  const alg = `${r.signed ? 'SM' : 'OM'}(${r.m})`;
  const dropped = r.messages.dropped.partition + r.messages.dropped.loss + r.messages.dropped.crashed;
  return (
    <div className="byz-result stack" data-testid="byzantine-result">
      <Verdict
        v={{ ic1: r.ic1, ic2: r.ic2, verdict: r.verdict, commanderLoyal: r.commanderLoyal, reliable: r.reliable, complete: r.complete }}
      />
      <BoundLine b={r.bound} />
      <div className="row" style={{ fontSize: '1.15rem' }}>
        <Icon name="commander" size={24} />
        <span>
          {t('byzantine.console.commander')} <b>{name(r.commander)}</b>
        </span>
        {r.commanderLoyal ? <span className="byz-loyal-tag">{t('byzantine.table.loyal')}</span> : <TraitorTag />}
        {r.order && (
          <span>
            {t('byzantine.result.ordered')} <ValueTag value={r.order} />
          </span>
        )}
        <span className="spacer" />
        <Icon name="traitor" size={22} />
        <span>
          {t('byzantine.result.traitors')} <b>{r.traitors.length ? t.list(r.traitors.map(name)) : t('byzantine.result.noTraitors')}</b>
        </span>
        <span className="muted" translate="no">
          · {alg}
        </span>
      </div>
      <LieutenantTable rows={rows} name={name} relayColumns={rows.length <= 8 && r.m === 1 && !r.signed} signed={r.signed} live={false} />
      {cause && (
        <p className="byz-flag" data-testid="byz-cause">
          {cause}
        </p>
      )}
      <TraitorLies r={r} name={name} />
      {r.flags.length > 0 && (
        <ul className="byz-notes" aria-label={t('byzantine.result.worth')}>
          {r.flags.map((f) => (
            <li key={JSON.stringify(f)} className="byz-flag">
              {flagText(t, f, name)}
            </li>
          ))}
        </ul>
      )}
      <p className="muted" style={{ margin: 0 }}>
        {t('byzantine.result.messages', {
          sent: r.messages.sent,
          delivered: r.messages.delivered,
          duplicated: r.messages.duplicated,
          dropped,
          lost: r.messages.lost,
          late: r.messages.late,
          forged: r.messages.forged,
        })}{' '}
        {t('byzantine.result.phases', {
          phases: t.list(
            r.phases
              .filter((p) => p.phase !== 'done')
              .map((p) =>
                t('byzantine.result.phase', {
                  phase:
                    p.phase === 'orders'
                      ? t('byzantine.console.phase.orders')
                      : p.phase === 'relays'
                        ? r.m > 1
                          ? t('byzantine.console.phase.relaysLevel', { level: p.level })
                          : t('byzantine.console.phase.relays')
                        : t('byzantine.console.phase.decide'),
                  end: p.endedBy === 'all-done' ? 'all' : (p.endedBy ?? 'open'),
                }),
              ),
          ),
        })}
      </p>
      {r.notes.length > 0 && (
        <ul className="byz-notes" aria-label={t('byzantine.console.notes')}>
          {r.notes.map((n) => (
            <li key={noticeKey(n)}>
              <NoticeText notice={n} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

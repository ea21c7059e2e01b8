// The Byzantine round on the projector stage: the phase and its clock, the commander, N and f
// against the bound the paper proves (OM(m): f ≤ m, N > 2f + m), the messages in the air, and at the end whether the loyal lieutenants
// agreed (IC1). Who lies is not on the stage until the instructor reveals it: then the
// traitors, IC2 and each decision.

import type { Value } from '../../../../shared/games/byzantine/config';
import type { ByzantineStageView } from '../../../../shared/games/byzantine/stage';
import { useT } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import type { NodeDecoration, StageGameProps } from '../types';
import { currentStep, formatLeft, phaseDeadline, useNames, useSessionNow } from './common';
import { FILLS } from './look';

/** The phases of a round in order: orders, one relay phase per level, the decision. */
function steps(t: Translator, m: number): { step: number; text: string }[] {
  const out = [{ step: 1, text: t('stage.byz.step.orders') }];
  for (let level = 2; level <= m + 1; level++)
    out.push({ step: level, text: m === 1 ? t('stage.byz.step.relays') : t('stage.byz.step.relaysLevel', { level }) });
  out.push({ step: m + 2, text: t('stage.byz.step.decide') });
  return out;
}

const valueWord = (t: Translator, v: Value) => (v === 'attack' ? t('stage.byz.attack') : t('stage.byz.retreat'));

export function ByzantineStage({ view, snapshot, ended }: StageGameProps<ByzantineStageView>) {
  const t = useT();
  const name = useNames(snapshot.nodes);
  const now = useSessionNow(snapshot.t, snapshot.paused);
  if (view?.game !== 'byzantine') return null;
  const alg = `${view.signed ? 'SM' : 'OM'}(${view.m})`;
  const deadline = ended ? null : phaseDeadline(snapshot.round?.timers ?? {}, view.phaseTimer, view.phaseEndsAt);
  const step = currentStep(view.phase, view.level, view.m);
  const secret = view.secret;
  const m = view.messages;
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-byzantine">
      <ol className="stage-steps" aria-label={t('stage.byz.phases', { alg })}>
        {steps(t, view.m).map((s) => (
          <li key={s.step} aria-current={s.step === step ? 'step' : undefined}>
            {s.step < step ? '✓ ' : ''}
            {s.text}
          </li>
        ))}
      </ol>
      {deadline !== null && view.phase !== 'done' && (
        <div className="stage-big">
          <span>{view.closing ? t('stage.byz.closing') : t('stage.byz.timeLeft')}</span>
          <b>{view.closing ? '…' : formatLeft(deadline - now)}</b>
        </div>
      )}
      <div>{t('stage.byz.commander', { name: name(view.commander) })}</div>
      <div className={view.guaranteed ? 'stage-good' : 'stage-warn'}>
        {t(view.guaranteed ? 'stage.byz.boundHolds' : 'stage.byz.boundFails', {
          n: view.n,
          f: view.f,
          algorithm: view.algorithm,
          rule: view.rule,
        })}
      </div>
      <div>
        {m.travelling > 0
          ? t('stage.byz.messagesInAir', { sent: m.sent, arrived: m.arrived, travelling: m.travelling })
          : t('stage.byz.messages', { sent: m.sent, arrived: m.arrived })}
      </div>
      {view.ic1 !== null && (
        <div className={view.ic1 ? 'stage-good' : 'stage-warn'} data-testid="stage-ic1">
          {view.ic1 ? t('stage.byz.ic1Yes') : t('stage.byz.ic1No')}
        </div>
      )}
      {secret ? (
        <section aria-label={t('stage.byz.revealed')} className="stack" style={{ gap: '0.3em' }} data-testid="stage-revealed">
          <b>
            {secret.traitors.length === 0
              ? t('stage.byz.noTraitors')
              : t(secret.commanderTraitor ? 'stage.byz.traitorsCommander' : 'stage.byz.traitors', {
                  names: t.list(secret.traitors.map(name)),
                })}
          </b>
          {view.ic1 !== null && (
            <div>{secret.ic2 === null ? t('stage.byz.ic2NotApplicable') : secret.ic2 ? t('stage.byz.ic2Yes') : t('stage.byz.ic2No')}</div>
          )}
          <div>
            {Object.entries(secret.decisions)
              .flatMap(([id, v]) => (v ? [t('stage.byz.decision', { name: name(id), value: valueWord(t, v) })] : []))
              .slice(0, 8)
              .join(' · ')}
          </div>
        </section>
      ) : (
        <p className="stage-note">{t('stage.byz.secret')}</p>
      )}
    </div>
  );
}

/** The stage map: the commander and the lieutenants; traitors marked only once revealed. */
export function decorateStage(view: ByzantineStageView, t: Translator): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  if (view?.game !== 'byzantine') return out;
  const traitors = new Set(view.secret?.traitors ?? []);
  for (const g of view.generals) {
    const commander = g === view.commander;
    const traitor = traitors.has(g);
    const words = [traitor ? t('stage.byz.badge.traitor') : '', commander ? t('stage.byz.badge.commander') : ''].filter(Boolean);
    out[g] = {
      short: commander ? 'C' : 'L',
      fill: traitor ? FILLS.traitor : commander ? FILLS.commander : FILLS.lieutenant,
      badge: words.join(' · ') || undefined,
    };
  }
  return out;
}

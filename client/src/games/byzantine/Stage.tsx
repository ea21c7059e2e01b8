// The Byzantine round on the projector stage: the phase and its clock, the commander, N and f
// against N ≥ 3f+1, the messages in the air, and at the end whether the loyal lieutenants
// agreed (IC1). Who lies is not on the stage until the instructor reveals it: then the
// traitors, IC2 and each decision.

import type { ByzantineStageView } from '../../../../shared/games/byzantine/stage';
import type { StageGameProps } from '../types';
import type { NodeDecoration } from '../types';
import { currentStep, formatLeft, phaseDeadline, phaseSteps, useNames, useSessionNow, VALUE_WORD } from './common';
import { FILLS } from './look';

const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? '✓' : '✗');

export function ByzantineStage({ view, snapshot, ended }: StageGameProps<ByzantineStageView>) {
  const name = useNames(snapshot.nodes);
  const now = useSessionNow(snapshot.t, snapshot.paused);
  if (view?.game !== 'byzantine') return null;
  const alg = `${view.signed ? 'SM' : 'OM'}(${view.m})`;
  const deadline = ended ? null : phaseDeadline(snapshot.round?.timers ?? {}, view.phaseTimer, view.phaseEndsAt);
  const step = currentStep(view.phase, view.level, view.m);
  const secret = view.secret;
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-byzantine">
      <ol className="stage-steps" aria-label={`${alg} phases`}>
        {phaseSteps(view.m).map((s) => (
          <li key={s.step} aria-current={s.step === step ? 'step' : undefined}>
            {s.step < step ? '✓ ' : ''}
            {s.text}
          </li>
        ))}
      </ol>
      {deadline !== null && view.phase !== 'done' && (
        <div className="stage-big">
          <span>{view.closing ? 'Time is up: the last messages are arriving' : 'Time left in this phase'}</span>
          <b>{view.closing ? '…' : formatLeft(deadline - now)}</b>
        </div>
      )}
      <div>
        Commander: <b>{name(view.commander)}</b>
      </div>
      <div className={view.omHolds ? 'stage-good' : 'stage-warn'}>
        N = {view.n} generals, f = {view.f} traitor{view.f === 1 ? '' : 's'}: N {view.omHolds ? '≥' : '<'} 3f + 1 = {3 * view.f + 1}{' '}
        {view.omHolds ? '✓' : '✗'}
      </div>
      <div>
        Messages: <b>{view.messages.sent}</b> sent · <b>{view.messages.arrived}</b> arrived
        {view.messages.travelling > 0 ? (
          <>
            {' '}
            · <b>{view.messages.travelling}</b> in the air
          </>
        ) : null}
      </div>
      {view.ic1 !== null && (
        <div className={view.ic1 ? 'stage-good' : 'stage-warn'} data-testid="stage-ic1">
          IC1 {mark(view.ic1)} {view.ic1 ? 'The loyal lieutenants agreed on one plan.' : 'The loyal lieutenants did not agree.'}
        </div>
      )}
      {secret ? (
        <section aria-label="Revealed roles" className="stack" style={{ gap: '0.3em' }} data-testid="stage-revealed">
          <div>
            Traitors: <b>{secret.traitors.length ? secret.traitors.map(name).join(', ') : 'none'}</b>
            {secret.commanderTraitor ? ' (the commander lied)' : ''}
          </div>
          {view.ic1 !== null && (
            <div>
              IC2 {mark(secret.ic2)}{' '}
              {secret.ic2 === null
                ? 'does not apply: the commander was a traitor.'
                : secret.ic2
                  ? 'They followed the loyal commander.'
                  : 'They did not follow the loyal commander.'}
            </div>
          )}
          <div>
            {Object.entries(secret.decisions)
              .filter(([, v]) => v !== null)
              .slice(0, 8)
              .map(([id, v]) => `${name(id)} → ${v ? VALUE_WORD[v] : ''}`)
              .join(' · ')}
          </div>
        </section>
      ) : (
        <p className="stage-note">Who is a traitor stays secret until the instructor reveals it.</p>
      )}
    </div>
  );
}

/** The stage map: the commander and the lieutenants; traitors marked only once revealed. */
export function decorateStage(view: ByzantineStageView): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  if (view?.game !== 'byzantine') return out;
  const traitors = new Set(view.secret?.traitors ?? []);
  for (const g of view.generals) {
    const commander = g === view.commander;
    const traitor = traitors.has(g);
    const words = [traitor ? 'TRAITOR' : '', commander ? 'commander' : ''].filter(Boolean);
    out[g] = {
      short: commander ? 'C' : 'L',
      fill: traitor ? FILLS.traitor : commander ? FILLS.commander : FILLS.lieutenant,
      badge: words.join(' · ') || undefined,
    };
  }
  return out;
}

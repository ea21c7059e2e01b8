// Beside the map: the round at the instant (the game's console panel as it was then), the
// round's analysis as it stood when that round ended, the message figures so far, the
// network changes, and every round of the session to jump to.

import { memo, useSyncExternalStore } from 'react';
import type { RoundSpan } from '../../../shared/replay/recordingIndex';
import { GAME_UIS } from '../games';
import { formatClock } from './geometry';
import type { ReplayPlayer } from './player';
import { nodeNames } from './styles';
import { keyed } from '../keyed';
import { useT } from '../i18n/I18nProvider';
import { FaultLogText } from '../i18n/Words';
import { gameName, wordReason } from '../i18n/words';

export const RoundSide = memo(function RoundSide({ player }: { player: ReplayPlayer }) {
  useSyncExternalStore(player.subscribe, player.getStateVersion);
  const { index, snapshot } = player;
  const span = index.roundAt(player.t);
  const running = snapshot.round;
  const ui = running ? GAME_UIS[running.game] : undefined;
  const figures = running?.net ?? snapshot.net;
  const names = nodeNames(index);
  const nameOf = (id: string) => names.get(id) ?? id;
  const t = useT();
  const title = running ? gameName(t, running.game) : '';
  return (
    <aside className="stack replay-side" aria-label={t('replay.side.label')}>
      <section className="panel stack">
        <h2 style={{ margin: 0 }} data-testid="round-now">
          {running
            ? t('replay.side.round', { index: running.index, game: title })
            : span
              ? t('replay.side.after', { index: span.index })
              : t('replay.side.before')}
        </h2>
        <p className="muted" style={{ margin: 0 }}>
          {running && span
            ? span.endIdx >= 0
              ? t('replay.side.runningEnds', {
                  since: formatClock(span.startT),
                  end: formatClock(span.endT),
                  reason: wordReason(t, span.reason ?? ''),
                })
              : t('replay.side.running', { since: formatClock(span.startT) })
            : span
              ? span.reason
                ? t('replay.side.endedWhy', { index: span.index, end: formatClock(span.endT), reason: wordReason(t, span.reason) })
                : t('replay.side.ended', { index: span.index, end: formatClock(span.endT) })
              : t('replay.side.joined', { nodes: index.nodes.length })}
        </p>
        <div className="row figures">
          <span className="sr-only">{running ? t('replay.side.figuresRound') : t('replay.side.figuresSession')}</span>
          <span className="stat">
            <b>{t.number(figures.sent)}</b>
            {t('replay.side.sent')}
          </span>
          <span className="stat">
            <b>{t.number(figures.delivered)}</b>
            {t('replay.side.delivered')}
          </span>
          <span className="stat">
            <b>{t.number(figures.dropped.partition)}</b>
            {t('replay.side.cut')} ✕
          </span>
          <span className="stat">
            <b>{t.number(figures.dropped.loss)}</b>
            {t('replay.side.lost')} ○
          </span>
          <span className="stat">
            <b>{t.number(figures.dropped.crashed)}</b>
            {t('replay.side.crashed')} ■
          </span>
          <span className="stat">
            <b>{t.number(figures.duplicated)}</b>
            {t('replay.side.copies')}
          </span>
        </div>
      </section>
      {running && ui && (
        <section className="panel" aria-label={t('replay.side.gameNow', { game: title })}>
          <ui.Console view={running.view} snapshot={snapshot} />
        </section>
      )}
      {span && <Analysis span={span} names={names} />}
      <section className="panel stack" aria-labelledby="changes-title">
        <h3 id="changes-title" style={{ margin: 0 }}>
          {t('replay.side.changes')}
        </h3>
        {snapshot.faultLog.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            {t('replay.side.noChanges')}
          </p>
        ) : (
          <ul className="log" data-testid="fault-log">
            {keyed(snapshot.faultLog, (e) => `${e.t}:${e.text}`)
              .reverse()
              .map(({ key, item: e }, i) => (
                <li key={key} className={i === 0 ? 'latest' : undefined}>
                  <button
                    type="button"
                    className="linkish mono"
                    onClick={() => player.seek(e.t)}
                    aria-label={t('replay.side.goTo', { at: formatClock(e.t) })}
                  >
                    {formatClock(e.t)}
                  </button>{' '}
                  <FaultLogText entry={e} nameOf={nameOf} />
                </li>
              ))}
          </ul>
        )}
      </section>
      {index.rounds.length > 0 && (
        <section className="panel stack" aria-labelledby="rounds-title">
          <h3 id="rounds-title" style={{ margin: 0 }}>
            {t('replay.side.rounds')}
          </h3>
          <table className="results">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('replay.side.game')}</th>
                <th>{t('replay.side.from')}</th>
                <th>{t('replay.side.result')}</th>
              </tr>
            </thead>
            <tbody>
              {index.rounds.map((r) => (
                <tr key={r.index} className={span?.index === r.index ? 'current' : undefined}>
                  <td>{r.index}</td>
                  <td>{gameName(t, r.game)}</td>
                  <td>
                    <button type="button" className="linkish mono" onClick={() => player.seek(r.startT)}>
                      {formatClock(r.startT)}
                    </button>
                  </td>
                  <td>
                    {r.endIdx >= 0
                      ? (GAME_UIS[r.game]?.summary?.(r.result, t, nameOf) ??
                        (r.reason ? wordReason(t, r.reason) : t('replay.side.endedShort')))
                      : t('replay.side.notEnded')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </aside>
  );
});

/** The analysis recorded when the round ended (the same component the console shows then). */
function Analysis({ span, names }: { span: RoundSpan; names: Map<string, string> }) {
  const t = useT();
  const ui = GAME_UIS[span.game];
  if (span.endIdx < 0) {
    return (
      <section className="panel">
        <h3 style={{ margin: 0 }}>{t('replay.analysis.heading', { index: span.index })}</h3>
        <p className="muted" style={{ margin: 0 }}>
          {t('replay.analysis.none')}
        </p>
      </section>
    );
  }
  return (
    <section className="panel stack" data-testid="round-analysis">
      <h3 style={{ margin: 0 }}>{t('replay.analysis.atEnd', { index: span.index, end: formatClock(span.endT) })}</h3>
      {ui?.Result ? (
        <ui.Result result={span.result} names={names} />
      ) : (
        <>
          {ui?.summary && (
            <p style={{ margin: 0 }}>
              <b>{ui.summary(span.result, t, (id) => names.get(id) ?? id)}</b>
            </p>
          )}
          <ResultTable result={span.result} />
        </>
      )}
    </section>
  );
}

/** A game without its own analysis screen: its result as a plain table. */
function ResultTable({ result }: { result: unknown }) {
  if (!result || typeof result !== 'object') return <p className="mono">{JSON.stringify(result)}</p>;
  return (
    <table className="results">
      <tbody>
        {Object.entries(result as Record<string, unknown>)
          .filter(([k]) => k !== 'game')
          .map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td className="mono">{typeof v === 'object' ? JSON.stringify(v) : String(v)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

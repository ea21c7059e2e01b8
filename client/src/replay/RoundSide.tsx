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

export const RoundSide = memo(function RoundSide({ player }: { player: ReplayPlayer }) {
  useSyncExternalStore(player.subscribe, player.getStateVersion);
  const { index, snapshot } = player;
  const span = index.roundAt(player.t);
  const running = snapshot.round;
  const ui = running ? GAME_UIS[running.game] : undefined;
  const figures = running?.net ?? snapshot.net;
  const names = nodeNames(index);
  return (
    <aside className="stack replay-side" aria-label="Round at this instant">
      <section className="panel stack">
        <h2 style={{ margin: 0 }} data-testid="round-now">
          {running ? `Round ${running.index}: ${running.title}` : span ? `After round ${span.index}` : 'Before the first round'}
        </h2>
        <p className="muted" style={{ margin: 0 }}>
          {running && span
            ? `Running since ${formatClock(span.startT)}${span.endIdx >= 0 ? `; ends at ${formatClock(span.endT)} (${span.reason})` : ''}.`
            : span
              ? `Round ${span.index} ended at ${formatClock(span.endT)}${span.reason ? ` (${span.reason})` : ''}.`
              : `${index.nodes.length} nodes joined during the session.`}
        </p>
        <div className="row figures">
          <span className="sr-only">{running ? 'Messages this round so far:' : 'Messages in the session so far:'}</span>
          <span className="stat">
            <b>{figures.sent}</b>sent
          </span>
          <span className="stat">
            <b>{figures.delivered}</b>delivered
          </span>
          <span className="stat">
            <b>{figures.dropped.partition}</b>cut ✕
          </span>
          <span className="stat">
            <b>{figures.dropped.loss}</b>lost ○
          </span>
          <span className="stat">
            <b>{figures.dropped.crashed}</b>crashed ■
          </span>
          <span className="stat">
            <b>{figures.duplicated}</b>copies
          </span>
        </div>
      </section>
      {running && ui && (
        <section className="panel" aria-label={`${running.title} at this instant`}>
          <ui.Console view={running.view} snapshot={snapshot} />
        </section>
      )}
      {span && <Analysis span={span} names={names} />}
      <section className="panel stack" aria-labelledby="changes-title">
        <h3 id="changes-title" style={{ margin: 0 }}>
          Network changes so far
        </h3>
        {snapshot.faultLog.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            None yet: every message could get through.
          </p>
        ) : (
          <ul className="log" data-testid="fault-log">
            {keyed(snapshot.faultLog, (e) => `${e.t}:${e.text}`)
              .reverse()
              .map(({ key, item: e }, i) => (
                <li key={key} className={i === 0 ? 'latest' : undefined}>
                  <button type="button" className="linkish mono" onClick={() => player.seek(e.t)} aria-label={`Go to ${formatClock(e.t)}`}>
                    {formatClock(e.t)}
                  </button>{' '}
                  {e.text}
                </li>
              ))}
          </ul>
        )}
      </section>
      {index.rounds.length > 0 && (
        <section className="panel stack" aria-labelledby="rounds-title">
          <h3 id="rounds-title" style={{ margin: 0 }}>
            Rounds
          </h3>
          <table className="results">
            <thead>
              <tr>
                <th>#</th>
                <th>Game</th>
                <th>From</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {index.rounds.map((r) => (
                <tr key={r.index} className={span?.index === r.index ? 'current' : undefined}>
                  <td>{r.index}</td>
                  <td>{r.game}</td>
                  <td>
                    <button type="button" className="linkish mono" onClick={() => player.seek(r.startT)}>
                      {formatClock(r.startT)}
                    </button>
                  </td>
                  <td>
                    {r.endIdx >= 0 ? (GAME_UIS[r.game]?.summary?.(r.result) ?? r.reason ?? 'ended') : 'did not end in this recording'}
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
  const ui = GAME_UIS[span.game];
  if (span.endIdx < 0) {
    return (
      <section className="panel">
        <h3 style={{ margin: 0 }}>Round {span.index} analysis</h3>
        <p className="muted" style={{ margin: 0 }}>
          This round had not ended when the recording stops, so it has no analysis.
        </p>
      </section>
    );
  }
  return (
    <section className="panel stack" data-testid="round-analysis">
      <h3 style={{ margin: 0 }}>
        Round {span.index} analysis, at its end ({formatClock(span.endT)})
      </h3>
      {ui?.Result ? (
        <ui.Result result={span.result} names={names} />
      ) : (
        <>
          {ui?.summary && (
            <p style={{ margin: 0 }}>
              <b>{ui.summary(span.result)}</b>
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

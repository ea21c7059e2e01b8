import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { GAME_UIS } from '../games';
import { formatTime } from './NetworkPanel';

/**
 * This round's message figures, the last round's analysis when it ends, and every round of
 * the session in one table (kept live; the recording holds the same results).
 */
export function Results({ snapshot }: { snapshot: ConsoleSnapshot }) {
  const figures = snapshot.round?.net ?? snapshot.net;
  const last = snapshot.rounds.at(-1);
  const lastUi = last ? GAME_UIS[last.game] : undefined;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  return (
    <section className="panel stack" aria-labelledby="results-title">
      <h2 id="results-title">Messages {snapshot.round ? 'this round' : 'this session'}</h2>
      <div className="row">
        <span className="stat">
          <b>{figures.sent}</b>sent
        </span>
        <span className="stat">
          <b>{figures.delivered}</b>delivered
        </span>
        <span className="stat">
          <b>{figures.dropped.partition}</b>cut by partition
        </span>
        <span className="stat">
          <b>{figures.dropped.loss}</b>lost
        </span>
        <span className="stat">
          <b>{figures.dropped.crashed}</b>to/from crashed
        </span>
        <span className="stat">
          <b>{figures.duplicated}</b>duplicated
        </span>
      </div>
      {!snapshot.round && last && lastUi?.Result && (
        <div className="stack" data-testid="round-result">
          <h3>Round {last.index} result</h3>
          <lastUi.Result result={last.result} names={names} rounds={snapshot.rounds} />
        </div>
      )}
      {snapshot.rounds.length > 0 && (
        <table className="results" data-testid="results-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Game</th>
              <th>Nodes</th>
              <th>Length</th>
              <th>Result</th>
              <th>Ended because</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.rounds.map((r) => (
              <tr key={r.index}>
                <td>{r.index}</td>
                <td>{r.game}</td>
                <td>{r.nodes}</td>
                <td>{formatTime(r.endedAt - r.startedAt)}</td>
                <td>{GAME_UIS[r.game]?.summary?.(r.result) ?? '—'}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

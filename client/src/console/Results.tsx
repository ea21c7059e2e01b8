import type { ConsoleSnapshot } from '../../../shared/session/views';
import { formatTime } from './NetworkPanel';

/** Every round of the session with its network figures (the games add their analysis). */
export function Results({ snapshot }: { snapshot: ConsoleSnapshot }) {
  const net = snapshot.round?.net ?? snapshot.net;
  return (
    <section className="panel stack" aria-labelledby="results-title">
      <h2 id="results-title">Messages {snapshot.round ? 'this round' : 'this session'}</h2>
      <div className="row">
        <span className="stat"><b>{net.sent}</b>sent</span>
        <span className="stat"><b>{net.delivered}</b>delivered</span>
        <span className="stat"><b>{net.dropped.partition}</b>cut by partition</span>
        <span className="stat"><b>{net.dropped.loss}</b>lost</span>
        <span className="stat"><b>{net.dropped.crashed}</b>to/from crashed</span>
        <span className="stat"><b>{net.duplicated}</b>duplicated</span>
      </div>
      {snapshot.rounds.length > 0 && (
        <table className="results">
          <thead>
            <tr><th>#</th><th>Game</th><th>Nodes</th><th>Length</th><th>Ended because</th></tr>
          </thead>
          <tbody>
            {snapshot.rounds.map((r) => (
              <tr key={r.index}>
                <td>{r.index}</td>
                <td>{r.game}</td>
                <td>{r.nodes}</td>
                <td>{formatTime(r.endedAt - r.startedAt)}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

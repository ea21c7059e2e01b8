import type { SandboxConsoleView } from '../../../../shared/games/sandbox/config';
import type { ConsoleGameProps } from '../types';

export function SandboxConsole({ view, snapshot }: ConsoleGameProps<SandboxConsoleView>) {
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const rows = Object.entries(view.perNode).sort((a, b) => b[1].received - a[1].received);
  return (
    <div className="stack">
      <p className="muted">Everyone can message anyone they pick. Cut the network, add loss, and watch what arrives.</p>
      <table className="results">
        <thead>
          <tr>
            <th>Node</th>
            <th>Sent</th>
            <th>Received</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 40).map(([id, c]) => (
            <tr key={id}>
              <td>{names.get(id) ?? id}</td>
              <td>{c.sent}</td>
              <td>{c.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

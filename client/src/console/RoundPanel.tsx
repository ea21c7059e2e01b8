import { useState } from 'react';
import { GAME_UIS } from '../games';
import { GAMES } from '../games/registry';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';

/** Pick a game and its settings, start and stop rounds. */
export function RoundPanel({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const games = [...GAMES.values()].map((g) => g.engine).filter((e) => GAME_UIS[e.id]);
  const [game, setGame] = useState(games[0]?.id ?? 'sandbox');
  const [configs, setConfigs] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<string | null>(null);
  const engine = GAMES.get(game)?.engine;
  const ui = GAME_UIS[game];
  const config = configs[game] ?? engine?.config.parse({});
  const activeNodes = snapshot.nodes.filter((n) => n.status === 'active').length;

  const start = async () => {
    setError(null);
    const err = await session.command('console:round', { action: 'start', game, config });
    if (err) setError(err.message);
  };
  const stop = async () => {
    setError(null);
    const err = await session.command('console:round', { action: 'stop' });
    if (err) setError(err.message);
  };

  return (
    <section className="panel stack" aria-labelledby="round-title">
      <h2 id="round-title">{snapshot.round ? `Round ${snapshot.round.index}: ${snapshot.round.title}` : 'Next round'}</h2>
      <div className="row">
        <div className="field" style={{ minWidth: 220 }}>
          <label htmlFor="game-pick">Game</label>
          <select id="game-pick" value={game} onChange={(e) => setGame(e.target.value)}>
            {games.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
        <p className="muted" style={{ flex: 1, minWidth: 200 }}>
          {ui?.blurb}
        </p>
      </div>
      {ui?.ConfigForm && (
        <ui.ConfigForm
          value={config}
          nodes={activeNodes}
          faults={snapshot.faults}
          roster={snapshot.nodes.filter((n) => n.status === 'active')}
          onChange={(c) => setConfigs({ ...configs, [game]: c })}
        />
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="button" className="good" onClick={() => void start()}>
          {snapshot.round ? '↻ Restart with this game' : '▶ Start round'}
        </button>
        <button type="button" className="danger" disabled={!snapshot.round} onClick={() => void stop()}>
          ■ Stop round
        </button>
      </div>
    </section>
  );
}

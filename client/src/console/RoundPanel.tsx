// Pick a game and its settings, start and stop rounds. The start and stop buttons come first,
// so they are on screen whatever the settings below them; a round the people in the room could
// not play (timers faster than a person) is not started without saying so.

import { useState } from 'react';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { GAME_UIS } from '../games';
import { GAMES } from '../games/registry';
import { tooFastFor } from './paceCheck';
import { startConfigOf } from './startConfig';
import type { ConsoleSession } from './useConsoleSession';
import { useT } from '../i18n/I18nProvider';
import { gameName, wordError } from '../i18n/words';

export function RoundPanel({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const t = useT();
  const games = [...GAMES.values()].map((g) => g.engine).filter((e) => GAME_UIS[e.id]);
  const [game, setGame] = useState(games[0]?.id ?? 'sandbox');
  const [configs, setConfigs] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<string | null>(null);
  const engine = GAMES.get(game)?.engine;
  const ui = GAME_UIS[game];
  const config = configs[game] ?? engine?.config.parse({});
  const active = snapshot.nodes.filter((n) => n.status === 'active');
  const tooFast = tooFastFor(game, config, active);

  const start = async (withConfig: unknown = config) => {
    setError(null);
    const config = startConfigOf(game, t, withConfig);
    const err = await session.command('console:round', { action: 'start', game, config });
    if (err) setError(wordError(t, err));
  };
  const stop = async () => {
    setError(null);
    const err = await session.command('console:round', { action: 'stop' });
    if (err) setError(wordError(t, err));
  };
  const autopilotAndStart = async () => {
    setError(null);
    for (const n of tooFast) {
      const err = await session.command('console:autopilot', { node: n.id, on: true });
      if (err) return setError(wordError(t, err));
    }
    await start();
  };
  const classPaceAndStart = async () => {
    // The class preset's timings: the faster overrides go too.
    const { timeoutMs: _t, heartbeatMs: _h, botDelayMs: _b, ...rest } = config as Record<string, unknown>;
    const slower = { ...rest, pace: 'class' };
    setConfigs({ ...configs, [game]: slower });
    await start(slower);
  };

  return (
    <section className="panel stack" aria-labelledby="round-title">
      <h2 id="round-title">
        {snapshot.round
          ? t('console.round.current', { index: snapshot.round.index, title: gameName(t, snapshot.round.game) })
          : t('console.round.next')}
      </h2>
      <div className="field">
        <label htmlFor="game-pick">{t('console.round.game')}</label>
        <select id="game-pick" value={game} onChange={(e) => setGame(e.target.value)}>
          {games.map((g) => (
            <option key={g.id} value={g.id}>
              {gameName(t, g.id)}
            </option>
          ))}
        </select>
      </div>
      {tooFast.length > 0 ? (
        <div className="notice stack" role="alert" data-testid="pace-warning" style={{ gap: '0.5rem' }}>
          <b>
            {t('console.round.tooFast', {
              count: tooFast.length,
              names: t.list([...tooFast.slice(0, 4).map((n) => n.nickname), ...(tooFast.length > 4 ? ['…'] : [])]),
            })}
          </b>
          <div className="row">
            <button type="button" className="good" onClick={() => void autopilotAndStart()}>
              {t('console.round.autopilot', { count: tooFast.length })}
            </button>
            <button type="button" className="secondary" onClick={() => void classPaceAndStart()}>
              {t('console.round.classPace')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="button" className="good" onClick={() => void start()}>
            {snapshot.round ? t('console.round.restart') : t('console.round.start')}
          </button>
          <button type="button" className="danger" disabled={!snapshot.round} onClick={() => void stop()}>
            {t('console.round.stop')}
          </button>
        </div>
      )}
      {tooFast.length > 0 && snapshot.round && (
        <button type="button" className="danger" onClick={() => void stop()}>
          {t('console.round.stop')}
        </button>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <p className="muted">{ui?.blurb(t)}</p>
      {ui?.ConfigForm && (
        <ui.ConfigForm
          value={config}
          nodes={active.length}
          faults={snapshot.faults}
          roster={active}
          onChange={(c) => setConfigs({ ...configs, [game]: c })}
        />
      )}
    </section>
  );
}

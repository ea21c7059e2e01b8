// The replay viewer: the timeline on top, the network map and the round at the instant, and
// the space-time diagram. Keyboard: Space plays, ←/→ steps a second (Shift: ten), [ and ]
// change speed, N / Shift+N next / previous dropped message, F next network change, R next
// round.

import { ShortcutsDialog } from '../console/ShortcutsDialog';
import { type Dispatch, type SetStateAction, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { shivizLines, SHIVIZ_REGEX } from '../../../shared/replay/shiviz';
import { GAMES } from '../games/registry';
import { saveFile, recordingFileName } from './api';
import { Diagram } from './Diagram';
import type { LoadedRecording } from './load';
import { ReplayPlayer, SPEEDS } from './player';
import { ReplayMap } from './ReplayMap';
import { RoundSide } from './RoundSide';
import { formatDate, formatDuration } from './styles';
import { Timeline } from './Timeline';
import { must } from '../../../shared/must';
import { TEST_HOOKS } from '../testHooks';
import './replay.css';
import { useTitle } from '../useTitle';

export type Source = { kind: 'server'; session: string; access: 'owner' | 'share'; blob: Blob } | { kind: 'file'; name: string };

const SHORTCUTS: [string, string][] = [
  ['Space', 'play / pause'],
  ['← →', 'one second back / forward (Shift: ten)'],
  ['[ ]', 'slower / faster'],
  ['N, Shift+N', 'next / previous dropped message'],
  ['F', 'next network change'],
  ['R', 'next round'],
  ['Home, End', 'start / end'],
];

export function Viewer({ loaded, source, onClose }: { loaded: LoadedRecording; source: Source; onClose(): void }) {
  const player = useMemo(() => new ReplayPlayer(loaded.index, loaded.fold), [loaded]);
  useEffect(() => () => player.dispose(), [player]);
  // Only the notices (how far the fold got, a failure) re-render the page; the panels listen themselves.
  useSyncExternalStore(
    player.subscribe,
    () => `${player.fold.complete}|${Math.floor(player.fold.folded / 5_000)}|${player.fold.failure ? 1 : 0}`,
  );
  const { index } = loaded;
  const header = index.header;
  const summary = useMemo(() => index.summary(), [index]);
  useTitle(`Replay — room ${header.room}`);
  const [projector, setProjector] = useState(() => localStorage.getItem('human-cluster:projector') === '1');
  const [help, setHelp] = useState(false);
  const [diagramOnly, setDiagramOnly] = useState(false);
  const [shiviz, setShiviz] = useState<{ progress: number | null; error?: string; done?: boolean } | null>(null);
  useEffect(() => {
    if (!TEST_HOOKS) return;
    const { startedAt, ...timings } = loaded.timings;
    window.__hcReplay = {
      player,
      stats: player.stats,
      open: { ...timings, ...(startedAt !== undefined ? { openMs: performance.now() - startedAt } : {}) },
    };
  }, [player, loaded]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) {
        if (!(target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'range' && e.key === ' ')) return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const fn = replayKey(e, player, setHelp);
      if (!fn) return;
      if (target?.tagName === 'BUTTON' && e.key === ' ') return;
      e.preventDefault();
      fn();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);

  const exportShiviz = async () => {
    setShiviz({ progress: 0 });
    try {
      const expected = Math.max(
        1,
        index.events.reduce((n, e) => n + (e.type === 'envelope:sent' || e.type === 'envelope:delivered' ? 1 : 0), 0),
      );
      const lines = shivizLines(header, index.events, GAMES);
      const parts: string[] = [];
      let written = 0;
      for (;;) {
        const start = performance.now();
        let chunk = '';
        let done = false;
        while (performance.now() - start < 12) {
          const next = lines.next();
          if (next.done) {
            done = true;
            break;
          }
          chunk += `${next.value}\n`;
          written++;
        }
        parts.push(chunk);
        setShiviz({ progress: written / expected });
        if (done) break;
        await new Promise((r) => setTimeout(r, 0));
      }
      saveFile(new Blob(parts, { type: 'text/plain' }), `human-cluster-${header.room}-shiviz.log`);
      setShiviz({ progress: null, done: true });
    } catch (err) {
      setShiviz({ progress: null, error: (err as Error).message });
    }
  };

  const failure = player.fold.failure;
  return (
    <div className={`replay${projector ? ' projector' : ''}`}>
      <header className="replay-top">
        <a
          className="button secondary small"
          href="/replay"
          onClick={(e) => {
            e.preventDefault();
            onClose();
          }}
        >
          ← Recordings
        </a>
        <div className="stack" style={{ gap: 0 }}>
          <h1 data-testid="replay-title">
            Room {header.room} · {formatDate(header.startedAt)}
          </h1>
          <div className="meta">
            {summary.rounds} round{summary.rounds === 1 ? '' : 's'} ({summary.games.join(', ') || 'no games'}) · {summary.nodes} nodes ·{' '}
            {formatDuration(index.duration)} · {summary.events.toLocaleString()} events
            {source.kind === 'server' && source.access === 'share' && <span className="pill shared">shared link, read-only</span>}
            {source.kind === 'file' && <span className="pill shared">file: {source.name} (on this computer)</span>}
          </div>
        </div>
        <span className="spacer" />
        <div className="row">
          {source.kind === 'server' && (
            <button
              type="button"
              className="secondary"
              onClick={() => saveFile(source.blob, recordingFileName(header.room, header.startedAt))}
            >
              Download
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void exportShiviz()} disabled={shiviz?.progress != null}>
            {shiviz?.progress != null ? `ShiViz… ${Math.round(shiviz.progress * 100)}%` : 'Export for ShiViz'}
          </button>
          <button type="button" className="secondary" aria-pressed={diagramOnly} onClick={() => setDiagramOnly((d) => !d)}>
            {diagramOnly ? 'Map and diagram' : 'Diagram only'}
          </button>
          <button
            type="button"
            className="secondary desk-only"
            aria-pressed={projector}
            onClick={() =>
              setProjector((p) => {
                localStorage.setItem('human-cluster:projector', p ? '0' : '1');
                return !p;
              })
            }
          >
            Projector mode
          </button>
          <button type="button" className="secondary desk-only" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
        </div>
      </header>
      <div className="replay-notices">
        {index.torn && (
          <div className="notice" role="status">
            The last line of this recording was cut off (the server stopped while writing it). Everything before it is shown.
          </div>
        )}
        {failure && (
          <div className="error" role="alert">
            The replay stops at {Math.round(must(index.times[failure.index], "the failed event's time") / 100) / 10} s: {failure.message}
          </div>
        )}
        {!player.fold.complete && summary.events > 20_000 && (
          <div className="muted" role="status">
            Preparing fast jumps… {Math.round((player.fold.folded / Math.max(1, summary.events)) * 100)}%
          </div>
        )}
        {shiviz?.error && (
          <div className="error" role="alert">
            {shiviz.error}
          </div>
        )}
        {shiviz?.done && (
          <div className="notice" role="status">
            Saved. In ShiViz (
            <a href="https://bestchai.bitbucket.io/shiviz/" target="_blank" rel="noreferrer">
              bestchai.bitbucket.io/shiviz
            </a>
            ), choose “Select a file” and pick it: it opens as it is. To paste the log instead, use this log parsing expression:{' '}
            <code className="mono" data-testid="shiviz-regex">
              {SHIVIZ_REGEX}
            </code>{' '}
            <button type="button" className="small secondary" onClick={() => void navigator.clipboard?.writeText(SHIVIZ_REGEX)}>
              Copy
            </button>
          </div>
        )}
      </div>
      <Timeline player={player} />
      {!diagramOnly && (
        <div className="replay-body">
          <ReplayMap player={player} scale={projector ? 1.3 : 1} />
          <RoundSide player={player} />
        </div>
      )}
      <div className={`replay-diagram${diagramOnly ? ' tall' : ''}`}>
        <Diagram player={player} scale={projector ? 1.35 : 1} />
      </div>
      {help && <ShortcutsDialog shortcuts={SHORTCUTS} onClose={() => setHelp(false)} />}
    </div>
  );
}

/** What a key does in the replay (the keys SHORTCUTS lists), or null for other keys. */
function replayKey(e: KeyboardEvent, player: ReplayPlayer, setHelp: Dispatch<SetStateAction<boolean>>): (() => void) | null {
  const step = e.shiftKey ? 10_000 : 1_000;
  const speedAt = SPEEDS.indexOf(player.speed as (typeof SPEEDS)[number]);
  switch (e.key) {
    case ' ':
      return () => player.toggle();
    case 'ArrowLeft':
      return () => player.seek(player.t - step);
    case 'ArrowRight':
      return () => player.seek(player.t + step);
    case '[':
      return () => player.setSpeed(must(SPEEDS[Math.max(0, speedAt - 1)], 'a slower replay speed'));
    case ']':
      return () => player.setSpeed(must(SPEEDS[Math.min(SPEEDS.length - 1, speedAt + 1)], 'a faster replay speed'));
    case 'n':
      return () => player.nextDrop(1);
    case 'N':
      return () => player.nextDrop(-1);
    case 'f':
      return () => player.jumpNext(player.faultTimes());
    case 'r':
      return () => player.jumpNext(player.roundStarts());
    case 'Home':
      return () => player.seek(0);
    case 'End':
      return () => player.seek(player.duration);
    case '?':
      return () => setHelp((h) => !h);
    case 'Escape':
      return () => setHelp(false);
    default:
      return null;
  }
}

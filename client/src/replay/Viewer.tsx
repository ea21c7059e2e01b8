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
import { formatDate, formatDuration } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { LanguagePicker } from '../i18n/LanguagePicker';
import type { Translator } from '../i18n/translate';
import { gameName, wordError } from '../i18n/words';
import { ReplayError } from '../../../shared/replay/recordingIndex';
import { Timeline } from './Timeline';
import { must } from '../../../shared/must';
import { TEST_HOOKS } from '../testHooks';
import './replay.css';
import { useTitle } from '../useTitle';

export type Source = { kind: 'server'; session: string; access: 'owner' | 'share'; blob: Blob } | { kind: 'file'; name: string };

/** The keys (as printed on keyboards: Space, Shift, Home and End are worded) and what they do. */
const shortcuts = (t: Translator): [string, string][] => [
  [t('replay.keys.space'), t('replay.keys.play')],
  ['← →', t('replay.keys.step')],
  ['[ ]', t('replay.keys.speed')],
  [t('replay.keys.nKeys'), t('replay.keys.drop')],
  ['F', t('replay.keys.fault')],
  ['R', t('replay.keys.round')],
  [t('replay.keys.homeEnd'), t('replay.keys.ends')],
];

/** A phone-sized window (the replay's layout changes there: see replay.css). */
const SMALL = '(max-width: 640px)';
function useSmallScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(SMALL);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(SMALL).matches,
  );
}

export function Viewer({ loaded, source, onClose }: { loaded: LoadedRecording; source: Source; onClose(): void }) {
  const player = useMemo(() => {
    const p = new ReplayPlayer(loaded.index, loaded.fold);
    // A session opens at its first round: before it the class was still joining, and the map is empty.
    const first = p.roundStarts()[0];
    if (first !== undefined) p.seek(first);
    return p;
  }, [loaded]);
  const small = useSmallScreen();
  useEffect(() => () => player.dispose(), [player]);
  // Only the notices (how far the fold got, a failure) re-render the page; the panels listen themselves.
  useSyncExternalStore(
    player.subscribe,
    () => `${player.fold.complete}|${Math.floor(player.fold.folded / 5_000)}|${player.fold.failure ? 1 : 0}`,
  );
  const { index } = loaded;
  const header = index.header;
  const summary = useMemo(() => index.summary(), [index]);
  const t = useT();
  useTitle(t('replay.tabRoom', { room: header.room }));
  const [projector, setProjector] = useState(() => localStorage.getItem('human-cluster:projector') === '1');
  const [help, setHelp] = useState(false);
  const [diagramOnly, setDiagramOnly] = useState(false);
  const [shiviz, setShiviz] = useState<{ progress: number | null; error?: ReplayError | Error; done?: boolean } | null>(null);
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
      setShiviz({ progress: null, error: err as Error });
    }
  };

  const failure = player.fold.failure;
  const back = (
    <a
      className="button secondary small"
      href="/replay"
      onClick={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      ← {t('replay.recordings')}
    </a>
  );
  const tools = (
    <div className="row">
      <LanguagePicker />
      {source.kind === 'server' && (
        <button type="button" className="secondary" onClick={() => saveFile(source.blob, recordingFileName(header.room, header.startedAt))}>
          {t('replay.download')}
        </button>
      )}
      <button type="button" className="secondary" onClick={() => void exportShiviz()} disabled={shiviz?.progress != null}>
        {shiviz?.progress != null ? t('replay.shiviz.progress', { done: shiviz.progress }) : t('replay.shiviz.export')}
      </button>
      <button type="button" className="secondary" aria-pressed={diagramOnly} onClick={() => setDiagramOnly((d) => !d)}>
        {diagramOnly ? t('replay.view.both') : t('replay.view.diagram')}
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
        {t('replay.projector')}
      </button>
      <button type="button" className="secondary desk-only" onClick={() => setHelp(true)} aria-label={t('replay.keys.label')}>
        ?
      </button>
    </div>
  );
  return (
    <div className={`replay${projector ? ' projector' : ''}`}>
      <header className="replay-top">
        {!small && back}
        <div className="stack" style={{ gap: 0 }}>
          <h1 data-testid="replay-title">{t('replay.title', { room: header.room, date: formatDate(t, header.startedAt) })}</h1>
          <div className="meta">
            {t('replay.meta', {
              rounds: summary.rounds,
              games: summary.games.length ? t.list(summary.games.map((g) => gameName(t, g))) : t('replay.noGames'),
              nodes: summary.nodes,
              duration: formatDuration(t, index.duration),
              events: summary.events,
            })}
            {source.kind === 'server' && source.access === 'share' && <span className="pill shared">{t('replay.sharedReadOnly')}</span>}
            {source.kind === 'file' && <span className="pill shared">{t('replay.fromFile', { name: source.name })}</span>}
          </div>
        </div>
        {!small && (
          <>
            <span className="spacer" />
            {tools}
          </>
        )}
      </header>
      <div className="replay-notices">
        {index.torn && (
          <div className="notice" role="status">
            {t('replay.torn')}
          </div>
        )}
        {failure && (
          <div className="error" role="alert">
            {t('replay.failure', {
              s: Math.round(must(index.times[failure.index], "the failed event's time") / 100) / 10,
              seq: failure.seq,
              type: failure.type,
            })}{' '}
            <span className="mono" translate="no">
              {failure.message}
            </span>
          </div>
        )}
        {!player.fold.complete && summary.events > 20_000 && (
          <div className="muted" role="status">
            {t('replay.preparing', { done: player.fold.folded / Math.max(1, summary.events) })}
          </div>
        )}
        {shiviz?.error && (
          <div className="error" role="alert">
            {shiviz.error instanceof ReplayError ? wordError(t, shiviz.error) : t('replay.shiviz.failed')}
          </div>
        )}
        {shiviz?.done && (
          <div className="notice" role="status">
            {t('replay.shiviz.saved')}{' '}
            <a href="https://bestchai.bitbucket.io/shiviz/" target="_blank" rel="noreferrer" translate="no">
              bestchai.bitbucket.io/shiviz
            </a>{' '}
            {t('replay.shiviz.howTo')}{' '}
            <code className="mono" data-testid="shiviz-regex" translate="no">
              {SHIVIZ_REGEX}
            </code>{' '}
            <button type="button" className="small secondary" onClick={() => void navigator.clipboard?.writeText(SHIVIZ_REGEX)}>
              {t('recordings.share.copy')}
            </button>
          </div>
        )}
      </div>
      {small ? (
        // A phone: the map first (what happened) with Play under it on the first screen, then the round, the diagram and the tools.
        <>
          {!diagramOnly && <ReplayMap player={player} scale={1} height="34vh" />}
          <Timeline player={player} />
          {!diagramOnly && <RoundSide player={player} />}
        </>
      ) : (
        <>
          <Timeline player={player} />
          {!diagramOnly && (
            <div className="replay-body">
              <ReplayMap player={player} scale={projector ? 1.3 : 1} />
              <RoundSide player={player} />
            </div>
          )}
        </>
      )}
      <div className={`replay-diagram${diagramOnly ? ' tall' : ''}`}>
        <Diagram player={player} scale={projector ? 1.35 : 1} />
      </div>
      {small && (
        <nav className="replay-tools row" aria-label={t('replay.tools')}>
          {back}
          {tools}
        </nav>
      )}
      {help && <ShortcutsDialog shortcuts={shortcuts(t)} onClose={() => setHelp(false)} />}
    </div>
  );
}

/** What a key does in the replay (the keys `shortcuts` lists), or null for other keys. */
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

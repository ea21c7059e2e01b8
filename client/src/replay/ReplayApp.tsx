// The replay's screens, by address: /replay lists the recordings this browser's instructor
// keys open (and opens a file from this computer); /replay/<session> opens one recording,
// with the instructor key this browser keeps or the share token in the link (#share=…).

import { useEffect, useState } from 'react';
import { fetchRecording, instructorKeys, keyForRoom } from './api';
import { loadRecording, nextPaint, type LoadedRecording } from './load';
import { RecordingsPage } from './RecordingsPage';
import { formatBytes } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { wordError } from '../i18n/words';
import type { Translator } from '../i18n/translate';
import type { LoadProblem } from './load';
import { Viewer, type Source } from './Viewer';
import { APP_NAME, useTitle } from '../useTitle';
import './replay.css';
import { LanguagePicker } from '../i18n/LanguagePicker';

function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const sessionOf = (path: string) => /^\/replay\/([A-Za-z0-9_-]{6,64})\/?$/.exec(path)?.[1] ?? null;

export function ReplayApp() {
  const [path, setPath] = useState(window.location.pathname);
  const [local, setLocal] = useState<{ loaded: LoadedRecording; name: string } | null>(null);
  useEffect(() => {
    const onPop = () => {
      setPath(window.location.pathname);
      if (!(window.history.state as { file?: boolean } | null)?.file) setLocal(null);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  if (local) {
    return (
      <Viewer
        loaded={local.loaded}
        source={{ kind: 'file', name: local.name }}
        onClose={() => {
          setLocal(null);
          window.history.back();
        }}
      />
    );
  }
  const session = sessionOf(path);
  if (session) return <RemoteViewer key={session} session={session} onClose={() => navigate('/replay')} />;
  return (
    <RecordingsPage
      onOpen={(s, room) => navigate(`/replay/${s}?room=${encodeURIComponent(room)}`)}
      onOpenFile={(loaded, name) => {
        window.history.pushState({ file: true }, '', '/replay');
        setLocal({ loaded, name });
      }}
    />
  );
}

type Phase =
  | { kind: 'downloading'; received: number; total: number | null }
  | { kind: 'reading'; bytes: number }
  /** Worded when shown, so a change of language words it again. */
  | { kind: 'error'; message(t: Translator): string }
  | { kind: 'ready'; loaded: LoadedRecording; source: Source };

/** A recording on this server, opened with a key this browser keeps or a share link. */
function RemoteViewer({ session, onClose }: { session: string; onClose(): void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'downloading', received: 0, total: null });
  useEffect(() => {
    let live = true;
    void (async () => {
      const share = new URLSearchParams(window.location.hash.slice(1)).get('share');
      const room = new URLSearchParams(window.location.search).get('room')?.toUpperCase();
      const first = room ? keyForRoom(room) : undefined;
      const secrets = share ? [share] : [...new Set([first, ...instructorKeys()].filter((k): k is string => !!k))];
      if (!secrets.length) {
        setPhase({ kind: 'error', message: (t) => t('replay.open.noKey') });
        return;
      }
      const startedAt = performance.now();
      let last = null;
      for (const secret of secrets) {
        last = await fetchRecording(session, secret, (received, total) => live && setPhase({ kind: 'downloading', received, total }));
        if (last.ok || last.error.code !== 'forbidden') break;
      }
      if (!live || !last) return;
      if (!last.ok) {
        const error = last.error;
        const message = (t: Translator) =>
          error.code === 'forbidden' && share
            ? t('replay.open.shareWithdrawn')
            : error.code === 'forbidden'
              ? t('replay.open.noKeyHere')
              : wordError(t, error);
        setPhase({ kind: 'error', message });
        return;
      }
      const { blob, access } = last.data;
      const downloadMs = performance.now() - startedAt;
      setPhase({ kind: 'reading', bytes: blob.size });
      const text = await blob.text();
      await nextPaint();
      if (!live) return;
      const r = loadRecording(text);
      if (!r.ok) return setPhase({ kind: 'error', message: problem(r.error) });
      Object.assign(r.data.timings, { startedAt, downloadMs, bytes: blob.size });
      setPhase({ kind: 'ready', loaded: r.data, source: { kind: 'server', session, access, blob } });
    })();
    return () => {
      live = false;
    };
  }, [session]);

  if (phase.kind === 'ready') return <Viewer loaded={phase.loaded} source={phase.source} onClose={onClose} />;
  return <LoadingScreen phase={phase} onClose={onClose} />;
}

/** A file that does not open, worded in the reader's language. */
const problem = (e: LoadProblem) => (t: Translator) => wordError(t, e);

export function LoadingScreen({ phase, onClose }: { phase: Exclude<Phase, { kind: 'ready' }>; onClose(): void }) {
  const t = useT();
  useTitle(t('replay.tab', { app: APP_NAME }));
  return (
    <main className="landing stack replay-loading">
      <section className="hero">
        <h1>{t('replay.heading')}</h1>
        <LanguagePicker />
      </section>
      {phase.kind === 'error' ? (
        <>
          <div className="error" role="alert" data-testid="replay-error">
            {phase.message(t)}
          </div>
          <button type="button" className="big secondary" onClick={onClose}>
            {t('replay.backToRecordings')}
          </button>
        </>
      ) : (
        <div className="panel stack" role="status" aria-live="polite">
          <b>
            {phase.kind === 'downloading'
              ? phase.total
                ? t('replay.downloadingOf', { received: formatBytes(t, phase.received), total: formatBytes(t, phase.total) })
                : t('replay.downloading', { received: formatBytes(t, phase.received) })
              : t('replay.reading', { size: formatBytes(t, phase.bytes) })}
          </b>
          <progress
            max={phase.kind === 'downloading' && phase.total ? phase.total : 1}
            value={phase.kind === 'downloading' ? (phase.total ? phase.received : undefined) : undefined}
            aria-label={t('replay.progress')}
          />
        </div>
      )}
    </main>
  );
}

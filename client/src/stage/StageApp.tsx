// The projector stage: the view the class reads, in its own window, following the room live.
// While students join: the room code and a large QR code. During a round: the network map and
// the game's panel. When a round ends: its verdict beside the map. It fits the window without
// scrolling and sizes its type from the window (24 px at 1080p). It shows only what the server
// sends a stage: no secret before the instructor reveals it.

import { useEffect, useState } from 'react';
import type { StageSnapshot } from '../../../shared/protocol/views';
import { QrCode } from '../console/QrCode';
import { useT } from '../i18n/I18nProvider';
import { gameName } from '../i18n/words';
import { GAME_UIS } from '../games';
import { APP_NAME, useTitle } from '../useTitle';
import { StageMap } from './StageMap';
import { useStage, type StageSession } from './useStage';
import './stage.css';

/** The stage's type size at 1080p; everything on it is at least this, and scales with the window. */
const BASE_PX = 24;

/** The root font size for this window: 24 px at 1920×1080, in proportion otherwise. */
const measure = () => Math.min((window.innerHeight / 1080) * BASE_PX, (window.innerWidth / 1920) * BASE_PX);

function useStageFontPx(): number {
  const [px, setPx] = useState(measure);
  useEffect(() => {
    const onResize = () => setPx(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return px;
}

export function StageApp() {
  const stage = useStage();
  const px = useStageFontPx();
  const t = useT();
  useTitle(stage.code ? t('stage.pageTitle', { code: stage.code }) : APP_NAME);
  const snapshot = stage.snapshot;
  return (
    <div className="stage" style={{ fontSize: `${px}px` }} data-testid="stage">
      {!snapshot ? (
        <main className="stage-message">
          {stage.error?.code === 'no_key' ? (
            <>
              <h1>{t('stage.noKey.title', { code: stage.code ?? '—' })}</h1>
              <p>{t('stage.noKey.text')}</p>
            </>
          ) : stage.error ? (
            <p role="alert">{stage.error.message}</p>
          ) : (
            <p role="status">{t('stage.connecting', { code: stage.code ?? '—' })}</p>
          )}
        </main>
      ) : (
        <Stage stage={stage} snapshot={snapshot} px={px} />
      )}
    </div>
  );
}

type Phase = 'joining' | 'round' | 'verdict' | 'ended';

function phaseOf(s: StageSnapshot): Phase {
  if (s.room.ended) return 'ended';
  if (s.round) return 'round';
  if (s.verdict) return 'verdict';
  return 'joining';
}

function Stage({ stage, snapshot, px }: { stage: StageSession; snapshot: StageSnapshot; px: number }) {
  const t = useT();
  const phase = phaseOf(snapshot);
  const count = snapshot.nodes.length;
  const shown = snapshot.round ?? snapshot.verdict;
  const ui = shown ? GAME_UIS[shown.game] : undefined;
  const groups = new Set(snapshot.nodes.map((n) => n.group)).size;
  const mapLabel = t('stage.map.label', { count, groups });
  // Canvas labels: 12 px × scale is the smallest, so 24 px at 1080p.
  const scale = px / 12;

  if (phase === 'ended') {
    return (
      <main className="stage-message" data-phase="ended">
        <h1>{t('stage.ended.title')}</h1>
        <p>{t('stage.ended.text')}</p>
      </main>
    );
  }

  return (
    <div className="stage-grid" data-phase={phase}>
      <header className="stage-top">
        {phase !== 'joining' && (
          <div className="stage-code">
            {t('stage.top.join')} <b className="mono">{snapshot.room.code}</b>
          </div>
        )}
        {phase !== 'joining' && <div className="stage-url mono">{stage.joinUrl}</div>}
        <div className="stage-title">
          {shown ? t('stage.top.round', { index: shown.index, title: gameName(t, shown.game) }) : t('stage.top.waiting')}
        </div>
        <span className="spacer" />
        {snapshot.paused && <span className="stage-pill">{t('stage.top.paused')}</span>}
        {snapshot.revealed && <span className="stage-pill">{t('stage.top.revealed')}</span>}
        {!stage.online && <span className="stage-pill">{t('stage.top.reconnecting')}</span>}
        <div className="stage-count" data-testid="stage-count">
          <b>{t.number(count)}</b> {t('stage.top.nodes', { count })}
        </div>
      </header>
      {phase === 'joining' ? (
        <main className="stage-body stage-joining">
          <section className="stage-join" aria-label={t('stage.join.label')}>
            <QrCode text={stage.joinUrl} label={t('stage.join.qr', { code: snapshot.room.code })} />
            <div className="stack stage-join-words">
              <div>{t('stage.join.scan')}</div>
              <div className="stage-url-big mono" data-testid="stage-join-url">
                {stage.joinUrl}
              </div>
              <div>{t('stage.join.code')}</div>
              <div className="stage-code-big mono" data-testid="stage-room-code">
                {snapshot.room.code}
              </div>
              {snapshot.room.locked && <div className="stage-pill">{t('stage.join.locked')}</div>}
            </div>
          </section>
          <StageMap stage={stage} snapshot={snapshot} scale={scale} label={mapLabel} />
        </main>
      ) : (
        <main className="stage-body">
          <StageMap stage={stage} snapshot={snapshot} scale={scale} label={mapLabel} />
          <aside className="stage-side" aria-label={phase === 'verdict' ? t('stage.side.verdict') : t('stage.side.round')}>
            {phase === 'verdict' && snapshot.verdict && (
              <h2 className="stage-verdict-title">{t('stage.verdict.title', { index: snapshot.verdict.index })}</h2>
            )}
            {ui?.Stage && shown?.view ? (
              <ui.Stage view={shown.view} snapshot={snapshot} ended={phase === 'verdict'} />
            ) : (
              <p>{t('stage.side.watch')}</p>
            )}
          </aside>
        </main>
      )}
    </div>
  );
}

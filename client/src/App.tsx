// The screens on one page, chosen by the address: the landing page, the phone (/join), the
// instructor console (/console), the projector stage (/stage) and the replay of recordings (/replay). A router library
// would be more than this needs.
//
// Phones are most of the audience and often on a crowded Wi-Fi: the phone's screens come with
// the page, and the console and the replay (with QR drawing, config forms, the diagram) load
// only on their own addresses.

import { lazy, Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { PhoneApp } from './phone/PhoneApp';
import { I18nProvider, useT } from './i18n/I18nProvider';
import { useLocale, type Screen } from './i18n/language';
import { ALL_PARTS, type Part } from './i18n/parts';

const PHONE_PARTS: readonly Part[] = ['phone'];

const ConsoleApp = lazy(() => import('./console/ConsoleApp').then((m) => ({ default: m.ConsoleApp })));
const StageApp = lazy(() => import('./stage/StageApp').then((m) => ({ default: m.StageApp })));
// The landing page too: a phone that scanned the QR code never sees it.
const Landing = lazy(() => import('./Landing').then((m) => ({ default: m.Landing })));
const ReplayApp = lazy(() => import('./replay/ReplayApp').then((m) => ({ default: m.ReplayApp })));

function Loading() {
  const t = useT();
  return (
    <main className="landing">
      <p className="lobby-big" role="status">
        {t('common.loading')}
      </p>
    </main>
  );
}

/** Which screen an address shows (its language is chosen by i18n/language.ts). */
export function screenOf(path: string): Screen {
  const under = (p: string) => path === p || path.startsWith(`${p}/`);
  if (under('/console') || under('/remote')) return 'console';
  if (under('/stage')) return 'stage';
  if (under('/join')) return 'phone';
  if (under('/replay')) return 'replay';
  return 'landing';
}

export function App() {
  const path = window.location.pathname;
  const kind = screenOf(path);
  const locale = useLocale(kind);
  let screen: ReactNode;
  if (kind === 'console') {
    screen = (
      <Suspense fallback={<Loading />}>
        <ConsoleApp />
      </Suspense>
    );
  } else if (kind === 'stage') {
    screen = (
      <Suspense fallback={<Loading />}>
        <StageApp />
      </Suspense>
    );
  } else if (kind === 'phone') screen = <PhoneApp initialCode={decodeURIComponent(path.slice(6))} />;
  else if (kind === 'replay') {
    screen = (
      <Suspense fallback={<Loading />}>
        <ReplayApp />
      </Suspense>
    );
  } else {
    screen = (
      <Suspense fallback={<Loading />}>
        <Landing />
      </Suspense>
    );
  }
  return (
    // Two boundaries: the inner one words a broken screen in its language; the outer one catches
    // a catalogue that could not be downloaded.
    <ErrorBoundary>
      {/* The join page waits for the phone's words only; the rest comes in the lobby. */}
      <I18nProvider locale={locale} parts={kind === 'phone' ? PHONE_PARTS : ALL_PARTS}>
        <ErrorBoundary>{screen}</ErrorBoundary>
      </I18nProvider>
    </ErrorBoundary>
  );
}

// The screens on one page, chosen by the address: the landing page, the phone (/join), the
// instructor console (/console) and the replay of recordings (/replay). A router library
// would be more than this needs.
//
// Phones are most of the audience and often on a crowded Wi-Fi: the phone's screens come with
// the page, and the console and the replay (with QR drawing, config forms, the diagram) load
// only on their own addresses.

import { lazy, Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { Landing } from './Landing';
import { PhoneApp } from './phone/PhoneApp';

const ConsoleApp = lazy(() => import('./console/ConsoleApp').then((m) => ({ default: m.ConsoleApp })));
const ReplayApp = lazy(() => import('./replay/ReplayApp').then((m) => ({ default: m.ReplayApp })));

function Loading({ what }: { what: string }) {
  return (
    <main className="landing">
      <p className="lobby-big" role="status">
        Loading the {what}…
      </p>
    </main>
  );
}

export function App() {
  const path = window.location.pathname;
  let screen: ReactNode;
  if (path === '/console' || path.startsWith('/console/')) {
    screen = (
      <Suspense fallback={<Loading what="console" />}>
        <ConsoleApp />
      </Suspense>
    );
  } else if (path === '/join' || path.startsWith('/join/')) screen = <PhoneApp initialCode={decodeURIComponent(path.slice(6))} />;
  else if (path === '/replay' || path.startsWith('/replay/')) {
    screen = (
      <Suspense fallback={<Loading what="replay" />}>
        <ReplayApp />
      </Suspense>
    );
  } else screen = <Landing />;
  return <ErrorBoundary>{screen}</ErrorBoundary>;
}

// The screens on one page, chosen by the address: the landing page, the phone (/join), the
// instructor console (/console) and the replay of recordings (/replay). A router library
// would be more than this needs.

import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { Landing } from './Landing';
import { ConsoleApp } from './console/ConsoleApp';
import { PhoneApp } from './phone/PhoneApp';
import { ReplayApp } from './replay/ReplayApp';

export function App() {
  return <ErrorBoundary>{screenFor(window.location.pathname)}</ErrorBoundary>;
}

function screenFor(path: string): ReactNode {
  if (path === '/console' || path.startsWith('/console/')) return <ConsoleApp />;
  if (path === '/join' || path.startsWith('/join/')) return <PhoneApp initialCode={decodeURIComponent(path.slice(6))} />;
  if (path === '/replay' || path.startsWith('/replay/')) return <ReplayApp />;
  return <Landing />;
}

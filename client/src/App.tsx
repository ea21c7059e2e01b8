// The screens on one page, chosen by the address: the landing page, the phone (/join), the
// instructor console (/console) and the replay of recordings (/replay). A router library
// would be more than this needs.

import { ErrorBoundary } from './ErrorBoundary';
import { Landing } from './Landing';
import { ConsoleApp } from './console/ConsoleApp';
import { PhoneApp } from './phone/PhoneApp';
import { ReplayApp } from './replay/ReplayApp';

export function App() {
  const path = window.location.pathname;
  let screen;
  if (path === '/console' || path.startsWith('/console/')) screen = <ConsoleApp />;
  else if (path === '/join' || path.startsWith('/join/')) screen = <PhoneApp initialCode={decodeURIComponent(path.slice(6))} />;
  else if (path === '/replay' || path.startsWith('/replay/')) screen = <ReplayApp />;
  else screen = <Landing />;
  return <ErrorBoundary>{screen}</ErrorBoundary>;
}

import './noEval';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App, screenOf } from './App';
import { must } from '../../shared/must';
import { loadTranslator } from './i18n/load';
import { resolveLocale } from './i18n/language';
import { restoreFocus, takePrerendered } from './phone/prerendered';
import './styles.css';

const root = createRoot(must(document.getElementById('root'), 'the #root element of index.html'));

/** The first render replaces the join form the server sent (if any) in one step, keeping what was typed. */
function show(phone: boolean) {
  if (phone) takePrerendered();
  flushSync(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  restoreFocus();
}

// The phone's words first (the page preloads them), so the server's form is never replaced by
// a blank moment; a failure is shown by the app itself.
if (screenOf(window.location.pathname) === 'phone') {
  const phone = () => show(true);
  loadTranslator(resolveLocale('phone'), ['phone']).then(phone, phone);
} else show(false);

import { Component, type ReactNode } from 'react';
import { TranslatorContext } from './i18n/I18nProvider';
import type { Translator } from './i18n/translate';

/** A screen loaded on demand (the console, the replay) whose file did not arrive, as each browser words it. */
const isLoadFailure = (error: Error) =>
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(error.message);

/**
 * The words of a broken screen. Inside the translation provider they come from the catalogue;
 * the outer boundary is reached only when no catalogue could be downloaded at all (the network
 * went away before the first one arrived), so nothing can be worded and English is the last resort.
 */
function words(t: Translator | null) {
  return {
    notLoaded: t ? t('common.crash.notLoaded') : 'This screen could not be loaded: the network dropped, or the server was updated.',
    wrong: t ? t('common.crash.wrong') : 'Something went wrong on this screen.',
    reload: t ? t('common.crash.reload') : 'Reload — you keep your place',
  };
}

/** A bug in a screen shows a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  static override contextType = TranslatorContext;
  declare context: Translator | null;
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const w = words(this.context);
    return (
      <main className="landing">
        <div className="error" role="alert">
          {isLoadFailure(this.state.error) ? (
            <p>{w.notLoaded}</p>
          ) : (
            <>
              <p>{w.wrong}</p>
              <p className="mono" translate="no">
                {this.state.error.message}
              </p>
            </>
          )}
        </div>
        <p>
          <button type="button" className="big" onClick={() => window.location.reload()}>
            {w.reload}
          </button>
        </p>
      </main>
    );
  }
}

import { Component, type ReactNode } from 'react';

/** A screen loaded on demand (the console, the replay) whose file did not arrive, as each browser words it. */
const isLoadFailure = (error: Error) =>
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(error.message);

/** A bug in a screen shows a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="landing">
        <div className="error" role="alert">
          {isLoadFailure(this.state.error) ? (
            <p>This screen could not be loaded: the network dropped, or the server was updated.</p>
          ) : (
            <>
              <p>Something went wrong on this screen.</p>
              <p className="mono">{this.state.error.message}</p>
            </>
          )}
        </div>
        <p>
          <button type="button" className="big" onClick={() => window.location.reload()}>
            Reload — you keep your place
          </button>
        </p>
      </main>
    );
  }
}

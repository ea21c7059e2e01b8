import { Component, type ReactNode } from 'react';

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
          <p>Something went wrong on this screen.</p>
          <p className="mono">{this.state.error.message}</p>
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

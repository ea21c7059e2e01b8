import { useEffect, useRef } from 'react';

/** The keyboard shortcuts: closes on a click anywhere, on Escape, or with its button (focused when it opens). */
export function ShortcutsDialog({ shortcuts, onClose }: { shortcuts: readonly [string, string][]; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="overlay"
      role="dialog"
      aria-label="Keyboard shortcuts"
      onClick={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="panel">
        <h2>Keyboard shortcuts</h2>
        <table className="results">
          <tbody>
            {shortcuts.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

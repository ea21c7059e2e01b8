/** The list of keyboard shortcuts over the page (console and replay); a click closes it. */
export function ShortcutsDialog({ shortcuts, onClose }: { shortcuts: readonly [string, string][]; onClose(): void }) {
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={onClose}>
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
      </div>
    </div>
  );
}

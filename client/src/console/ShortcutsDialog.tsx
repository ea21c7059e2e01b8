// The keyboard shortcuts, in a real modal: a native <dialog> opened with showModal(), so the
// page behind is inert, Tab goes round inside it, Esc closes it, and focus goes back to where it was.

import { useEffect, useRef } from 'react';

export function ShortcutsDialog({ shortcuts, onClose }: { shortcuts: readonly [string, string][]; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    closeRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      before?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="modal panel"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        // Esc: React closes it by unmounting, so focus returns in one place.
        e.preventDefault();
        onCloseRef.current();
      }}
      onKeyDown={(e) => {
        // Tab goes round the dialog's own controls, never out of it.
        if (e.key !== 'Tab') return;
        const inside = [...(dialogRef.current?.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]') ?? [])];
        const first = inside[0];
        const last = inside.at(-1);
        if (!first || !last) return;
        if (e.shiftKey ? document.activeElement === first : document.activeElement === last) {
          e.preventDefault();
          (e.shiftKey ? last : first).focus();
        }
      }}
      onClick={(e) => {
        // A click on the backdrop (outside the box) closes it.
        if (e.target === dialogRef.current) onCloseRef.current();
      }}
    >
      <div className="row">
        <h2 id="shortcuts-title" style={{ margin: 0 }}>
          Keyboard shortcuts
        </h2>
        <span className="spacer" />
        <button ref={closeRef} type="button" className="secondary" onClick={() => onCloseRef.current()}>
          Close
        </button>
      </div>
      <p className="muted">They work while no button, link or field has the focus.</p>
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
    </dialog>
  );
}

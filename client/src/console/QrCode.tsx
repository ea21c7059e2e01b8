import QRCode from 'qrcode';
import { useMemo } from 'react';
import { TEST_HOOKS } from '../testHooks';

const MARGIN = 1;

/** The dark modules as one path: a horizontal stroke per run of dark modules in a row. */
function qrPath(text: string): { size: number; d: string } | null {
  let modules: QRCode.BitMatrix;
  try {
    modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    // Too long for a QR code: the address is still shown beside it.
    return null;
  }
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let run = 0;
    for (let col = 0; col <= modules.size; col++) {
      if (col < modules.size && modules.get(row, col)) run++;
      else if (run > 0) {
        parts.push(`M${col - run + MARGIN} ${row + MARGIN + 0.5}h${run}`);
        run = 0;
      }
    }
  }
  return { size: modules.size + 2 * MARGIN, d: parts.join('') };
}

/** The join address as a QR code, drawn locally (no service on the internet). */
export function QrCode({ text, label, size }: { text: string; label: string; size?: string }) {
  const qr = useMemo(() => qrPath(text), [text]);
  return (
    <div
      className="qr"
      role="img"
      aria-label={label}
      // Test builds only: what the code says, for a test that cannot scan it.
      data-text={TEST_HOOKS ? text : undefined}
      style={size ? { width: size, height: size, flex: 'none', background: '#fff' } : undefined}
    >
      {qr && (
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          shapeRendering="crispEdges"
          aria-hidden="true"
          style={size ? { width: '100%', height: '100%', display: 'block' } : undefined}
        >
          <path fill="#ffffff" d={`M0 0h${qr.size}v${qr.size}H0z`} />
          <path stroke="#000000" d={qr.d} />
        </svg>
      )}
    </div>
  );
}

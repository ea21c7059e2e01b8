// The cart's lines after a round on a phone: what became of your taps and your list as it
// ended; then the class's changes and what became of them (from the server's class recap).

import type { CartNodeView } from '../../../../shared/games/cart/view';
import { useT } from '../../i18n/I18nProvider';
import type { PhoneGameProps } from '../types';
import { asCartClassRecap, cartClassRecapText } from './words';

export function CartRecap({ view, node }: PhoneGameProps<CartNodeView>) {
  const t = useT();
  const items = view.items.reduce((sum, i) => sum + i.qty, 0);
  const cls = asCartClassRecap(node.lastRound?.classRecap);
  return (
    <p className="recap" data-testid="recap">
      {t('phone.cart.recap', { attempted: view.mine.attempted, accepted: view.mine.accepted, refused: view.mine.refused, items })}
      {cls && (
        <>
          {' '}
          <span data-testid="recap-class">{cartClassRecapText(t, cls)}</span>
        </>
      )}
    </p>
  );
}

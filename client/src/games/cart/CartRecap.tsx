// The cart's line after a round on a phone: what became of your taps, and your list as it ended.

import type { CartNodeView } from '../../../../shared/games/cart/view';
import { useT } from '../../i18n/I18nProvider';
import type { PhoneGameProps } from '../types';

export function CartRecap({ view }: PhoneGameProps<CartNodeView>) {
  const t = useT();
  const items = view.items.reduce((sum, i) => sum + i.qty, 0);
  return (
    <p className="recap" data-testid="recap">
      {t('phone.cart.recap', { attempted: view.mine.attempted, accepted: view.mine.accepted, refused: view.mine.refused, items })}
    </p>
  );
}

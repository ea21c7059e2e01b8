// Attack and Retreat in the reader's language (for the phone, the console and the result).

import type { Value } from '../../../../shared/games/byzantine/config';
import type { Translator } from '../../i18n/translate';

export const valueWord = (t: Translator, v: Value): string => (v === 'attack' ? t('byzantine.value.attack') : t('byzantine.value.retreat'));

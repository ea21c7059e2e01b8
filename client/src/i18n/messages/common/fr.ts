import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'common.language': 'Langue',
  'common.language.auto': 'Automatique',
  'common.language.en': 'English',
  'common.language.es': 'Español',
  'common.language.fr': 'Français',
  'common.language.roomControl': 'Langue de la salle',
  'common.language.eachBrowser': 'Celle de chaque écran',
  'common.loading': 'Chargement…',
} as const satisfies Translation<typeof en>;

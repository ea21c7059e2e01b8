import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'common.language': 'Idioma',
  'common.language.auto': 'Automático',
  'common.language.en': 'English',
  'common.language.es': 'Español',
  'common.language.fr': 'Français',
  'common.language.roomControl': 'Idioma de la sala',
  'common.language.eachBrowser': 'El de cada pantalla',
  'common.loading': 'Cargando…',
} as const satisfies Translation<typeof en>;

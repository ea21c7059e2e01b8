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
  'game.sandbox.name': 'Zona de pruebas: envía un mensaje',
  'game.gossip.name': 'Chisme: difunde el rumor',
  'game.election.name': 'Elección de líder con cartas (Raft)',
  'game.byzantine.name': 'Generales bizantinos: rondas con mentiras',
} as const satisfies Translation<typeof en>;

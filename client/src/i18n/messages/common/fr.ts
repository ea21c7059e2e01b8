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
  'game.sandbox.name': 'Bac à sable : envoyez un message',
  'game.gossip.name': 'Commérage : faites circuler la rumeur',
  'game.election.name': 'Élection de leader avec des cartes (Raft)',
  'game.byzantine.name': 'Généraux byzantins : des manches où l’on ment',
} as const satisfies Translation<typeof en>;

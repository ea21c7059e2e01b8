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
  'game.cart.name': 'Panier à cerveau divisé',
  'game.byzantine.name': 'Généraux byzantins : des manches où l’on ment',
  // A long list of nodes ends "and 12 others"; the fault log’s lines
  'common.others': '{count, plural, one {# autre} other {# autres}}',
  'common.faultLog.drill': '{drill} : {what}',
  'common.faultLog.step': 'Étape {index, number}/{of, number} de l’exercice : {what}',
  'common.faultLog.stepFailed': 'Étape {index, number}/{of, number} de l’exercice : {what} — impossible : {why}',
  // The one-click drills (a `drill` parameter is worded with these)
  'drill.halves.name': 'Couper en deux moitiés',
  'drill.isolate-leader.name': 'Isoler le leader',
  'drill.isolate-random.name': 'Isoler un nœud au hasard',
  'drill.bridge.name': 'Pont (deux moitiés, un nœud voit les deux)',
  'drill.ring.name': 'Anneau de majorités',
  'drill.kill-minority.name': 'Mettre une minorité en panne',
  'drill.heal.name': 'Réparer les partitions',
  'drill.heal-all.name': 'Tout réparer (partitions, pannes, pertes)',
  // The drill scripts that ship with the product (an instructor’s own keep their own words)
  'script.split-brain.name': 'Split-brain : isoler le leader',
  'script.split-brain.description':
    'On élit un leader, on le coupe de la majorité, la majorité en élit un nouveau, puis on répare le réseau.',
  'script.three-against-two.name': 'Trois contre deux',
  'script.three-against-two.description': 'La partition classique : seul le côté majoritaire peut élire un leader et valider des entrées.',
  'script.rumour-across-a-cut.name': 'Une rumeur à travers une coupure',
  'script.rumour-across-a-cut.description':
    'Commérage avec la classe coupée en deux ; on répare à mi-chemin et la rumeur franchit la brèche.',
  'script.bad-wifi.name': 'Wi-Fi capricieux',
  'script.bad-wifi.description': 'Bac à sable avec des pertes et une latence croissantes, puis tout est réparé.',
  'script.crash-a-minority.name': 'Mettre une minorité en panne',
  'script.crash-a-minority.description':
    'On met le leader en panne, puis une minorité ; le cluster continue tant qu’une majorité est en vie.',
  // Why a round, a drill or a session ended (`reason.<code>`; older recordings keep their English reason)
  'reason.instructor': 'à la demande de l’enseignant',
  'reason.session_ended': 'la session s’est terminée',
  'reason.drill': 'arrêtée par l’exercice',
  'reason.replaced': 'remplacée par une nouvelle manche',
  'reason.sim_goal': 'la simulation a atteint son but',
  'reason.sim_time': 'la simulation a atteint sa limite de temps',
  'reason.idle': 'inactive trop longtemps',
  'reason.finished': 'terminé',
  'reason.gossip.everyone': 'tout le monde connaît la rumeur',
  'reason.gossip.stalled': 'la rumeur ne peut plus se propager',
  'reason.gossip.max-rounds': 'le dernier tour de commérage a été joué',
  'reason.byzantine.decided': 'les généraux ont décidé',
  // Durations and sizes (units as each language writes them)
  'common.duration.ms': '{ms, number} ms',
  'common.duration.s': '{s, number} s',
  'common.duration.min': '{m, number} min {s} s',
  'common.duration.h': '{h, number} h {m} min',
  'common.bytes.b': '{n, number} o',
  'common.bytes.kb': '{n, number} Ko',
  'common.bytes.mb': '{n, number} Mo',
  'common.none': 'aucun',
  'common.dash': '—',
} as const satisfies Translation<typeof en>;

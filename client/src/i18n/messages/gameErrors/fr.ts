import type { Translation } from '../../catalogueTypes';
import type en from './en';

// Actions a game refused, worded on the client: "error.<game>." + code (words.ts). Fetched with
// the games' phone screens (the rest part), before any round can refuse one.
export default {
  'error.not_playing': 'Vous êtes arrivé après le début de cette manche : attendez la suivante.',
  'error.election.no_request': 'Aucune demande de vote de {node} n’attend de réponse.',
  'error.election.already_leader': 'Vous êtes déjà le leader du mandat {term, number}.',
  'error.election.timer_running': 'Votre minuteur d’élection tourne encore : vous ne pouvez vous présenter qu’une fois qu’il a expiré.',
  'error.election.stale_request':
    '{node} a demandé votre vote au mandat {asked, number}, mais vous êtes maintenant au mandat {term, number} : cette demande est périmée.',
  'error.election.already_voted':
    '{self, select, yes {Vous avez voté pour vous-même au mandat {term, number} en vous présentant : une voix par mandat.} other {Vous avez déjà voté pour {node} au mandat {term, number} : une voix par mandat.}}',
  'error.election.log_behind':
    'Le journal de {node} est en retard sur le vôtre (il s’arrête à l’entrée {theirIndex, number} du mandat {theirTerm, number} ; le vôtre à l’entrée {myIndex, number} du mandat {myTerm, number}) : Raft n’élit qu’un candidat dont le journal est au moins aussi à jour que le vôtre.',
  'error.election.not_leader':
    'Seul le leader peut proposer le restaurant ; vous êtes {role, select, candidate {candidat} other {suiveur}} au mandat {term, number}.',
  'error.election.proposal_pending': 'Votre proposition « {value} » n’est pas encore validée : attendez qu’une majorité l’enregistre.',
  'error.election.log_full': 'Le journal est plein ({max, number} entrées) : plus de propositions dans cette manche.',
  'error.gossip.game_over': 'Le jeu de la rumeur est terminé : attendez la manche suivante.',
  'error.gossip.nothing_to_do':
    'Vous connaissez la rumeur. En commérage pull, vous attendez qu’on vous interroge : le serveur répond pour vous.',
  'error.gossip.too_soon':
    'Vous avez appris la rumeur au tour {learned, number} : vous pourrez la transmettre à partir du tour {next, number}.',
  'error.gossip.not_known':
    '{mode, select, push {Vous ne connaissez pas encore la rumeur : attendez qu’on vous la raconte.} other {Vous ne connaissez pas encore la rumeur, vous n’avez donc rien à raconter : interrogez plutôt quelqu’un.}}',
  'error.gossip.wrong_mode':
    '{mode, select, pull {Ce commérage est en pull : personne ne raconte sans qu’on le lui demande ; les nœuds qui ne savent pas interrogent.} other {Dans ce commérage, personne n’interroge : les nœuds racontent.}}',
  'error.gossip.already_known': 'Vous connaissez déjà la rumeur : il n’y a rien à demander.',
  'error.gossip.no_picks_left':
    'Vous avez déjà choisi {count, plural, one {# nœud} other {# nœuds}} au tour {round, number} ({nodes}) : attendez le tour {next, number}.',
  'error.gossip.no_one_left': 'Il ne reste personne à choisir à ce tour.',
  'error.gossip.bad_target':
    '{why, select, self {Vous ne pouvez pas vous {verb, select, ask {interroger} other {la raconter}} vous-même : choisissez quelqu’un d’autre.} other {Il n’y a pas de nœud {id} dans cette manche.}}',
  'error.gossip.repeated_target':
    '{why, select, twice {Vous avez choisi {node} deux fois : choisissez chaque nœud une seule fois.} other {Vous avez déjà {verb, select, ask {interrogé} other {informé}} {node} au tour {round, number}.}}',
  'error.gossip.too_many':
    'Vous pouvez choisir {left, plural, one {# nœud de plus} other {# nœuds de plus}} au tour {round, number}, pas {want, number}.',
  'error.byzantine.bad_recipient':
    '{why, select, self {Vous ne pouvez pas vous envoyer un message.} other {{id} n’est pas destinataire de ce message.}}',
  'error.byzantine.already_sent': 'Vous avez déjà dit à {node} : {value, select, attack {Attaque} other {Retraite}}.',
  'error.byzantine.not_general': 'Vous observez cette manche : elle compte déjà {count, number} généraux. Vous jouerez dans une prochaine.',
  'error.byzantine.round_over': 'Les généraux ont décidé : cette manche est terminée.',
  'error.byzantine.not_commander': 'Seul le commandant donne des ordres, et {node} commande cette manche. Attendez votre ordre.',
  'error.byzantine.phase_over':
    '{level, select, 1 {La phase des ordres est terminée : vos ordres sont partis.} other {La phase de relais de niveau {level} est terminée.}}',
  'error.byzantine.already_ordered': 'Vous avez déjà donné un ordre à chaque lieutenant.',
  'error.byzantine.loyal':
    '{commander, select, yes {Vous êtes loyal : donnez à chaque lieutenant le même ordre, Attaque ou Retraite.} other {Vous êtes loyal : vous transmettez exactement ce qu’on vous a dit.}}',
  'error.byzantine.honest':
    '{signed, select, yes {Vous êtes loyal : vous transmettez exactement les valeurs signées que vous avez acceptées, à chaque lieutenant qui n’en a pas encore signé la chaîne.} other {Vous êtes loyal : vous transmettez exactement ce qu’on vous a dit, {value, select, attack {Attaque} other {Retraite}}, à chaque lieutenant.}}',
  'error.byzantine.bad_path':
    '{why, select, commander {En tant que commandant, vous envoyez des ordres, pas des relais : omettez le chemin et le niveau.} signed {Dans une manche signée, on relaie avec un relais par niveau, pas avec send.} other {Il n’y a pas de message {path} à relayer pour vous dans OM({m, number}).}}',
  'error.byzantine.bad_level':
    '{why, select, oral {Dans une manche à messages oraux, un relais désigne le message par son chemin, pas par un niveau.} other {Les relais de cette manche ont des niveaux de 2 à {max, number}.}}',
  'error.byzantine.no_order_yet': 'Attendez l’ordre du commandant (ou la fin de la phase des ordres) avant de relayer.',
  'error.byzantine.not_held': 'Vous n’avez pas encore reçu le message {path}.',
  'error.byzantine.not_lieutenant': 'Le commandant ne décide pas : ce sont les lieutenants qui décident.',
  'error.byzantine.traitor': 'Les traîtres ne décident pas : seules les décisions des lieutenants loyaux sont jugées.',
  'error.byzantine.too_early': 'Attendez la phase de décision : des relais arrivent encore.',
  'error.byzantine.already_decided': 'Vous avez déjà décidé : {value, select, attack {Attaque} other {Retraite}}.',
  'error.byzantine.not_yet':
    'Les relais de niveau {level} commencent à la fin de la phase précédente : tout ce que vous transmettez doit d’abord être arrivé.',
  'error.byzantine.already_relayed': 'Vous avez déjà transmis vos messages de niveau {level}.',
  'error.byzantine.one_each': 'Vous ne pouvez dire qu’une valeur à {node} à ce niveau.',
  'error.sandbox.bad_recipient':
    '{why, select, self {Vous ne pouvez pas vous envoyer un message.} twice {Chaque destinataire ne peut apparaître qu’une fois.} other {Il n’y a pas de nœud {id} dans cette manche.}}',
} as const satisfies Translation<typeof en>;

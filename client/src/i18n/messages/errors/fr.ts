import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'error.unknown': 'Une erreur s’est produite ({code}).',
  'error.bad_code': 'Un code de salle a 5 lettres et chiffres, comme K7QX3.',
  'error.unknown_room': 'Il n’y a pas de salle {code}. Vérifiez le code projeté au tableau.',
  'error.room_ended': 'Cette séance est terminée.',
  'error.room_locked': 'L’enseignant a verrouillé cette salle.',
  'error.room_full': 'Cette salle est pleine ({capacity, plural, one {# nœud} other {# nœuds}}).',
  'error.nickname_invalid': 'Choisissez un pseudo de 1 à 20 caractères.',
  'error.nickname_taken': 'Quelqu’un ici s’appelle déjà « {nickname} » : choisissez un autre pseudo.',
  'error.unknown_token': 'Ce téléphone n’est plus un nœud de cette salle. Rejoignez-la avec un pseudo.',
  'error.kicked': 'L’enseignant vous a retiré de cette salle.',
  'error.left': 'Vous avez quitté cette salle. Rejoignez-la avec un pseudo.',
  'error.not_joined': 'Rejoignez d’abord une salle.',
  'error.not_in_room': 'Vous n’êtes pas dans cette salle.',
  'error.no_round': 'Aucune manche en cours : attendez que l’enseignant en lance une.',
  'error.not_in_round': 'Vous êtes arrivé après le début de cette manche : vous jouerez à la suivante.',
  'error.crashed': 'Votre nœud est en panne : il ne peut rien faire tant que l’enseignant ne l’a pas redémarré.',
  'error.is_bot': 'Un robot est toujours en pilote automatique.',
  'error.forbidden': 'Vous n’avez pas le droit de faire cela.',
  'error.is_node': 'Cet onglet joue un nœud : ouvrez la console dans un onglet à part.',
  'error.unknown_event': 'Le serveur ne connaît pas cette requête (la page est-elle à jour ? Rechargez-la).',
  'error.not_found': 'Le serveur n’a pas cette page.',
  'error.rate_limited': 'Trop de requêtes : ralentissez un peu.',
  'error.handoff_invalid': 'Ce code a expiré ou a déjà servi. Demandez-en un nouveau sur la console.',
  'error.recovery_invalid': 'Ce code de secours n’ouvre aucune salle ni aucun enregistrement sur ce serveur. Vérifiez-le et réessayez.',
  'error.unknown_device': 'Cet appareil n’a plus de droits d’enseignant.',
  'error.payload_too_large': 'Cette requête est trop volumineuse.',
  'error.bad_request': 'Le serveur n’a pas pu lire cette requête.',
  'error.bad_action': 'Le serveur n’a pas pu lire cette action.',
  'error.internal': 'Une erreur s’est produite sur le serveur. Réessayez.',
  'error.recording_unavailable':
    'L’enregistrement ne peut pas être écrit pour le moment : rien de ce qui modifierait la salle n’est accepté.',
  'error.unknown_node': 'Ce nœud n’existe pas dans cette salle.',
  'error.unknown_game': 'Aucun jeu ne s’appelle « {game} ».',
  'error.bad_config': 'Ces réglages ne sont pas valides pour ce jeu.',
  'error.not_enough_nodes': '{game} demande au moins {min, number} nœuds ; la salle en compte {have, number}.',
  'error.no_leader': 'Il n’y a pas de leader à mettre en panne pour le moment.',
  'error.no_nodes': 'Tous les nœuds sont déjà en panne.',
  'error.no_drill': 'Aucun exercice n’est en cours.',
  'error.bad_script': 'Ce scénario d’exercice n’est pas valide.',
  'error.drill_impossible':
    '{why, select, two_nodes {Il faut au moins deux nœuds pour partitionner.} no_leader {Il n’y a pas de leader à isoler pour le moment.} no_follower {Il n’y a aucun suiveur à isoler.} all_crashed {Tous les nœuds sont en panne.} three_nodes {Un pont demande au moins trois nœuds.} four_nodes {Un anneau de majorités demande au moins quatre nœuds.} other {Avec moins de trois nœuds, il n’y a pas de minorité à mettre en panne.}}',
  'error.bad_session': 'Ce n’est pas un identifiant d’enregistrement.',
  'error.unknown_recording': 'Cet enregistrement n’existe pas sur ce serveur (il a peut-être été supprimé).',
  'error.recording_live': 'La salle {room} est toujours ouverte : terminez d’abord sa séance dans la console.',
  'error.too_many_shares': 'Cet enregistrement a déjà {max, number} liens de partage : retirez-les et créez-en un nouveau.',

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
    '{commander, select, yes {Vous êtes loyal : donnez à chaque lieutenant le même ordre, Attaque ou Retraite.} other {Vous êtes loyal : le serveur relaie exactement ce que vous avez reçu ; vous ne choisissez pas.}}',
  'error.byzantine.bad_path':
    '{why, select, commander {En tant que commandant, vous envoyez des ordres, pas des relais : omettez le chemin et le niveau.} signed {Dans une manche signée, on relaie par niveau, pas par chemin.} other {Il n’y a pas de message {path} à relayer pour vous dans OM({m, number}).}}',
  'error.byzantine.bad_level':
    '{why, select, oral {Dans une manche à messages oraux, un relais désigne le message par son chemin, pas par un niveau.} other {Les relais de cette manche ont des niveaux de 2 à {max, number}.}}',
  'error.byzantine.no_order_yet': 'Attendez l’ordre du commandant (ou la fin de la phase des ordres) avant de relayer.',
  'error.byzantine.not_held': 'Vous n’avez pas encore reçu le message {path}.',
  'error.byzantine.not_lieutenant': 'Le commandant ne décide pas : ce sont les lieutenants qui décident.',
  'error.byzantine.traitor': 'Les traîtres ne décident pas : seules les décisions des lieutenants loyaux sont jugées.',
  'error.byzantine.too_early': 'Attendez la phase de décision : des relais arrivent encore.',
  'error.byzantine.already_decided': 'Vous avez déjà décidé : {value, select, attack {Attaque} other {Retraite}}.',
  'error.sandbox.bad_recipient':
    '{why, select, self {Vous ne pouvez pas vous envoyer un message.} twice {Chaque destinataire ne peut apparaître qu’une fois.} other {Il n’y a pas de nœud {id} dans cette manche.}}',
  // ---- reading a recording (the replay and the recordings page) ----
  'error.recording.not_json': 'Ce fichier n’est pas un enregistrement Human Cluster (sa première ligne n’est pas du JSON).',
  'error.recording.no_header': 'Ce fichier n’est pas un enregistrement Human Cluster (il n’a pas d’en-tête d’enregistrement).',
  'error.recording.version': 'Cet enregistrement est au format version {version} ; cette version lit le format {reads, number}.',
  'error.recording.bad_header': 'L’en-tête de cet enregistrement est endommagé.',
  'error.recording.empty': 'Ce fichier est vide : ce n’est pas un enregistrement.',
  'error.recording.bad_line': 'La ligne {line, number} de cet enregistrement est endommagée.',
  'error.recording.unknown_event':
    'La ligne {line, number} de cet enregistrement est un événement que cette version ne connaît pas (vient-il d’une version plus récente ?).',
  'error.recording.missing_events':
    'Ligne {line, number} : l’événement {seq, number} suit l’événement {prev, number} ; des événements manquent.',
  'error.replay.unknown_game': 'Cet enregistrement contient une manche de « {game} », un jeu que cette version ne connaît pas.',
  'error.replay.no_clocks':
    'Cet enregistrement a été fait sans horloges vectorielles (une grande simulation) : il ne peut pas être exporté vers ShiViz.',
  // ---- errors the client makes itself (the network, a file from this computer) ----
  'error.offline': 'Impossible de joindre le serveur. Vérifiez le Wi-Fi et réessayez.',
  'error.http': 'Le serveur a répondu par une erreur ({status, number}).',
  'error.recording.too_big': 'Ce fichier fait {mb, number} Mo ; la visionneuse ouvre les enregistrements jusqu’à {max, number} Mo.',
  'error.recording.gone': 'Ce fichier n’a pas pu être lu (il a peut-être été déplacé ou supprimé).',
  'error.recording.unreadable': 'Ce fichier n’a pas pu être lu comme un enregistrement.',
} as const satisfies Translation<typeof en>;

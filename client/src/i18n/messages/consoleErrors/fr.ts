import type { Translation } from '../../catalogueTypes';
import type en from './en';

// Errors only the console, the recordings page and the replay meet: worded on the client from
// their code and params ("error." + code), like errors/ (the phone's).
export default {
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
  'error.recording_held':
    'Il manque à l’enregistrement de la salle {room} ses dernières lignes : le serveur les garde en lieu sûr, mais n’a pas pu les réécrire à son démarrage (ses messages au démarrage disent pourquoi). Il s’ouvrira une fois le serveur redémarré et les lignes réécrites.',
  'error.too_many_shares': 'Cet enregistrement a déjà {max, number} liens de partage : retirez-les et créez-en un nouveau.',
  // ---- reading a recording (the replay and the recordings page) ----
  'error.recording.not_json': 'Ce fichier n’est pas un enregistrement Human Cluster (sa première ligne n’est pas du JSON).',
  'error.recording.no_header': 'Ce fichier n’est pas un enregistrement Human Cluster (il n’a pas d’en-tête d’enregistrement).',
  'error.recording.version':
    'Cet enregistrement est au format version {version} ; cette version lit les formats 1 à {reads, number} (a-t-il été fait par une version plus récente ?).',
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
  'error.recording.too_big': 'Ce fichier fait {mb, number} Mo ; la visionneuse ouvre les enregistrements jusqu’à {max, number} Mo.',
  'error.recording.gone': 'Ce fichier n’a pas pu être lu (il a peut-être été déplacé ou supprimé).',
  'error.recording.unreadable': 'Ce fichier n’a pas pu être lu comme un enregistrement.',
} as const satisfies Translation<typeof en>;

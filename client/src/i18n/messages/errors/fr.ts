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
  // ---- errors the client makes itself (the network, a file from this computer) ----
  'error.offline': 'Impossible de joindre le serveur. Vérifiez le Wi-Fi et réessayez.',
  'error.http': 'Le serveur a répondu par une erreur ({status, number}).',
} as const satisfies Translation<typeof en>;

import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'error.bad_code': 'Un code de salle a 5 lettres et chiffres, comme K7QX3.',
  'error.unknown_room': 'Aucune salle n’a ce code. Vérifiez le code au tableau.',
  'error.room_ended': 'Cette séance est terminée.',
  'error.room_locked': 'L’enseignant a verrouillé cette salle.',
  'error.room_full': 'Cette salle est pleine.',
  'error.nickname_invalid': 'Choisissez un pseudo de 1 à 20 caractères.',
  'error.nickname_taken': 'Quelqu’un ici a déjà ce pseudo : choisissez-en un autre.',
  'error.unknown_token': 'Ce téléphone n’est plus un nœud de cette salle. Rejoignez-la avec un pseudo.',
  'error.kicked': 'L’enseignant vous a retiré de cette salle.',
  'error.left': 'Vous avez quitté cette salle. Rejoignez-la avec un pseudo.',
  'error.not_joined': 'Rejoignez d’abord une salle.',
  'error.not_in_room': 'Vous n’êtes pas dans cette salle.',
  'error.no_round': 'Aucune manche en cours : attendez que l’enseignant en lance une.',
  'error.not_in_round': 'Vous êtes arrivé après le début de cette manche : vous jouerez à la suivante.',
  'error.crashed': 'Votre nœud est en panne : il ne peut rien faire tant que l’enseignant ne l’a pas redémarré.',
  'error.forbidden': 'Vous n’avez pas le droit de faire cela.',
  'error.rate_limited': 'Trop de requêtes : ralentissez un peu.',
  'error.internal': 'Une erreur s’est produite sur le serveur. Réessayez.',
  'error.unknown': 'Une erreur s’est produite ({code}).',
} as const satisfies Translation<typeof en>;

import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'landing.pitch':
    'Votre classe est le système distribué. Chaque téléphone est un nœud, le serveur est le réseau, et l’enseignant est l’adversaire du réseau.',
  'landing.join.title': 'Rejoindre avec un code',
  'landing.join.label': 'Code de la salle',
  'landing.join.submit': 'Rejoindre',
  'landing.join.bad': 'Un code de salle compte 5 lettres et chiffres, comme {example}.',
  'landing.host.title': 'Animer un cours',
  'landing.host.text':
    'Ouvrez la console de l’enseignant sur le vidéoprojecteur : elle crée une salle avec un code et un QR code pour les téléphones.',
  'landing.host.go': 'Animer un cours',
} as const satisfies Translation<typeof en>;

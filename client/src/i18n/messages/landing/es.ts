import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'landing.pitch':
    'Tu clase es el sistema distribuido. Cada teléfono es un nodo, el servidor es la red, y el profesor es el adversario de la red.',
  'landing.join.title': 'Entrar con un código',
  'landing.join.label': 'Código de la sala',
  'landing.join.submit': 'Entrar',
  'landing.join.bad': 'Un código de sala tiene 5 letras y cifras, como {example}.',
  'landing.host.title': 'Dar una clase',
  'landing.host.text': 'Abre la consola del profesor en el proyector: crea una sala con un código y un código QR para los teléfonos.',
  'landing.host.go': 'Dar una clase',
} as const satisfies Translation<typeof en>;

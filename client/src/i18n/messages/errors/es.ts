import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'error.bad_code': 'El código de sala tiene 5 letras y cifras, como K7QX3.',
  'error.unknown_room': 'No hay ninguna sala con este código. Revisa el código en el proyector.',
  'error.room_ended': 'Esta sesión ha terminado.',
  'error.room_locked': 'El profesor ha cerrado esta sala.',
  'error.room_full': 'Esta sala está llena.',
  'error.nickname_invalid': 'Elige un apodo de 1 a 20 caracteres.',
  'error.nickname_taken': 'Alguien aquí ya tiene este apodo: elige otro.',
  'error.unknown_token': 'Este teléfono ya no es un nodo de esta sala. Vuelve a entrar con un apodo.',
  'error.kicked': 'El profesor te ha sacado de esta sala.',
  'error.left': 'Has salido de esta sala. Vuelve a entrar con un apodo.',
  'error.not_joined': 'Primero entra en una sala.',
  'error.not_in_room': 'No estás en esta sala.',
  'error.no_round': 'No hay ninguna ronda en curso: espera a que el profesor empiece una.',
  'error.not_in_round': 'Entraste después de que empezara esta ronda: jugarás en la siguiente.',
  'error.crashed': 'Tu nodo está caído: no puede hacer nada hasta que el profesor lo reinicie.',
  'error.forbidden': 'No tienes permiso para hacer eso.',
  'error.rate_limited': 'Demasiadas peticiones: ve un poco más despacio.',
  'error.internal': 'Algo ha fallado en el servidor. Inténtalo de nuevo.',
  'error.unknown': 'Algo ha fallado ({code}).',
} as const satisfies Translation<typeof en>;

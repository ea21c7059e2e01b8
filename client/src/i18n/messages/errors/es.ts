import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'error.unknown': 'Algo ha fallado ({code}).',
  'error.bad_code': 'El código de sala tiene 5 letras y cifras, como K7QX3.',
  'error.unknown_room': 'No existe la sala {code}. Revisa el código en el proyector.',
  'error.room_ended': 'Esta sesión ha terminado.',
  'error.room_locked': 'El profesor ha cerrado esta sala.',
  'error.room_full': 'Esta sala está llena ({capacity, plural, one {# nodo} other {# nodos}}).',
  'error.nickname_invalid': 'Elige un apodo de 1 a 20 caracteres.',
  'error.nickname_taken': 'Alguien aquí ya se llama «{nickname}»: elige otro apodo.',
  'error.unknown_token': 'Este teléfono ya no es un nodo de esta sala. Vuelve a entrar con un apodo.',
  'error.kicked': 'El profesor te ha sacado de esta sala.',
  'error.left': 'Has salido de esta sala. Vuelve a entrar con un apodo.',
  'error.not_joined': 'Primero entra en una sala.',
  'error.not_in_room': 'No estás en esta sala.',
  'error.no_round': 'No hay ninguna ronda en curso: espera a que el profesor empiece una.',
  'error.not_in_round': 'Entraste después de que empezara esta ronda: jugarás en la siguiente.',
  'error.crashed': 'Tu nodo está caído: no puede hacer nada hasta que el profesor lo reinicie.',
  'error.is_bot': 'Un bot siempre va en piloto automático.',
  'error.forbidden': 'No tienes permiso para hacer eso.',
  'error.is_node': 'Esta pestaña juega como nodo: abre la consola en una pestaña aparte.',
  'error.unknown_event': 'El servidor no conoce esta petición (¿la página está desactualizada? Recárgala).',
  'error.not_found': 'El servidor no tiene esa página.',
  'error.rate_limited': 'Demasiadas peticiones: ve un poco más despacio.',
  'error.handoff_invalid': 'Este código ha caducado o ya se usó. Pide uno nuevo en la consola.',
  'error.recovery_invalid':
    'Ese código de recuperación no abre ninguna sala ni grabación en este servidor. Revísalo y vuelve a intentarlo.',
  'error.unknown_device': 'Ese dispositivo ya no tiene derechos de profesor.',
  'error.payload_too_large': 'Esta petición es demasiado grande.',
  'error.bad_request': 'El servidor no ha podido leer esta petición.',
  'error.bad_action': 'El servidor no ha podido leer esta acción.',
  'error.internal': 'Algo ha fallado en el servidor. Inténtalo de nuevo.',
  'error.recording_unavailable': 'Ahora mismo no se puede escribir la grabación, así que no se acepta nada que cambie la sala.',
  // ---- errors the client makes itself (the network, a file from this computer) ----
  'error.offline': 'No se puede contactar con el servidor. Comprueba la wifi y vuelve a intentarlo.',
  'error.http': 'El servidor respondió con un error ({status, number}).',
} as const satisfies Translation<typeof en>;

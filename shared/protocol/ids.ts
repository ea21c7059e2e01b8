// Identifiers shared by every layer.

import { z } from 'zod';

/** A node's id in its room: "n1", "n2"… in join order, stable for the whole session. */
export type NodeId = string;

/** How long a node id from outside may be (ids are "n1"… but a payload could hold anything). */
export const nodeIdSchema = z.string().min(1).max(32);

// Room codes and nicknames live in ./codes, free of zod, for the phone's page (re-exported here).
export {
  checkNickname,
  cleanNickname,
  NICKNAME_MAX,
  nicknameLength,
  normaliseNickname,
  normaliseRoomCode,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
} from './codes';

// Gossip's envelopes in words, for the replay's message panel.

import { KINDS, type CardBody, type RumourBody } from '../../../../shared/games/gossip/config';
import type { MessageBodyWords } from '../types';

export const messageBody: MessageBodyWords = (kind, body, t) => {
  switch (kind) {
    case KINDS.push:
      return [t('replay.body.gossip.push', { word: (body as Partial<RumourBody> | null)?.word ?? '' })];
    case KINDS.reply:
      return [t('replay.body.gossip.reply', { word: (body as Partial<RumourBody> | null)?.word ?? '' })];
    case KINDS.pull:
      return [t('replay.body.gossip.pull')];
    case KINDS.card:
      return [t('replay.body.gossip.card', { label: (body as Partial<CardBody> | null)?.label ?? '' })];
    default:
      return null;
  }
};

// The election's envelopes in words, for the replay's message panel: terms, votes and log
// entries, the proposer of each entry by nickname.

import { KIND } from '../../../../shared/games/election/limits';
import type { AppendBody, AppendReplyBody, VoteBody, VoteRequestBody } from '../../../../shared/games/election/state';
import type { MessageBodyWords } from '../types';

export const messageBody: MessageBodyWords = (kind, body, t, name) => {
  if (body === null || typeof body !== 'object') return null;
  switch (kind) {
    case KIND.voteRequest:
    case KIND.preVoteRequest: {
      const b = body as VoteRequestBody;
      return [
        t('replay.body.election.request', { pre: String(kind === KIND.preVoteRequest), term: b.term }),
        t('replay.body.election.log', { length: b.lastLogIndex, term: b.lastLogTerm }),
      ];
    }
    case KIND.vote:
    case KIND.preVote: {
      const b = body as VoteBody;
      return [t('replay.body.election.vote', { pre: String(kind === KIND.preVote), granted: String(b.granted), term: b.term })];
    }
    case KIND.append: {
      const b = body as AppendBody;
      const entries = Array.isArray(b.entries) ? b.entries : [];
      return [
        t('replay.body.election.append', { term: b.term, count: entries.length }),
        t('replay.body.election.after', { index: b.prevLogIndex, term: b.prevLogTerm, commit: b.leaderCommit }),
        ...entries.map((e) => t('replay.body.election.entry', { value: e.value, term: e.term, name: name(e.by) })),
      ];
    }
    case KIND.appendReply: {
      const b = body as AppendReplyBody;
      return [t('replay.body.election.reply', { success: String(b.success), index: b.matchIndex, next: b.matchIndex + 1, term: b.term })];
    }
    default:
      return null;
  }
};

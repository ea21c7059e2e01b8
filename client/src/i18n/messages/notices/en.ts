// What the engines say happened, as "notice." + the notice's code (shared/protocol/notice.ts).
// {node}, {from}, {nodes}… arrive as nicknames; {value} is a restaurant or an order as sent.
export default {
  // An older recording's mark, kept in its recorded English.
  'notice.mark.text': '{text}',

  // ---- card leader election: the phone's line of what just happened ----
  'notice.election.timer.expired': 'Your election timer ran out without a heartbeat from a leader: you may stand for election.',
  'notice.election.timer.expired_candidate':
    'No one won term {term, number} before your timer ran out: stand again to start term {next, number}.',
  'notice.election.stood': 'You stand for election in term {term, number} and vote for yourself: you need {majority, number} votes.',
  'notice.election.voted': 'You voted for {node} in term {term, number}.',
  'notice.election.refused': 'You refused {node}’s request for term {term, number}.',
  'notice.election.won':
    'You won term {term, number} with {votes, number} of {total, number} votes: you are the leader. Propose the restaurant.',
  'notice.election.crashed': 'Your node crashed: it can do nothing until the instructor restarts it.',
  'notice.election.restarted':
    'Your node restarted as a follower in term {term, number}: your term, your vote and your log survived the crash.',
  'notice.election.stepped_down': 'You stepped down: {node} is in term {term, number}, later than your term {old, number}.',
  'notice.election.gave_up': 'You gave up your election: {node} is already in term {term, number}.',
  'notice.election.moved_up': '{node} is in term {term, number}: you moved up to term {term, number}.',
  'notice.election.lost': '{node} won term {term, number}: you are a follower again.',
  'notice.election.requests_closed': '{node} leads term {term, number}: the vote requests you had not answered are closed.',
  'notice.election.you_proposed': 'You proposed “{value}”. It is committed once {majority, number} of {total, number} nodes store it.',
  'notice.election.committed': '“{value}” is committed: a majority stores it.',
  'notice.election.learned_commit': 'The leader says “{value}” is committed.',
  'notice.election.pre_vote':
    'You ask whether {others, number} others would vote for you in term {term, number} (pre-vote); your term stays {current, number} until they say yes.',
  'notice.election.check_quorum':
    'You stepped down: only {heard, number} of {total, number} nodes answered you lately, fewer than a majority (CheckQuorum).',
  // ---- election: marks on the timeline ----
  'notice.election.mark.pre_candidate': '{node} asks for pre-votes for term {term, number}',
  'notice.election.mark.check_quorum': '{node} steps down: no majority answered within an election timeout (term {term, number})',
  'notice.election.mark.stands': '{node} stands for term {term, number}',
  'notice.election.mark.leader': '{node} is leader of term {term, number}',
  'notice.election.mark.leader_crashed': '{node} crashed while leading term {term, number}',
  'notice.election.mark.stepped_down': '{node} steps down (was leader of term {term, number})',
  'notice.election.mark.proposed': '{node} proposes “{value}” (term {term, number})',
  'notice.election.mark.committed': 'committed “{value}” (entry {index, number}, term {term, number})',
  'notice.election.mark.stale':
    '{node} is a stale leader (term {term, number}): {reason, select, minority {it cannot reach a majority} other {a later term has a leader}}',
  // ---- election: safety violations (a correct engine has none) ----
  'notice.election.violation.leaders': 'Safety violation: {count, number} leaders in term {term, number}: {nodes}',
  'notice.election.violation.missing_commit':
    'Safety violation: {node} leads term {term, number} without committed entry {index, number} (“{value}”)',
  'notice.election.violation.overwrite': 'Safety violation: {node} was told to overwrite its committed entry {index, number}',
  'notice.election.violation.recommitted': 'Safety violation: entry {index, number} committed as “{old}” and again as “{value}” by {node}',
  'notice.election.violation.diverged':
    'Safety violation: {node} holds “{value}” as committed entry {index, number}, which is not what was committed',

  // ---- gossip: marks ----
  'notice.gossip.mark.origin': '{node} starts with the rumour',
  'notice.gossip.mark.origin_instead': '{node} starts with the rumour ({chosen} is not in this round)',
  'notice.gossip.mark.highest_dealt': '{node} was dealt the highest card',
  'notice.gossip.mark.learned':
    '{node} learned {card, select, yes {the highest card} other {the rumour}} from {from} in round {round, number}',
  'notice.gossip.mark.stuck':
    'Every node the rumour can reach knows (round {round, number}); {count, plural, one {# live node cannot} other {# live nodes cannot}} learn: {why, select, down {every node that knew is down} other {a partition cuts them off}}',
  'notice.gossip.mark.everyone':
    'Every live node {card, select, yes {holds the highest card} other {knows the rumour}} (the last one in round {round, number})',
  'notice.gossip.mark.stalled':
    'The rumour can reach nobody else ({count, plural, one {# live node never learned} other {# live nodes never learned}})',
  'notice.gossip.mark.max-rounds': '{rounds, plural, one {# round played} other {# rounds played}}',

  // ---- Byzantine generals ----
  'notice.byzantine.mark.phase': 'Phase: {phase, select, orders {orders} relays {relays, level {level, number}} other {decision}}',
  'notice.byzantine.mark.decided':
    '{node} decided {value, select, attack {Attack} other {Retreat}}{against, select, yes { against its majority} other {}}',
  'notice.byzantine.verdict':
    '{what, select, none {No loyal lieutenant decided} agreed {{count, plural, one {The one loyal lieutenant} other {All # loyal lieutenants}} chose {value, select, attack {Attack} other {Retreat}}} other {The loyal lieutenants split: {attack, number} Attack, {retreat, number} Retreat}}, {why, select, traitor {the commander was a traitor} no_order {the loyal commander gave no order} followed {as the loyal commander ordered} other {but the loyal commander ordered {order, select, attack {Attack} other {Retreat}}}}.',
  'notice.byzantine.note.not_generals': 'Not generals in this round, so not traitors: {ids}.',
  'notice.byzantine.note.traitors_kept': '{count, number} traitor lieutenants would leave no loyal one: kept {kept, number}.',
  'notice.byzantine.note.commander_traitor': 'The commander is a traitor, so there is 1 traitor, not 0.',
  'notice.byzantine.note.traitors_capped':
    'Asked for {asked, number} traitors; {generals, number} generals allow at most {max, number} (one lieutenant stays loyal).',
  'notice.byzantine.note.observers':
    '{generals, number} generals play; {observers, plural, one {# node watches} other {# nodes watch}} (at most {max, number} generals).',
  'notice.byzantine.note.commander_drawn': '{id} is not in this round: the commander was drawn.',
  'notice.byzantine.note.m_reduced':
    'OM({asked, number}) among {generals, number} generals would send {messages, number} messages (limit {limit, number}): playing OM({m, number}).',
  // ---- the network: a fault operation ({groups}: "A (3)"…), a drill script’s step ----
  'notice.net.fault.split': 'Split into {groups}{open, plural, =0 {} one { with # link open} other { with # links open}}',
  'notice.net.fault.move': '{count, plural, one {Node moved} other {Nodes moved}} to group {group}: {nodes}',
  'notice.net.fault.link': '{open, select, yes {Opened} other {Cut}} the link from group {from} to group {to}',
  'notice.net.fault.isolate': '{count, plural, one {Node isolated} other {Nodes isolated}}: {nodes}',
  'notice.net.fault.heal': 'Healed every partition',
  'notice.net.fault.loss': 'Message loss {rate, number, percent}',
  'notice.net.fault.link_loss': 'Loss {rate, number, percent} on {from} {both, select, yes {↔} other {→}} {to}',
  'notice.net.fault.latency': 'Latency {base, number} ms + up to {jitter, number} ms',
  'notice.net.fault.dup': 'Duplication {rate, number, percent}',
  'notice.net.fault.crash': '{count, plural, one {Node crashed} other {Nodes crashed}}: {nodes}',
  'notice.net.fault.restart': '{count, plural, one {Node restarted} other {Nodes restarted}}: {nodes}',
  'notice.net.fault.reset': 'Reset all faults',
  'notice.net.step.start': 'Start a round of {game}',
  'notice.net.step.stop': 'Stop the round',
  'notice.net.step.drill': '{drill}',
  'notice.net.step.crash_leader': 'Crash the leader',
  'notice.net.step.crash': 'Crash {count, plural, one {# random node} other {# random nodes}}',
  'notice.net.step.restart': 'Restart every crashed node',
} as const;

// Actions a game refused, worded on the client: "error.<game>." + code (words.ts). Fetched with
// the games' phone screens (the rest part), before any round can refuse one.
export default {
  // ---- actions a game refused ----
  'error.not_playing': 'You joined after this round started: wait for the next one.',
  'error.election.no_request': 'There is no vote request from {node} to answer.',
  'error.election.already_leader': 'You are already the leader of term {term, number}.',
  'error.election.timer_running': 'Your election timer is still running: you may stand for election only when it has run out.',
  'error.election.stale_request':
    '{node} asked for your vote in term {asked, number}, but you are in term {term, number} now: that request is out of date.',
  'error.election.already_voted':
    '{self, select, yes {You voted for yourself in term {term, number} when you stood: one vote per term.} other {You already voted for {node} in term {term, number}: one vote per term.}}',
  'error.election.log_behind':
    '{node}’s log is behind yours (it ends at entry {theirIndex, number} of term {theirTerm, number}; yours at entry {myIndex, number} of term {myTerm, number}): Raft only elects a candidate whose log is at least as up to date as yours.',
  'error.election.not_leader':
    'Only the leader can propose the restaurant; you are a {role, select, candidate {candidate} other {follower}} in term {term, number}.',
  'error.election.proposal_pending': 'Your proposal “{value}” is not committed yet: wait until a majority stores it.',
  'error.election.log_full': 'The log is full ({max, number} entries): no more proposals this round.',
  'error.gossip.game_over': 'The rumour game is over: wait for the next round.',
  'error.gossip.nothing_to_do': 'You know the rumour. In pull gossip you wait to be asked: the server answers for you.',
  'error.gossip.too_soon': 'You learned the rumour in round {learned, number}: you can pass it on from round {next, number}.',
  'error.gossip.not_known':
    '{mode, select, push {You do not know the rumour yet: wait until someone tells you.} other {You do not know the rumour yet, so there is nothing to tell: ask someone instead.}}',
  'error.gossip.wrong_mode':
    '{mode, select, pull {This is pull gossip: nobody tells unasked; nodes that do not know ask.} other {In this gossip nobody asks: nodes tell.}}',
  'error.gossip.already_known': 'You already know the rumour: there is nothing to ask.',
  'error.gossip.no_picks_left':
    'You already picked {count, plural, one {# node} other {# nodes}} in round {round, number} ({nodes}): wait for round {next, number}.',
  'error.gossip.no_one_left': 'There is nobody left to pick this round.',
  'error.gossip.bad_target':
    '{why, select, self {You cannot {verb, select, ask {ask} other {tell}} yourself: pick someone else.} other {There is no node {id} in this round.}}',
  'error.gossip.repeated_target':
    '{why, select, twice {You picked {node} twice: pick each node once.} other {You already {verb, select, ask {asked} other {told}} {node} in round {round, number}.}}',
  'error.gossip.too_many':
    'You may pick {left, plural, one {# more node} other {# more nodes}} in round {round, number}, not {want, number}.',
  'error.byzantine.bad_recipient':
    '{why, select, self {You cannot send a message to yourself.} other {{id} is not one of this message’s recipients.}}',
  'error.byzantine.already_sent': 'You already told {node}: {value, select, attack {Attack} other {Retreat}}.',
  'error.byzantine.not_general': 'You are watching this round: it already has {count, number} generals. You will play in a later one.',
  'error.byzantine.round_over': 'The generals have decided: this round is over.',
  'error.byzantine.not_commander': 'Only the commander gives orders, and {node} commands this round. Wait for your order.',
  'error.byzantine.phase_over':
    '{level, select, 1 {The orders phase is over: your orders have gone out.} other {The level-{level} relay phase is over.}}',
  'error.byzantine.already_ordered': 'You have already given every lieutenant an order.',
  'error.byzantine.loyal':
    '{commander, select, yes {You are loyal: give every lieutenant the same order with Attack or Retreat.} other {You are loyal: you pass on exactly what you were told.}}',
  'error.byzantine.honest':
    '{signed, select, yes {You are loyal: you pass on exactly the signed values you accepted, to every lieutenant not yet on their signatures.} other {You are loyal: you pass on exactly what you were told, {value, select, attack {Attack} other {Retreat}}, to every lieutenant.}}',
  'error.byzantine.bad_path':
    '{why, select, commander {As commander you send orders, not relays: leave out the path and the level.} signed {In a signed round you pass messages on with one relay per level, not with send.} other {There is no message {path} for you to relay in OM({m, number}).}}',
  'error.byzantine.bad_level':
    '{why, select, oral {In an oral-messages round a relay names the message it passes on by its path, not a level.} other {This round’s relays have levels 2 to {max, number}.}}',
  'error.byzantine.no_order_yet': 'Wait for the commander’s order (or the end of the orders phase) before you relay.',
  'error.byzantine.not_held': 'You have not received the message {path} yet.',
  'error.byzantine.not_lieutenant': 'The commander does not decide: the lieutenants do.',
  'error.byzantine.traitor': 'Traitors don’t decide: only the loyal lieutenants’ decisions are judged.',
  'error.byzantine.too_early': 'Wait for the decision phase: relays are still arriving.',
  'error.byzantine.already_decided': 'You already decided: {value, select, attack {Attack} other {Retreat}}.',
  'error.byzantine.not_yet': 'The level-{level} relays start when the phase before it ends: what you pass on must all be in first.',
  'error.byzantine.already_relayed': 'You already passed on your level-{level} messages.',
  'error.byzantine.one_each': 'You can tell {node} only one value at this level.',
  'error.sandbox.bad_recipient':
    '{why, select, self {You cannot send a message to yourself.} twice {Each recipient may appear only once.} other {There is no node {id} in this round.}}',
} as const;

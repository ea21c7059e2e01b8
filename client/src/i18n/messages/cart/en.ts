// The split-brain cart's messages (English, the source): the phone, the console panel, the
// settings, the result, its refusals (error.*) and its timeline marks (notice.cart.*). Keys
// start with "cart." (or "error."/"notice."). See ../../README.md.
export default {
  'cart.item.apples': 'apples',
  'cart.item.bread': 'bread',
  'cart.item.cheese': 'cheese',
  'cart.item.juice': 'juice',
  'cart.item.pizza': 'pizza',
  'cart.item.cake': 'cake',

  'cart.mode.quorum': 'Majority quorum',
  'cart.mode.quorum.text':
    'A change counts only once a majority of the lists agree to it. Cut off from the majority, you cannot change anything.',
  'cart.mode.lww': 'Last writer wins',
  'cart.mode.lww.text':
    'Your change is saved on your phone at once. When two changes to an item clash, the later one wins and the other is lost.',
  'cart.mode.crdt': 'CRDT',
  'cart.mode.crdt.text':
    'Your change is saved on your phone at once. Everyone’s additions and removals are counted apart and added up: nothing is lost.',

  'cart.write.saving': 'Saving… {votes, number} of {n, number} lists agree so far (a majority is {needed, number}).',
  'cart.write.saved.quorum': 'Saved: {votes, number} of {n, number} lists agreed.',
  'cart.write.saved.local':
    'Saved on your phone; {seen, plural, =0 {not yet seen by the others} one {seen by # of the {others, number} others so far} other {seen by # of the {others, number} others so far}}.',
  'cart.write.overwritten': 'Saved on your phone, then overwritten by a later change when the lists met: see below.',
  'cart.write.refused.noMajority': 'Refused: no majority agreed.',
  'cart.write.refused.noMajority.count':
    'Refused: only {votes, plural, one {# of {n, number} lists} other {# of {n, number} lists}} agreed, and a majority is {needed, number}. You are probably cut off from the others.',
  'cart.write.refused.behind': 'Refused: your list was behind the others’. It has caught up now: tap again.',
  'cart.write.refused.conflict': 'Refused: someone else’s change to this item was saved first. Tap again.',

  'cart.change.overwrote':
    'Your {item} went from {from, number} to {to, number}: {by}’s change was later, and {lost}’s {delta} was overwritten.',
  'cart.change.overwroteYours':
    'Your {item} went from {from, number} to {to, number}: {by}’s change was later, and your {delta} was overwritten.',
  'cart.change.update': 'In your list, {item} went from {from, number} to {to, number} ({by}’s change).',
  'cart.change.merged': 'In your list, {item} went from {from, number} to {to, number}: {by}’s changes were added in.',
  'cart.change.saved': 'In your list, {item} went from {from, number} to {to, number}: a majority saved {by}’s change.',
  'cart.change.caughtUp': 'In your list, {item} went from {from, number} to {to, number}: it caught up with the majority.',
  'cart.lost.line': '{node}’s {delta} {item} {writes, plural, one {was} other {were}} overwritten by {by}’s {byDelta}.',
  'cart.ms': '{ms, number} ms',
  'cart.seconds': '{s, number} s',

  'cart.phone.title': 'Your copy of the shopping list',
  'cart.phone.last': 'Your last change, {delta} {item}:',
  'cart.phone.autopilot': 'Autopilot is shopping for you. Switch it off below to tap yourself.',
  'cart.phone.over': 'The shopping round is over.',
  'cart.phone.changes': 'What others changed in your list',
  'cart.phone.mine': 'Your changes: {attempted, number} tapped, {accepted, number} saved, {refused, number} refused.',
  'cart.phone.savingShort': 'saving…',
  'cart.phone.remove': 'One less: {item}',
  'cart.phone.add': 'One more: {item}',
  'cart.phone.qty': '{item}: {qty, number}',

  'cart.now.quorum': 'Tap + or − to change the list. A change counts only when {majority, number} of the {n, number} lists agree.',
  'cart.now.local': 'Tap + or − to change the list. Your phone saves it at once and sends it to the others.',
  'cart.now.wait': 'Wait: the other lists are answering your change.',
  'cart.phone.modeLabel': 'How the lists work this round',
  'cart.phone.split.quorum': 'During a split, only the side with a majority can change the list; the other side is refused.',
  'cart.phone.split.lww':
    'During a split, both sides keep changing their lists. When it heals, the later change to an item wins and the other is lost.',
  'cart.phone.split.crdt':
    'During a split, both sides keep changing their lists. When it heals, all the changes are added up: nothing is lost.',
  'cart.phone.splitWord': 'split',
  'cart.phone.replica': 'Each phone keeps its own copy of the list: a replica.',
  'cart.phone.replicaWord': 'replica',
  'cart.console.mode': 'Mode',
  'cart.console.majority': 'a change needs {majority, number} of {n, number} lists',
  'cart.console.lists': 'Lists',
  'cart.console.agree': 'all {live, number} live lists agree',
  'cart.console.differ': '{distinct, number} different lists among {live, number} live ones',
  'cart.console.network': 'Network',
  'cart.console.split': 'Split',
  'cart.console.whole': 'Whole',
  'cart.look.summary.writes': '{mode}: {accepted, number} of {attempted, number} writes accepted',
  'cart.look.summary.split': '{accepted, number} of {attempted, number} during the split',
  'cart.look.summary.lost': '{count, plural, one {# update lost} other {# updates lost}}',
  'cart.look.summary.agreedAfter': 'lists agreed {after} after the heal',
  'cart.look.summary.agree': 'lists agree',
  'cart.look.summary.differ': 'lists still differ',
  'cart.console.convergedAfter': 'lists agreed {after} after the heal',
  'cart.console.converging': 'healed: lists still catching up',
  'cart.console.writes': 'Changes tapped',
  'cart.console.totals': '{accepted, number} saved, {refused, number} refused, {pending, number} waiting',
  'cart.console.lostCount': '{lost, number} lost',
  'cart.console.sides': 'Each side of the split',
  'cart.console.sidesLast': 'Each side of the last split',
  'cart.console.side': 'Side {group}:',
  'cart.console.sideCounts': '{attempted, number} tapped, {accepted, number} saved, {refused, number} refused',
  'cart.console.replicas': 'Every list, side by side',
  'cart.console.replica': 'Replica',
  'cart.console.state': 'List',
  'cart.console.majorityList': 'Most lists ({holders, number} of {live, number})',
  'cart.console.down': '(down)',
  'cart.console.waiting': '({pending, number} waiting)',
  'cart.console.more': 'and {more, number} more (on the map)',
  'cart.console.lost': 'Lost updates ({lost, number})',
  'cart.console.recent': 'Latest changes',
  'cart.console.recentLine': '{node} {delta} {item} (side {group})',
  'cart.console.stateMajority': 'the list most replicas hold',
  'cart.console.stateOther': 'another list ({letter})',
  'cart.status.pending': 'waiting for a majority',
  'cart.status.accepted': 'saved',
  'cart.status.overwritten': 'saved, then overwritten',

  'cart.stage.agree': '✓ all agree',
  'cart.stage.differ': '≠ {distinct, number} different',
  'cart.stage.savedDuringSplit': 'Saved during the split',
  'cart.stage.ofN': '{accepted, number} of {attempted, number}',
  'cart.stage.most': 'Most lists ({count, number})',
  'cart.stage.andMore': 'and {more, number} more',
  'cart.stage.sideSaved': '{accepted, number} of {attempted, number} saved',
  'cart.stage.converged': '✓ Every list agrees again, {after} after the heal.',

  'cart.debrief.title': 'Debrief: the modes side by side',
  'cart.debrief.empty': 'Finished cart rounds show here: play one round in each mode against the same split.',
  'cart.debrief.round': 'Round',
  'cart.debrief.mode': 'Mode',
  'cart.debrief.availability': 'Saved during the split',
  'cart.debrief.refused': 'Refused',
  'cart.debrief.lost': 'Lost updates',
  'cart.debrief.converge': 'Agreed after the heal',
  'cart.debrief.noSplit': 'no split',
  'cart.debrief.availabilityValue': '{pct} ({accepted, number} of {attempted, number})',
  'cart.debrief.notConverged': 'never',
  'cart.debrief.noHeal': 'no heal',

  'cart.config.label': 'Shopping cart settings',
  'cart.config.mode': 'How the lists answer a split',
  'cart.config.majority': 'With {n, number} nodes a majority is {majority, number}.',
  'cart.config.more': 'More settings',
  'cart.config.sync': 'Lists exchanged every (seconds)',
  'cart.config.timeout': 'A quorum change waits (seconds)',
  'cart.config.duration': 'Round length (minutes)',
  'cart.config.botEvery': 'Autopilot taps every (seconds)',
  'cart.config.botJitter': '…plus up to (seconds)',
  'cart.config.range': 'From {min, number} to {max, number}. Keeping {value, number}.',

  'cart.result.convergedAfter': '{mode}: every live list agreed, {after} after the heal.',
  'cart.result.converged': '{mode}: every live list agreed at the end.',
  'cart.result.diverged': '{mode}: the lists still differ ({distinct, number} different among {live, number} live).',
  'cart.result.writes':
    'Changes tapped: {attempted, number}; saved {accepted, number}, refused {refused, number}, still waiting {pending, number}.',
  'cart.result.availability': 'During the split {pct} of the changes were saved ({accepted, number} of {attempted, number}).',
  'cart.result.refusedBy': '{count, plural, one {# refused:} other {# refused:}}',
  'cart.result.lost':
    '{lost, plural, other {# updates were lost: overwritten by later ones.} =0 {No update was lost.} one {# update was lost: overwritten by a later one.}}',
  'cart.result.noneLost': '{mode} loses no saved change.',
  'cart.result.negative': 'Below zero: {items} (both sides took the last one).',
  'cart.result.final': 'The list most replicas hold',

  'error.cart.game_over': 'The shopping round is over: wait for the next one.',
  'error.cart.nothing_to_remove':
    'Your list has no {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}} to take away.',
  'error.cart.still_saving':
    'Your last change to {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}} is still waiting for a majority.',
  'error.cart.voted_elsewhere':
    'Your list has agreed to {node}’s change to {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}}: wait until it is saved or given up.',

  'notice.cart.mark.proposed':
    '{node} asks a majority to save {delta, plural, =1 {+1} other {−1}} {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}}',
  'notice.cart.mark.accepted':
    '{node} saved {delta, plural, =1 {+1} other {−1}} {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}} on their own list',
  'notice.cart.mark.saved':
    'A majority saved {node}’s {delta, plural, =1 {+1} other {−1}} {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}} (version {version, number}, {votes, number} of {n, number})',
  'notice.cart.mark.refused':
    '{node}’s {delta, plural, =1 {+1} other {−1}} {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}} was refused ({reason, select, behind {list behind} conflict {another change first} other {no majority}}: {votes, number} of {n, number}, needs {needed, number})',
  'notice.cart.mark.overwritten':
    '{lost}’s {delta, number, ::sign-always} {item, select, apples {apples} bread {bread} cheese {cheese} juice {juice} pizza {pizza} other {cake}} overwritten by {by}’s later change ({count, plural, one {# write} other {# writes}} lost)',
  'notice.cart.mark.converged':
    '{afterMs, select, none {Every live list agrees} other {Every live list agrees, {afterMs} ms after the heal}}',
  'notice.cart.mark.split': 'The network is split',
  'notice.cart.mark.healed': 'The network is whole again',
  // The game picker’s line, and the message kinds by the protocol’s own short names (the same in every language)
  'cart.look.blurb':
    'Split-brain cart: every phone is a copy of the shopping list. Split the class and compare majority quorum, last-writer-wins and a CRDT.',
  'cart.look.kind.write': 'write',
  'cart.look.kind.seen': 'seen',
  'cart.look.kind.sync': 'sync',
  'cart.look.kind.propose': 'propose',
  'cart.look.kind.vote': 'vote',
  'cart.look.kind.commit': 'commit',
  'cart.look.kind.abort': 'abort',
} as const;

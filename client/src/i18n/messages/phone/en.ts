// The phone area's messages (English, the source). Keys start with "phone.". See ../../README.md.
export default {
  'phone.title.inRoom': '{nickname} — room {code}',
  'phone.title.joinCode': 'Join {code}',
  'phone.title.join': 'Join a room — {app}',
  'phone.noscript': 'Human Cluster needs JavaScript to run in this browser.',
  'phone.banner.reconnecting': 'Reconnecting… you keep your place.',
  'phone.banner.paused': 'The instructor paused the network: messages wait.',
  'phone.resuming': 'Getting your place back…',
  'phone.roomLabel': 'Room',
  // The join: the code first, then the nickname.
  'phone.join.title': 'Join the cluster',
  'phone.join.step1': 'Step 1 of 2: the code on the projector.',
  'phone.join.codeLabel': 'Room code',
  'phone.join.checking': 'Checking…',
  'phone.join.next': 'Next',
  'phone.join.connecting': 'Connecting to the server…',
  'phone.join.badCode': 'A room code has 5 letters and digits, like K7QX3.',
  'phone.join.unknownRoom': 'There is no room {code}. Check the code on the projector.',
  'phone.join.locked': 'Room {code} is locked: the instructor lets nobody else in now.',
  'phone.join.full': 'Room {code} is full.',
  'phone.join.takeOver': 'Play on this screen',
  'phone.join.roomTitle': 'Join room {code}',
  'phone.join.step2': 'Step 2 of 2: the name the class will see.',
  'phone.join.nicknameLabel': 'Nickname',
  'phone.join.nicknamePlaceholder': 'What should the class call you?',
  'phone.join.count': '{length, number} of {max, number} characters',
  'phone.join.countOver': '{length, number} of {max, number} characters: {over, plural, one {# too many} other {# too many}}',
  'phone.join.joining': 'Joining…',
  'phone.join.join': 'Join',
  'phone.join.otherCode': 'Another room code',
  'phone.join.tooLong': 'That is too long: a nickname has at most {max, number} characters. Shorten it.',
  'phone.join.control': 'A nickname cannot contain control characters.',
  'phone.join.empty': 'Pick a nickname with at least one letter or digit you can see.',
  'phone.join.taken': 'Someone in this room is already called “{nickname}”. Pick another name.',
  // The session is over.
  'phone.over.title': 'This session is over',
  'phone.over.text': 'Room {code} has ended. Thank you for playing!',
  'phone.over.replay': 'Watch the replay',
  'phone.over.noReplay': 'If the instructor shares the replay, its link appears here.',
  'phone.over.another': 'Join another room',
  'phone.over.short': 'This session is over. Thank you for playing!',
  // In the room.
  'phone.crashed.title': 'Your node has crashed',
  'phone.crashed.text': 'The instructor crashed it. It sends nothing and hears nothing until it is restarted. Keep this page open.',
  'phone.last.title': 'Round {index, number} is over',
  'phone.last.projector': '{game}: the results are on the projector.',
  'phone.last.yourNode': 'Your node at the end of the round',
  'phone.lobby.in': 'You are in, {nickname}!',
  'phone.lobby.count': '{count, plural, one {node} other {nodes}} in the room. Wait for the instructor to start a round.',
  'phone.lobby.late': 'A round of {game} is on. You joined after it started: you will play in the next one.',
  'phone.unknownGame': 'This phone does not know the game “{game}”. Reload the page.',
  'phone.autopilot': 'Autopilot',
  'phone.autopilot.help': 'The built-in bot plays your node while you watch.',
  'phone.footer.youPlay': 'You play as',
  'phone.leave': 'Leave',
  'phone.leave.confirm': 'Leave this room? You would join again as a new node.',
  'phone.loadingGame': 'Loading the game…',
  'phone.game.sandbox': 'Sandbox',
  'phone.game.election': 'Card leader election',
  'phone.game.gossip': 'Gossip',
  'phone.game.byzantine': 'Byzantine generals',
  'phone.game.cart': 'Split-brain cart',
  // Refusals the phone words itself (the others: the errors area).
  'phone.error.offline': 'Cannot reach the server. Check that you are on the class Wi-Fi, then try again.',
  'phone.error.timeout': 'The server did not answer in time. Check the Wi-Fi and try again.',
  'error.nickname_too_long': 'That is too long: a nickname has at most {max, number} characters. Shorten it.',
  'phone.error.ended': 'The instructor ended this session.',
  'phone.error.replaced': 'You opened this node on another screen.',
  // Choosing other nodes.
  'phone.picker.search': 'Search names',
  'phone.picker.searchPlaceholder': 'Search names…',
  'phone.picker.label': 'Choose nodes',
  'phone.picker.none': 'No name matches “{query}”.',
  'phone.picker.showing': 'Showing {shown, number} of {total, number}: search for a name.',
  'phone.someoneWhoLeft': 'someone who left',
  // Terms of art, one tap away.
  'phone.term.what': 'What does “{word}” mean?',
  'phone.term.term':
    'A term is the number of an election. Every new election starts a new term. A node votes at most once per term, and a node that sees a higher term than its own catches up and follows.',
  'phone.term.majority':
    'More than half of all the nodes in the round, counting the crashed and unreachable ones too. With 5 nodes a majority is 3; with 8 it is 5.',
  'phone.term.lamport':
    'A Lamport clock is a counter each node keeps: it goes up by one for everything the node does, and when a message arrives it jumps past the sender’s number. If one event caused another, the first has the smaller number.',
  'phone.term.vector':
    'A vector clock is one counter per node. Comparing two of them tells whether one event happened before the other, or whether they happened independently.',
  'phone.term.heartbeat':
    'A short “I am still the leader” message that the leader sends to everyone, again and again. While heartbeats keep coming, no follower starts an election.',
  'phone.term.commit':
    'A value is committed once a majority of the nodes have stored it. From then on it is never lost or changed, even if the leader crashes.',
  'phone.term.tally':
    'Your majority is what most of your messages say: your order, plus what each other lieutenant passed on. A message that never came counts as Retreat, and so does a tie.',
  'phone.term.relay':
    'Passing on to every other lieutenant what the commander told you, so that each lieutenant can compare what the others heard.',
  'phone.term.traitor':
    'A general who may lie, and may tell different people different things. Nobody knows who the traitors are: only a traitor’s own phone says so.',
  'phone.term.ic1': 'IC1 (agreement): every loyal lieutenant decides the same thing.',
  'phone.term.ic2': 'IC2 (validity): if the commander is loyal, every loyal lieutenant follows its order.',
  'phone.term.card':
    'Your playing card is your name in this round’s election: the other phones show your card. It decides nothing about who wins.',
  'phone.term.fanout': 'How many people each node that knows the rumour tells in each round.',
  'phone.term.rumour': 'A secret word that spreads from phone to phone, like gossip. Nobody sees it until someone who knows it tells them.',
  'phone.term.quorum':
    'A quorum is how many copies of the list must agree before a change counts. Here it is a majority: more than half of them. Two majorities always share at least one copy, so during a split at most one side can save changes.',
  'phone.term.lww':
    'Last writer wins: every change carries the time it was made. When two copies disagree about an item, the change with the later time is kept and the other one is thrown away, without warning anyone.',
  'phone.term.crdt':
    'A CRDT (conflict-free replicated data type) is data built so that copies can always be merged. Here each copy counts every phone’s additions and removals separately; merging adds them up, so no change is ever lost.',
  'phone.term.replica':
    'A replica is one copy of shared data. Every phone in this round keeps a replica of the same shopping list and sends its changes to the others. While the network is split, the replicas cannot hear each other and may differ.',
  'phone.term.partition':
    'A partition (a split) cuts the network in two: phones on one side cannot reach those on the other. The instructor makes one on purpose, then heals it, to show what each kind of list does.',
  'phone.autopilotNow': 'The autopilot plays for you: watch what it does.',
  // The sandbox (the warm-up round).
  'phone.sandbox.bot.hello': 'Hello from {name}!',
  'phone.sandbox.bot.echo': 'echo: {text}',
  'phone.sandbox.now': 'Send a message to someone: pick names, write, send. Watch your inbox for theirs.',
  'phone.sandbox.send': 'Send a message',
  'phone.sandbox.message': 'Message',
  'phone.sandbox.placeholder': 'Hello, neighbour!',
  'phone.sandbox.sendTo': 'Send to {count, number}',
  'phone.sandbox.sendNobody': 'Send to nobody yet',
  'phone.sandbox.sent': 'Sent to {names}. Will it arrive?',
  'phone.sandbox.inbox': 'Inbox ({count, number})',
  'phone.sandbox.empty': 'Nothing has reached you yet.',
  'phone.sandbox.took': 'took {ms, number} ms',
  'phone.sandbox.lamportWord': 'Lamport clock',
  'phone.sandbox.lamport': 'Lamport clock {clock, number}',
  'phone.sandbox.duplicate': 'a duplicate: the network delivered this twice',
  'phone.sandbox.recap':
    'You sent {sent, plural, one {# message} other {# messages}}; {received, plural, one {# message} other {# messages}} reached you.',
  'phone.sandbox.recapDups':
    '{dups, plural, one {# of them came twice: the network duplicated it.} other {# of them came twice: the network duplicated them.}}',
  'phone.cart.recap':
    'You made {attempted, plural, one {# change} other {# changes}}: {accepted, number} kept, {refused, number} refused. Your list ended with {items, plural, one {# item} other {# items}}.',
  'phone.sandbox.recapClass':
    'The class sent {sent, plural, one {# message} other {# messages}}{duplicated, plural, =0 {} one {, and the network made # extra copy} other {, and the network made # extra copies}}: {arrived, plural, other {# arrived}}, {dropped, plural, one {# was lost} other {# were lost}} on the way.',
  'phone.cart.recapClass':
    'The class made {changes, plural, one {# change} other {# changes}}: {mode, select, quorum {{kept, plural, other {# saved by a majority}}, {refused, plural, other {# refused}}} lww {{kept, plural, other {# kept}}, {lost, plural, other {# lost (overwritten by another change)}}, {refused, plural, other {# refused}}} other {{kept, plural, other {# merged and kept}}, none lost, {refused, plural, other {# refused}}}}{pending, plural, =0 {} other {, # still waiting when the round ended}}.',
} as const;

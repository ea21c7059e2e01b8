import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'phone.title.inRoom': '{nickname} — salle {code}',
  'phone.title.joinCode': 'Rejoindre {code}',
  'phone.title.join': 'Rejoindre une salle — {app}',
  'phone.noscript': 'Human Cluster a besoin de JavaScript pour fonctionner dans ce navigateur.',
  'phone.banner.reconnecting': 'Reconnexion… vous gardez votre place.',
  'phone.banner.paused': 'L’enseignant a mis le réseau en pause : les messages attendent.',
  'phone.resuming': 'Récupération de votre place…',
  'phone.roomLabel': 'Salle',
  'phone.join.title': 'Rejoindre le cluster',
  'phone.join.step1': 'Étape 1 sur 2 : le code affiché au tableau.',
  'phone.join.codeLabel': 'Code de la salle',
  'phone.join.checking': 'Vérification…',
  'phone.join.next': 'Suivant',
  'phone.join.connecting': 'Connexion au serveur…',
  'phone.join.badCode': 'Un code de salle a 5 lettres et chiffres, comme K7QX3.',
  'phone.join.unknownRoom': 'Il n’y a pas de salle {code}. Vérifiez le code au tableau.',
  'phone.join.locked': 'La salle {code} est verrouillée : l’enseignant ne laisse plus entrer personne.',
  'phone.join.full': 'La salle {code} est pleine.',
  'phone.join.takeOver': 'Jouer sur cet écran',
  'phone.join.roomTitle': 'Rejoindre la salle {code}',
  'phone.join.step2': 'Étape 2 sur 2 : le nom que verra la classe.',
  'phone.join.nicknameLabel': 'Pseudo',
  'phone.join.nicknamePlaceholder': 'Comment la classe doit-elle vous appeler ?',
  'phone.join.count': '{length, number} caractères sur {max, number}',
  'phone.join.countOver': '{length, number} caractères sur {max, number} : {over, plural, one {# de trop} other {# de trop}}',
  'phone.join.joining': 'Connexion…',
  'phone.join.join': 'Rejoindre',
  'phone.join.otherCode': 'Un autre code de salle',
  'phone.join.tooLong': 'C’est trop long : un pseudo a au plus {max, number} caractères. Raccourcissez-le.',
  'phone.join.control': 'Un pseudo ne peut pas contenir de caractères de contrôle.',
  'phone.join.empty': 'Choisissez un pseudo avec au moins une lettre ou un chiffre visible.',
  'phone.join.taken': 'Quelqu’un dans cette salle s’appelle déjà « {nickname} ». Choisissez un autre nom.',
  'phone.over.title': 'Cette séance est terminée',
  'phone.over.text': 'La salle {code} est fermée. Merci d’avoir joué !',
  'phone.over.replay': 'Voir la rediffusion',
  'phone.over.noReplay': 'Si l’enseignant partage la rediffusion, son lien apparaîtra ici.',
  'phone.over.another': 'Rejoindre une autre salle',
  'phone.over.short': 'Cette séance est terminée. Merci d’avoir joué !',
  'phone.crashed.title': 'Votre nœud est en panne',
  'phone.crashed.text':
    'L’enseignant l’a mis en panne. Il n’envoie et n’entend plus rien jusqu’à son redémarrage. Gardez cette page ouverte.',
  'phone.last.title': 'La manche {index, number} est terminée',
  'phone.last.projector': '{game} : les résultats sont au tableau.',
  'phone.last.yourNode': 'Votre nœud à la fin de la manche',
  'phone.lobby.in': 'Vous y êtes, {nickname} !',
  'phone.lobby.count': '{count, plural, one {nœud} other {nœuds}} dans la salle. Attendez que l’enseignant lance une manche.',
  'phone.lobby.late': 'Une manche de {game} est en cours. Vous l’avez rejointe après son début : vous jouerez à la suivante.',
  'phone.unknownGame': 'Ce téléphone ne connaît pas le jeu « {game} ». Rechargez la page.',
  'phone.autopilot': 'Pilote automatique',
  'phone.autopilot.help': 'Le robot intégré joue votre nœud pendant que vous regardez.',
  'phone.footer.youPlay': 'Vous jouez en tant que',
  'phone.leave': 'Quitter',
  'phone.leave.confirm': 'Quitter cette salle ? Vous reviendriez comme un nouveau nœud.',
  'phone.loadingGame': 'Chargement du jeu…',
  'phone.game.sandbox': 'Bac à sable',
  'phone.game.election': 'Élection de leader avec des cartes',
  'phone.game.gossip': 'Commérage',
  'phone.game.byzantine': 'Généraux byzantins',
  'phone.game.cart': 'Panier à cerveau divisé',
  'phone.error.offline': 'Impossible de joindre le serveur. Vérifiez que vous êtes sur le Wi-Fi de la classe, puis réessayez.',
  'phone.error.timeout': 'Le serveur n’a pas répondu à temps. Vérifiez le Wi-Fi et réessayez.',
  'error.nickname_too_long': 'C’est trop long : un pseudo a au plus {max, number} caractères. Raccourcissez-le.',
  'phone.error.ended': 'L’enseignant a terminé cette séance.',
  'phone.error.replaced': 'Vous avez ouvert ce nœud sur un autre écran.',
  'phone.picker.search': 'Chercher un nom',
  'phone.picker.searchPlaceholder': 'Chercher un nom…',
  'phone.picker.label': 'Choisir des nœuds',
  'phone.picker.none': 'Aucun nom ne correspond à « {query} ».',
  'phone.picker.showing': '{shown, number} affichés sur {total, number} : cherchez un nom.',
  'phone.someoneWhoLeft': 'quelqu’un qui est parti',
  'phone.term.what': 'Que veut dire « {word} » ?',
  'phone.term.term':
    'Un mandat est le numéro d’une élection. Chaque nouvelle élection ouvre un nouveau mandat. Un nœud vote au plus une fois par mandat, et un nœud qui voit un mandat plus élevé que le sien le rattrape et suit.',
  'phone.term.majority':
    'Plus de la moitié de tous les nœuds de la manche, en comptant aussi ceux qui sont en panne ou injoignables. Avec 5 nœuds, la majorité est 3 ; avec 8, c’est 5.',
  'phone.term.lamport':
    'Une horloge de Lamport est un compteur que tient chaque nœud : il augmente de un à chaque action du nœud et, quand un message arrive, il saute au-delà du nombre de l’expéditeur. Si un événement en a causé un autre, le premier a le plus petit nombre.',
  'phone.term.vector':
    'Une horloge vectorielle est un compteur par nœud. En comparer deux dit si un événement a eu lieu avant l’autre, ou s’ils ont eu lieu indépendamment.',
  'phone.term.heartbeat':
    'Un court message « je suis toujours le leader » que le leader envoie à tous, encore et encore. Tant que les battements de cœur arrivent, aucun suiveur ne lance d’élection.',
  'phone.term.commit':
    'Une valeur est validée dès qu’une majorité des nœuds l’a enregistrée. Ensuite elle n’est jamais perdue ni changée, même si le leader tombe en panne.',
  'phone.term.tally':
    'Votre majorité, c’est ce que disent la plupart de vos messages : votre ordre, plus ce que chaque autre lieutenant vous a transmis. Un message jamais arrivé compte comme Retraite, une égalité aussi.',
  'phone.term.relay':
    'Transmettre à chaque autre lieutenant ce que le commandant vous a dit, pour que chaque lieutenant puisse comparer ce que les autres ont entendu.',
  'phone.term.traitor':
    'Un général qui peut mentir, et dire des choses différentes à des personnes différentes. Personne ne sait qui sont les traîtres : seul le téléphone d’un traître le dit.',
  'phone.term.ic1': 'IC1 (accord) : tous les lieutenants loyaux décident la même chose.',
  'phone.term.ic2': 'IC2 (validité) : si le commandant est loyal, tous les lieutenants loyaux suivent son ordre.',
  'phone.term.card':
    'Votre carte est votre nom dans l’élection de cette manche : les autres téléphones affichent votre carte. Elle ne décide rien de qui gagne.',
  'phone.term.fanout': 'À combien de personnes chaque nœud qui connaît la rumeur la transmet à chaque tour.',
  'phone.term.rumour':
    'Un mot secret qui passe de téléphone en téléphone, comme un commérage. Personne ne le voit avant qu’on le lui dise.',
  'phone.term.quorum':
    'Un quorum, c’est le nombre de copies de la liste qui doivent être d’accord pour qu’un changement compte. Ici, c’est une majorité : plus de la moitié. Deux majorités ont toujours au moins une copie en commun : pendant une partition, un seul côté au plus peut enregistrer des changements.',
  'phone.term.lww':
    '« Le dernier écrivain gagne » : chaque changement porte l’heure à laquelle il a été fait. Quand deux copies ne sont pas d’accord sur un article, on garde le changement le plus tardif et l’autre est effacé, sans prévenir personne.',
  'phone.term.crdt':
    'Un CRDT (type de données répliqué sans conflit) est une donnée conçue pour que les copies puissent toujours être fusionnées. Ici, chaque copie compte à part les ajouts et les retraits de chaque téléphone ; la fusion les additionne, donc aucun changement n’est perdu.',
  'phone.term.replica':
    'Une réplique est une copie de données partagées. Chaque téléphone de cette manche garde une réplique de la même liste de courses et envoie ses changements aux autres. Tant que le réseau est coupé, les répliques ne s’entendent pas et peuvent différer.',
  'phone.term.partition':
    'Une partition coupe le réseau en deux : les téléphones d’un côté ne peuvent pas joindre ceux de l’autre. L’enseignant en crée une exprès, puis la répare, pour montrer ce que fait chaque sorte de liste.',
  'phone.autopilotNow': 'Le pilote automatique joue pour vous : regardez ce qu’il fait.',
  'phone.sandbox.bot.hello': 'Bonjour de la part de {name} !',
  'phone.sandbox.bot.echo': 'écho : {text}',
  'phone.sandbox.now': 'Envoyez un message à quelqu’un : choisissez des noms, écrivez, envoyez. Guettez les leurs dans votre boîte.',
  'phone.sandbox.send': 'Envoyer un message',
  'phone.sandbox.message': 'Message',
  'phone.sandbox.placeholder': 'Bonjour, voisin !',
  'phone.sandbox.sendTo': 'Envoyer à {count, number}',
  'phone.sandbox.sendNobody': 'Aucun destinataire pour l’instant',
  'phone.sandbox.sent': 'Envoyé à {names}. Arrivera-t-il ?',
  'phone.sandbox.inbox': 'Boîte de réception ({count, number})',
  'phone.sandbox.empty': 'Rien ne vous est encore parvenu.',
  'phone.sandbox.took': 'a mis {ms, number} ms',
  'phone.sandbox.lamportWord': 'horloge de Lamport',
  'phone.sandbox.lamport': 'horloge de Lamport {clock, number}',
  'phone.sandbox.duplicate': 'un doublon : le réseau l’a livré deux fois',
  'phone.sandbox.recap':
    'Vous avez envoyé {sent, plural, one {# message} other {# messages}} ; {received, plural, one {# message vous est parvenu} other {# messages vous sont parvenus}}.',
  'phone.sandbox.recapDups':
    '{dups, plural, one {# est arrivé en double : le réseau l’a dupliqué.} other {# sont arrivés en double : le réseau les a dupliqués.}}',
  'phone.cart.recap':
    'Vous avez fait {attempted, plural, one {# modification} other {# modifications}} : {accepted, number} gardées, {refused, number} refusées. Votre liste a fini avec {items, plural, one {# article} other {# articles}}.',
  'phone.sandbox.recapClass':
    'La classe a envoyé {sent, plural, one {# message} other {# messages}}{duplicated, plural, =0 {} one {, et le réseau en a fait # copie en plus} other {, et le réseau en a fait # copies en plus}} : {arrived, plural, one {# est arrivé} other {# sont arrivés}}, {dropped, plural, one {# s’est perdu} other {# se sont perdus}} en route.',
  'phone.cart.recapClass':
    'La classe a fait {changes, plural, one {# modification} other {# modifications}} : {mode, select, quorum {{kept, plural, one {# enregistrée} other {# enregistrées}} par une majorité, {refused, plural, one {# refusée} other {# refusées}}} lww {{kept, plural, one {# gardée} other {# gardées}}, {lost, plural, one {# perdue (écrasée par une autre modification)} other {# perdues (écrasées par d’autres modifications)}}, {refused, plural, one {# refusée} other {# refusées}}} other {{kept, plural, one {# fusionnée et gardée} other {# fusionnées et gardées}}, aucune perdue, {refused, plural, one {# refusée} other {# refusées}}}}{pending, plural, =0 {} other {, # encore en attente à la fin de la manche}}.',
} as const satisfies Translation<typeof en>;

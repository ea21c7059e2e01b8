// Les messages du panier à cerveau divisé (français). Voir ../../README.md.
export default {
  'cart.item.apples': 'pommes',
  'cart.item.bread': 'pain',
  'cart.item.cheese': 'fromage',
  'cart.item.juice': 'jus',
  'cart.item.pizza': 'pizza',
  'cart.item.cake': 'gâteau',

  'cart.mode.quorum': 'Quorum majoritaire',
  'cart.mode.quorum.text':
    'Une modification ne compte qu’une fois acceptée par une majorité des listes. Coupé de la majorité, vous ne pouvez rien changer.',
  'cart.mode.lww': 'Le dernier écrivain gagne',
  'cart.mode.lww.text':
    'Votre modification est enregistrée tout de suite sur votre téléphone. Quand deux modifications d’un article se heurtent, la plus récente gagne et l’autre est perdue.',
  'cart.mode.crdt': 'CRDT',
  'cart.mode.crdt.text':
    'Votre modification est enregistrée tout de suite sur votre téléphone. Les ajouts et retraits de chacun sont comptés à part puis additionnés : rien n’est perdu.',

  'cart.write.saving':
    'Enregistrement… {votes, number} listes sur {n, number} d’accord pour l’instant (la majorité est de {needed, number}).',
  'cart.write.saved.quorum': 'Enregistré : {votes, number} listes sur {n, number} ont accepté.',
  'cart.write.saved.local':
    'Enregistré sur votre téléphone ; {seen, plural, =0 {les autres ne l’ont pas encore vu} one {vu par # des {others, number} autres pour l’instant} other {vu par # des {others, number} autres pour l’instant}}.',
  'cart.write.overwritten':
    'Enregistré sur votre téléphone, puis écrasé par un changement plus tardif quand les listes se sont retrouvées : voir plus bas.',
  'cart.write.refused.noMajority': 'Refusé : pas de majorité.',
  'cart.write.refused.noMajority.count':
    'Refusé : seulement {votes, plural, one {# liste sur {n, number} a accepté} other {# listes sur {n, number} ont accepté}}, et la majorité est de {needed, number}. Vous êtes sans doute coupé des autres.',
  'cart.write.refused.behind': 'Refusé : votre liste était en retard sur les autres. Elle s’est mise à jour : touchez à nouveau.',
  'cart.write.refused.conflict':
    'Refusé : la modification de quelqu’un d’autre sur cet article a été enregistrée avant. Touchez à nouveau.',

  'cart.change.overwrote':
    'Dans votre liste, {item} est passé de {from, number} à {to, number} : la modification de {by} était plus récente, et le {delta} de {lost} a été écrasé.',
  'cart.change.overwroteYours':
    'Dans votre liste, {item} est passé de {from, number} à {to, number} : la modification de {by} était plus récente, et votre {delta} a été écrasé.',
  'cart.change.update': 'Dans votre liste, {item} est passé de {from, number} à {to, number} (modification de {by}).',
  'cart.change.merged': 'Dans votre liste, {item} est passé de {from, number} à {to, number} : les modifications de {by} ont été ajoutées.',
  'cart.change.saved':
    'Dans votre liste, {item} est passé de {from, number} à {to, number} : une majorité a enregistré la modification de {by}.',
  'cart.change.caughtUp': 'Dans votre liste, {item} est passé de {from, number} à {to, number} : elle a rattrapé la majorité.',
  'cart.lost.line': 'Le {delta} {item} de {node} {writes, plural, one {a été écrasé} other {ont été écrasés}} par le {byDelta} de {by}.',
  'cart.ms': '{ms, number} ms',
  'cart.seconds': '{s, number} s',

  'cart.phone.title': 'Votre copie de la liste de courses',
  'cart.phone.last': 'Votre dernière modification, {delta} {item} :',
  'cart.phone.autopilot': 'Le pilote automatique fait les courses pour vous. Désactivez-le ci-dessous pour toucher vous-même.',
  'cart.phone.over': 'La manche de courses est terminée.',
  'cart.phone.changes': 'Ce que les autres ont changé dans votre liste',
  'cart.phone.mine': 'Vos modifications : {attempted, number} touchées, {accepted, number} enregistrées, {refused, number} refusées.',
  'cart.phone.savingShort': 'enregistrement…',
  'cart.phone.remove': 'Un de moins : {item}',
  'cart.phone.add': 'Un de plus : {item}',
  'cart.phone.qty': '{item} : {qty, number}',

  'cart.now.quorum':
    'Touchez + ou − pour changer la liste. Un changement ne compte que si {majority, number} des {n, number} listes sont d’accord.',
  'cart.now.local': 'Touchez + ou − pour changer la liste. Votre téléphone l’enregistre tout de suite et l’envoie aux autres.',
  'cart.now.wait': 'Patientez : les autres listes répondent à votre changement.',
  'cart.phone.modeLabel': 'Comment marchent les listes dans cette manche',
  'cart.phone.split.quorum':
    'Pendant une partition, seul le côté qui a la majorité peut changer la liste ; les changements de l’autre côté sont refusés.',
  'cart.phone.split.lww':
    'Pendant une partition, les deux côtés continuent de changer leur liste. Une fois le réseau réparé, le changement le plus tardif de chaque article gagne et l’autre est perdu.',
  'cart.phone.split.crdt':
    'Pendant une partition, les deux côtés continuent de changer leur liste. Une fois le réseau réparé, tous les changements s’additionnent : rien n’est perdu.',
  'cart.phone.splitWord': 'partition',
  'cart.phone.replica': 'Chaque téléphone garde sa propre copie de la liste : une réplique.',
  'cart.phone.replicaWord': 'réplique',
  'cart.console.mode': 'Mode',
  'cart.console.majority': 'une modification demande {majority, number} listes sur {n, number}',
  'cart.console.lists': 'Listes',
  'cart.console.agree': 'les {live, number} listes actives concordent',
  'cart.console.differ': '{distinct, number} listes différentes parmi {live, number} actives',
  'cart.console.network': 'Réseau',
  'cart.console.split': 'Partitionné',
  'cart.console.whole': 'Entier',
  'cart.look.summary.writes': '{mode} : {accepted, number} écritures acceptées sur {attempted, number}',
  'cart.look.summary.split': '{accepted, number} sur {attempted, number} pendant la partition',
  'cart.look.summary.lost': '{count, plural, one {# mise à jour perdue} other {# mises à jour perdues}}',
  'cart.look.summary.agreedAfter': 'les listes ont concordé {after} après la réparation',
  'cart.look.summary.agree': 'les listes concordent',
  'cart.look.summary.differ': 'les listes divergent encore',
  'cart.console.convergedAfter': 'les listes ont concordé {after} après la réparation',
  'cart.console.converging': 'réseau réparé : les listes se mettent encore à jour',
  'cart.console.writes': 'Modifications touchées',
  'cart.console.totals': '{accepted, number} enregistrées, {refused, number} refusées, {pending, number} en attente',
  'cart.console.lostCount': '{lost, number} perdues',
  'cart.console.sides': 'Chaque côté de la partition',
  'cart.console.sidesLast': 'Chaque côté de la dernière partition',
  'cart.console.side': 'Côté {group} :',
  'cart.console.sideCounts': '{attempted, number} touchées, {accepted, number} enregistrées, {refused, number} refusées',
  'cart.console.replicas': 'Toutes les listes, côte à côte',
  'cart.console.replica': 'Réplique',
  'cart.console.state': 'Liste',
  'cart.console.majorityList': 'La plupart des listes ({holders, number} sur {live, number})',
  'cart.console.down': '(en panne)',
  'cart.console.waiting': '({pending, number} en attente)',
  'cart.console.more': 'et {more, number} autres (sur la carte)',
  'cart.console.lost': 'Mises à jour perdues ({lost, number})',
  'cart.console.recent': 'Dernières modifications',
  'cart.console.recentLine': '{node} {delta} {item} (côté {group})',
  'cart.console.stateMajority': 'la liste que détiennent la plupart des répliques',
  'cart.console.stateOther': 'une autre liste ({letter})',
  'cart.status.pending': 'attend une majorité',
  'cart.status.accepted': 'enregistrée',
  'cart.status.overwritten': 'enregistrée, puis écrasée',

  'cart.stage.agree': '✓ toutes concordent',
  'cart.stage.differ': '≠ {distinct, number} différentes',
  'cart.stage.savedDuringSplit': 'Enregistrées pendant la partition',
  'cart.stage.ofN': '{accepted, number} sur {attempted, number}',
  'cart.stage.most': 'La plupart des listes ({count, number})',
  'cart.stage.andMore': 'et {more, number} autres',
  'cart.stage.sideSaved': '{accepted, number} enregistrées sur {attempted, number}',
  'cart.stage.converged': '✓ Toutes les listes concordent de nouveau, {after} après la réparation.',

  'cart.debrief.title': 'Bilan : les modes côte à côte',
  'cart.debrief.empty': 'Les manches du panier terminées s’affichent ici : jouez une manche dans chaque mode avec la même partition.',
  'cart.debrief.round': 'Manche',
  'cart.debrief.mode': 'Mode',
  'cart.debrief.availability': 'Enregistrées pendant la partition',
  'cart.debrief.refused': 'Refusées',
  'cart.debrief.lost': 'Mises à jour perdues',
  'cart.debrief.converge': 'Concordance après réparation',
  'cart.debrief.noSplit': 'pas de partition',
  'cart.debrief.availabilityValue': '{pct} ({accepted, number} sur {attempted, number})',
  'cart.debrief.notConverged': 'jamais',
  'cart.debrief.noHeal': 'pas de réparation',

  'cart.config.label': 'Réglages du panier',
  'cart.config.mode': 'Comment les listes répondent à une partition',
  'cart.config.majority': 'Avec {n, number} nœuds, la majorité est de {majority, number}.',
  'cart.config.more': 'Plus de réglages',
  'cart.config.sync': 'Échange des listes toutes les (secondes)',
  'cart.config.timeout': 'Une modification au quorum attend (secondes)',
  'cart.config.duration': 'Durée de la manche (minutes)',
  'cart.config.botEvery': 'Le pilote automatique touche toutes les (secondes)',
  'cart.config.botJitter': '…plus jusqu’à (secondes)',
  'cart.config.range': 'De {min, number} à {max, number}. On garde {value, number}.',

  'cart.result.convergedAfter': '{mode} : toutes les listes actives ont concordé, {after} après la réparation.',
  'cart.result.converged': '{mode} : toutes les listes actives concordaient à la fin.',
  'cart.result.diverged': '{mode} : les listes diffèrent encore ({distinct, number} différentes parmi {live, number} actives).',
  'cart.result.writes':
    'Modifications touchées : {attempted, number} ; enregistrées {accepted, number}, refusées {refused, number}, encore en attente {pending, number}.',
  'cart.result.availability':
    'Pendant la partition, {pct} des modifications ont été enregistrées ({accepted, number} sur {attempted, number}).',
  'cart.result.refusedBy': '{count, plural, one {# refusée :} other {# refusées :}}',
  'cart.result.lost':
    '{lost, plural, =0 {Aucune mise à jour perdue.} one {# mise à jour perdue : écrasée par une plus récente.} other {# mises à jour perdues : écrasées par de plus récentes.}}',
  'cart.result.noneLost': '{mode} ne perd aucune modification enregistrée.',
  'cart.result.negative': 'Sous zéro : {items} (les deux côtés ont pris le dernier).',
  'cart.result.final': 'La liste que détiennent la plupart des répliques',

  'error.cart.game_over': 'La manche de courses est terminée : attendez la suivante.',
  'error.cart.nothing_to_remove':
    'Votre liste n’a pas de {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} à retirer.',
  'error.cart.still_saving':
    'Votre dernière modification de {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} attend encore une majorité.',
  'error.cart.voted_elsewhere':
    'Votre liste a déjà accepté la modification de {node} sur {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} : attendez qu’elle soit enregistrée ou abandonnée.',

  'notice.cart.mark.proposed':
    '{node} demande à une majorité d’enregistrer {delta, plural, =1 {+1} other {−1}} {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}}',
  'notice.cart.mark.accepted':
    '{node} a enregistré {delta, plural, =1 {+1} other {−1}} {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} sur sa propre liste',
  'notice.cart.mark.saved':
    'Une majorité a enregistré le {delta, plural, =1 {+1} other {−1}} {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} de {node} (version {version, number}, {votes, number} sur {n, number})',
  'notice.cart.mark.refused':
    'Le {delta, plural, =1 {+1} other {−1}} {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} de {node} a été refusé ({reason, select, behind {liste en retard} conflict {une autre modification avant} other {pas de majorité}} : {votes, number} sur {n, number}, il en faut {needed, number})',
  'notice.cart.mark.overwritten':
    'Le {delta, number, ::sign-always} {item, select, apples {pommes} bread {pain} cheese {fromage} juice {jus} pizza {pizza} other {gâteau}} de {lost} écrasé par la modification plus récente de {by} ({count, plural, one {# écriture perdue} other {# écritures perdues}})',
  'notice.cart.mark.converged':
    '{afterMs, select, none {Toutes les listes actives concordent} other {Toutes les listes actives concordent, {afterMs} ms après la réparation}}',
  'notice.cart.mark.split': 'Le réseau est partitionné',
  'notice.cart.mark.healed': 'Le réseau est de nouveau entier',
  // The game picker’s line, and the message kinds by the protocol’s own short names (the same in every language)
  'cart.look.blurb':
    'Panier à cerveau divisé : chaque téléphone est une copie de la liste de courses. Coupez la classe en deux et comparez le quorum majoritaire, « le dernier qui écrit gagne » et un CRDT.',
  'cart.look.kind.write': 'write',
  'cart.look.kind.seen': 'seen',
  'cart.look.kind.sync': 'sync',
  'cart.look.kind.propose': 'propose',
  'cart.look.kind.vote': 'vote',
  'cart.look.kind.commit': 'commit',
  'cart.look.kind.abort': 'abort',
} as const;

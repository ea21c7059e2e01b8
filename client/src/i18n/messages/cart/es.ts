// Los mensajes del carrito con cerebro dividido (español). Ver ../../README.md.
export default {
  'cart.item.apples': 'manzanas',
  'cart.item.bread': 'pan',
  'cart.item.cheese': 'queso',
  'cart.item.juice': 'zumo',
  'cart.item.pizza': 'pizza',
  'cart.item.cake': 'tarta',

  'cart.mode.quorum': 'Quórum de mayoría',
  'cart.mode.quorum.text':
    'Un cambio solo cuenta cuando una mayoría de las listas lo acepta. Si estás aislado de la mayoría, no puedes cambiar nada.',
  'cart.mode.lww': 'Gana la última escritura',
  'cart.mode.lww.text':
    'Tu cambio se guarda al instante en tu móvil. Cuando dos cambios de un artículo chocan, gana el más reciente y el otro se pierde.',
  'cart.mode.crdt': 'CRDT',
  'cart.mode.crdt.text':
    'Tu cambio se guarda al instante en tu móvil. Las altas y bajas de cada uno se cuentan por separado y se suman: no se pierde nada.',

  'cart.write.saving': 'Guardando… {votes, number} de {n, number} listas lo aceptan por ahora (la mayoría es {needed, number}).',
  'cart.write.saved.quorum': 'Guardado: {votes, number} de {n, number} listas lo aceptaron.',
  'cart.write.saved.local':
    'Guardado en tu móvil; {seen, plural, =0 {los demás aún no lo han visto} one {lo ha visto # de los {others, number} demás por ahora} other {lo han visto # de los {others, number} demás por ahora}}.',
  'cart.write.overwritten':
    'Guardado en tu teléfono y luego sobrescrito por un cambio posterior cuando las listas se juntaron: mira abajo.',
  'cart.write.refused.noMajority': 'Rechazado: no hubo mayoría.',
  'cart.write.refused.noMajority.count':
    'Rechazado: solo {votes, plural, one {# de {n, number} listas lo aceptó} other {# de {n, number} listas lo aceptaron}}, y la mayoría es {needed, number}. Seguramente estás aislado de los demás.',
  'cart.write.refused.behind': 'Rechazado: tu lista iba por detrás de las demás. Ya se ha puesto al día: vuelve a tocar.',
  'cart.write.refused.conflict': 'Rechazado: otro cambio de este artículo se guardó antes. Vuelve a tocar.',

  'cart.change.overwrote':
    'En tu lista, {item} pasó de {from, number} a {to, number}: el cambio de {by} fue posterior y el {delta} de {lost} se sobrescribió.',
  'cart.change.overwroteYours':
    'En tu lista, {item} pasó de {from, number} a {to, number}: el cambio de {by} fue posterior y tu {delta} se sobrescribió.',
  'cart.change.update': 'En tu lista, {item} pasó de {from, number} a {to, number} (cambio de {by}).',
  'cart.change.merged': 'En tu lista, {item} pasó de {from, number} a {to, number}: se sumaron los cambios de {by}.',
  'cart.change.saved': 'En tu lista, {item} pasó de {from, number} a {to, number}: una mayoría guardó el cambio de {by}.',
  'cart.change.caughtUp': 'En tu lista, {item} pasó de {from, number} a {to, number}: se puso al día con la mayoría.',
  'cart.lost.line':
    'El {delta} de {item} de {node} {writes, plural, one {fue sobrescrito} other {fueron sobrescritos}} por el {byDelta} de {by}.',
  'cart.ms': '{ms, number} ms',
  'cart.seconds': '{s, number} s',

  'cart.phone.title': 'Tu copia de la lista de la compra',
  'cart.phone.last': 'Tu último cambio, {delta} {item}:',
  'cart.phone.autopilot': 'El piloto automático compra por ti. Desactívalo abajo para tocar tú.',
  'cart.phone.over': 'La ronda de compras ha terminado.',
  'cart.phone.changes': 'Lo que otros cambiaron en tu lista',
  'cart.phone.mine': 'Tus cambios: {attempted, number} tocados, {accepted, number} guardados, {refused, number} rechazados.',
  'cart.phone.savingShort': 'guardando…',
  'cart.phone.remove': 'Uno menos: {item}',
  'cart.phone.add': 'Uno más: {item}',
  'cart.phone.qty': '{item}: {qty, number}',

  'cart.now.quorum':
    'Toca + o − para cambiar la lista. Un cambio solo cuenta cuando {majority, number} de las {n, number} listas están de acuerdo.',
  'cart.now.local': 'Toca + o − para cambiar la lista. Tu teléfono lo guarda al momento y se lo envía a los demás.',
  'cart.now.wait': 'Espera: las otras listas están respondiendo a tu cambio.',
  'cart.phone.modeLabel': 'Cómo funcionan las listas en esta ronda',
  'cart.phone.split.quorum':
    'Durante una partición, solo el lado con mayoría puede cambiar la lista; al otro lado se le rechazan los cambios.',
  'cart.phone.split.lww':
    'Durante una partición, los dos lados siguen cambiando sus listas. Cuando se repara, gana el cambio más tardío de cada artículo y el otro se pierde.',
  'cart.phone.split.crdt':
    'Durante una partición, los dos lados siguen cambiando sus listas. Cuando se repara, se suman todos los cambios: no se pierde nada.',
  'cart.phone.splitWord': 'partición',
  'cart.phone.replica': 'Cada teléfono guarda su propia copia de la lista: una réplica.',
  'cart.phone.replicaWord': 'réplica',
  'cart.console.mode': 'Modo',
  'cart.console.majority': 'un cambio necesita {majority, number} de {n, number} listas',
  'cart.console.lists': 'Listas',
  'cart.console.agree': 'las {live, number} listas activas coinciden',
  'cart.console.differ': '{distinct, number} listas distintas entre {live, number} activas',
  'cart.console.network': 'Red',
  'cart.console.split': 'Dividida',
  'cart.console.whole': 'Entera',
  'cart.look.summary.writes': '{mode}: {accepted, number} de {attempted, number} escrituras aceptadas',
  'cart.look.summary.split': '{accepted, number} de {attempted, number} durante la partición',
  'cart.look.summary.lost': '{count, plural, one {# actualización perdida} other {# actualizaciones perdidas}}',
  'cart.look.summary.agreedAfter': 'las listas coincidieron {after} después de reparar la red',
  'cart.look.summary.agree': 'las listas coinciden',
  'cart.look.summary.differ': 'las listas aún difieren',
  'cart.console.convergedAfter': 'las listas coincidieron {after} después de reparar la red',
  'cart.console.converging': 'red reparada: las listas aún se están poniendo al día',
  'cart.console.writes': 'Cambios tocados',
  'cart.console.totals': '{accepted, number} guardados, {refused, number} rechazados, {pending, number} en espera',
  'cart.console.lostCount': '{lost, number} perdidos',
  'cart.console.sides': 'Cada lado de la partición',
  'cart.console.sidesLast': 'Cada lado de la última partición',
  'cart.console.side': 'Lado {group}:',
  'cart.console.sideCounts': '{attempted, number} tocados, {accepted, number} guardados, {refused, number} rechazados',
  'cart.console.replicas': 'Todas las listas, una al lado de otra',
  'cart.console.replica': 'Réplica',
  'cart.console.state': 'Lista',
  'cart.console.majorityList': 'La mayoría de las listas ({holders, number} de {live, number})',
  'cart.console.down': '(caída)',
  'cart.console.waiting': '({pending, number} en espera)',
  'cart.console.more': 'y {more, number} más (en el mapa)',
  'cart.console.lost': 'Actualizaciones perdidas ({lost, number})',
  'cart.console.recent': 'Últimos cambios',
  'cart.console.recentLine': '{node} {delta} {item} (lado {group})',
  'cart.console.stateMajority': 'la lista que tienen la mayoría de las réplicas',
  'cart.console.stateOther': 'otra lista ({letter})',
  'cart.status.pending': 'esperando a una mayoría',
  'cart.status.accepted': 'guardado',
  'cart.status.overwritten': 'guardado y luego sobrescrito',

  'cart.stage.agree': '✓ todas coinciden',
  'cart.stage.differ': '≠ {distinct, number} distintas',
  'cart.stage.savedDuringSplit': 'Guardados durante la partición',
  'cart.stage.ofN': '{accepted, number} de {attempted, number}',
  'cart.stage.most': 'La mayoría de las listas ({count, number})',
  'cart.stage.andMore': 'y {more, number} más',
  'cart.stage.sideSaved': '{accepted, number} de {attempted, number} guardados',
  'cart.stage.converged': '✓ Todas las listas vuelven a coincidir, {after} después de reparar la red.',

  'cart.debrief.title': 'Puesta en común: los modos comparados',
  'cart.debrief.empty': 'Aquí aparecen las rondas del carrito terminadas: juega una ronda en cada modo con la misma partición.',
  'cart.debrief.round': 'Ronda',
  'cart.debrief.mode': 'Modo',
  'cart.debrief.availability': 'Guardados durante la partición',
  'cart.debrief.refused': 'Rechazados',
  'cart.debrief.lost': 'Actualizaciones perdidas',
  'cart.debrief.converge': 'Coincidencia tras reparar',
  'cart.debrief.noSplit': 'sin partición',
  'cart.debrief.availabilityValue': '{pct} ({accepted, number} de {attempted, number})',
  'cart.debrief.notConverged': 'nunca',
  'cart.debrief.noHeal': 'sin reparación',

  'cart.config.label': 'Ajustes del carrito',
  'cart.config.mode': 'Cómo responden las listas a una partición',
  'cart.config.majority': 'Con {n, number} nodos la mayoría es {majority, number}.',
  'cart.config.more': 'Más ajustes',
  'cart.config.sync': 'Las listas se intercambian cada (segundos)',
  'cart.config.timeout': 'Un cambio con quórum espera (segundos)',
  'cart.config.duration': 'Duración de la ronda (minutos)',
  'cart.config.botEvery': 'El piloto automático toca cada (segundos)',
  'cart.config.botJitter': '…más hasta (segundos)',
  'cart.config.range': 'De {min, number} a {max, number}. Se mantiene {value, number}.',

  'cart.result.convergedAfter': '{mode}: todas las listas activas coincidieron, {after} después de reparar la red.',
  'cart.result.converged': '{mode}: todas las listas activas coincidían al final.',
  'cart.result.diverged': '{mode}: las listas siguen siendo distintas ({distinct, number} distintas entre {live, number} activas).',
  'cart.result.writes':
    'Cambios tocados: {attempted, number}; guardados {accepted, number}, rechazados {refused, number}, aún en espera {pending, number}.',
  'cart.result.availability': 'Durante la partición se guardó el {pct} de los cambios ({accepted, number} de {attempted, number}).',
  'cart.result.refusedBy': '{count, plural, one {# rechazado:} other {# rechazados:}}',
  'cart.result.lost':
    '{lost, plural, =0 {No se perdió ninguna actualización.} one {Se perdió # actualización: la sobrescribió otra posterior.} other {Se perdieron # actualizaciones: las sobrescribieron otras posteriores.}}',
  'cart.result.noneLost': '{mode} no pierde ningún cambio guardado.',
  'cart.result.negative': 'Por debajo de cero: {items} (los dos lados se llevaron el último).',
  'cart.result.final': 'La lista que tienen la mayoría de las réplicas',

  'error.cart.game_over': 'La ronda de compras ha terminado: espera a la siguiente.',
  'error.cart.nothing_to_remove':
    'Tu lista no tiene {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}} que quitar.',
  'error.cart.still_saving':
    'Tu último cambio de {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}} aún espera a una mayoría.',
  'error.cart.voted_elsewhere':
    'Tu lista ya aceptó el cambio de {node} en {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}}: espera a que se guarde o se abandone.',

  'notice.cart.mark.proposed':
    '{node} pide a una mayoría que guarde {delta, plural, =1 {+1} other {−1}} {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}}',
  'notice.cart.mark.accepted':
    '{node} guardó {delta, plural, =1 {+1} other {−1}} {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}} en su propia lista',
  'notice.cart.mark.saved':
    'Una mayoría guardó el {delta, plural, =1 {+1} other {−1}} {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}} de {node} (versión {version, number}, {votes, number} de {n, number})',
  'notice.cart.mark.refused':
    'Se rechazó el {delta, plural, =1 {+1} other {−1}} {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}} de {node} ({reason, select, behind {lista atrasada} conflict {otro cambio antes} other {sin mayoría}}: {votes, number} de {n, number}, necesita {needed, number})',
  'notice.cart.mark.overwritten':
    'El {delta, number, ::sign-always} {item, select, apples {manzanas} bread {pan} cheese {queso} juice {zumo} pizza {pizza} other {tarta}} de {lost} sobrescrito por el cambio posterior de {by} ({count, plural, one {# escritura perdida} other {# escrituras perdidas}})',
  'notice.cart.mark.converged':
    '{afterMs, select, none {Todas las listas activas coinciden} other {Todas las listas activas coinciden, {afterMs} ms después de reparar la red}}',
  'notice.cart.mark.split': 'La red está dividida',
  'notice.cart.mark.healed': 'La red vuelve a estar entera',
  // The game picker’s line, and the message kinds by the protocol’s own short names (the same in every language)
  'cart.look.blurb':
    'Carrito con cerebro dividido: cada teléfono es una copia de la lista de la compra. Divide la clase y compara el quórum por mayoría, «el último que escribe gana» y un CRDT.',
  'cart.look.kind.write': 'write',
  'cart.look.kind.seen': 'seen',
  'cart.look.kind.sync': 'sync',
  'cart.look.kind.propose': 'propose',
  'cart.look.kind.vote': 'vote',
  'cart.look.kind.commit': 'commit',
  'cart.look.kind.abort': 'abort',
} as const;

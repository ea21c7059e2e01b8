import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'notice.mark.text': '{text}',

  'notice.election.timer.expired':
    'Votre minuteur d’élection a expiré sans battement de cœur d’un leader : vous pouvez vous porter candidat.',
  'notice.election.timer.expired_candidate':
    'Personne n’a remporté le mandat {term, number} avant l’expiration de votre minuteur : présentez-vous à nouveau pour ouvrir le mandat {next, number}.',
  'notice.election.stood':
    'Vous êtes candidat pour le mandat {term, number} et votez pour vous-même : il vous faut {majority, number} voix.',
  'notice.election.voted': 'Vous avez voté pour {node} au mandat {term, number}.',
  'notice.election.refused': 'Vous avez refusé la demande de {node} pour le mandat {term, number}.',
  'notice.election.won':
    'Vous avez remporté le mandat {term, number} avec {votes, number} voix sur {total, number} : vous êtes le leader. Proposez le restaurant.',
  'notice.election.crashed': 'Votre nœud est tombé en panne : il ne peut rien faire tant que l’enseignant ne l’a pas redémarré.',
  'notice.election.restarted':
    'Votre nœud a redémarré comme suiveur au mandat {term, number} : votre mandat, votre vote et votre journal ont survécu à la panne.',
  'notice.election.stepped_down':
    'Vous n’êtes plus leader : {node} est au mandat {term, number}, plus récent que votre mandat {old, number}.',
  'notice.election.gave_up': 'Vous avez renoncé à votre candidature : {node} est déjà au mandat {term, number}.',
  'notice.election.moved_up': '{node} est au mandat {term, number} : vous passez au mandat {term, number}.',
  'notice.election.lost': '{node} a remporté le mandat {term, number} : vous redevenez suiveur.',
  'notice.election.requests_closed': '{node} dirige le mandat {term, number} : les demandes de vote restées sans réponse sont closes.',
  'notice.election.you_proposed':
    'Vous avez proposé « {value} ». La valeur est validée dès que {majority, number} nœuds sur {total, number} l’ont enregistrée.',
  'notice.election.committed': '« {value} » est validé : une majorité l’a enregistré.',
  'notice.election.learned_commit': 'Le leader annonce que « {value} » est validé.',
  'notice.election.pre_vote':
    'Vous demandez si {others, number} autres voteraient pour vous au mandat {term, number} (pré-vote) ; votre mandat reste {current, number} tant qu’ils n’ont pas dit oui.',
  'notice.election.check_quorum':
    'Vous vous êtes retiré : seuls {heard, number} nœuds sur {total, number} vous ont répondu récemment, moins qu’une majorité (CheckQuorum).',
  'notice.election.mark.pre_candidate': '{node} demande des pré-votes pour le mandat {term, number}',
  'notice.election.mark.check_quorum': '{node} se retire : aucune majorité n’a répondu pendant un délai d’élection (mandat {term, number})',
  'notice.election.mark.stands': '{node} se présente au mandat {term, number}',
  'notice.election.mark.leader': '{node} est leader du mandat {term, number}',
  'notice.election.mark.leader_crashed': '{node} est tombé en panne en dirigeant le mandat {term, number}',
  'notice.election.mark.stepped_down': '{node} se retire (leader du mandat {term, number})',
  'notice.election.mark.proposed': '{node} propose « {value} » (mandat {term, number})',
  'notice.election.mark.committed': '« {value} » validé (entrée {index, number}, mandat {term, number})',
  'notice.election.mark.stale':
    '{node} est un leader périmé (mandat {term, number}) : {reason, select, minority {il ne peut pas joindre de majorité} other {un mandat plus récent a un leader}}',
  'notice.election.violation.leaders': 'Violation de sûreté : {count, number} leaders au mandat {term, number} : {nodes}',
  'notice.election.violation.missing_commit':
    'Violation de sûreté : {node} dirige le mandat {term, number} sans l’entrée validée {index, number} (« {value} »)',
  'notice.election.violation.overwrite': 'Violation de sûreté : {node} a reçu l’ordre d’écraser son entrée validée {index, number}',
  'notice.election.violation.recommitted':
    'Violation de sûreté : l’entrée {index, number} validée comme « {old} » puis comme « {value} » par {node}',
  'notice.election.violation.diverged':
    'Violation de sûreté : {node} tient « {value} » pour l’entrée validée {index, number}, ce qui n’est pas ce qui a été validé',

  'notice.gossip.mark.origin': '{node} connaît la rumeur au départ',
  'notice.gossip.mark.origin_instead': '{node} connaît la rumeur au départ ({chosen} n’est pas dans cette manche)',
  'notice.gossip.mark.highest_dealt': '{node} a reçu la plus haute carte',
  'notice.gossip.mark.learned':
    '{node} a appris {card, select, yes {la plus haute carte} other {la rumeur}} de {from} au tour {round, number}',
  'notice.gossip.mark.stuck':
    'Tous les nœuds que la rumeur peut atteindre la connaissent (tour {round, number}) ; {count, plural, one {# nœud vivant ne peut pas} other {# nœuds vivants ne peuvent pas}} l’apprendre : {why, select, down {tous ceux qui la connaissaient sont en panne} other {une partition les isole}}',
  'notice.gossip.mark.everyone':
    'Tous les nœuds vivants {card, select, yes {ont la plus haute carte} other {connaissent la rumeur}} (le dernier au tour {round, number})',
  'notice.gossip.mark.stalled':
    'La rumeur ne peut plus atteindre personne ({count, plural, one {# nœud vivant ne l’a jamais apprise} other {# nœuds vivants ne l’ont jamais apprise}})',
  'notice.gossip.mark.max-rounds': '{rounds, plural, one {# tour joué} other {# tours joués}}',

  'notice.byzantine.mark.phase': 'Phase : {phase, select, orders {ordres} relays {relais, niveau {level, number}} other {décision}}',
  'notice.byzantine.mark.decided':
    '{node} a décidé {value, select, attack {Attaque} other {Retraite}}{against, select, yes {, contre sa majorité} other {}}',
  'notice.byzantine.verdict':
    '{what, select, none {Aucun lieutenant loyal n’a décidé} agreed {{count, plural, one {Le seul lieutenant loyal a choisi} other {Les # lieutenants loyaux ont choisi}} {value, select, attack {Attaque} other {Retraite}}} other {Les lieutenants loyaux se sont divisés : {attack, number} Attaque, {retreat, number} Retraite}}, {why, select, traitor {le commandant était un traître} no_order {le commandant loyal n’a donné aucun ordre} followed {comme l’avait ordonné le commandant loyal} other {alors que le commandant loyal avait ordonné {order, select, attack {Attaque} other {Retraite}}}}.',
  'notice.byzantine.note.not_generals': 'Pas généraux dans cette manche, donc pas traîtres : {ids}.',
  'notice.byzantine.note.traitors_kept': '{count, number} lieutenants traîtres ne laisseraient aucun loyal : {kept, number} sont gardés.',
  'notice.byzantine.note.commander_traitor': 'Le commandant est un traître : il y a donc 1 traître, pas 0.',
  'notice.byzantine.note.traitors_capped':
    '{asked, number} traîtres demandés ; {generals, number} généraux en permettent au plus {max, number} (un lieutenant reste loyal).',
  'notice.byzantine.note.observers':
    '{generals, number} généraux jouent ; {observers, plural, one {# nœud observe} other {# nœuds observent}} (au plus {max, number} généraux).',
  'notice.byzantine.note.commander_drawn': '{id} n’est pas dans cette manche : le commandant a été tiré au sort.',
  'notice.byzantine.note.m_reduced':
    'OM({asked, number}) entre {generals, number} généraux enverrait {messages, number} messages (limite {limit, number}) : on joue OM({m, number}).',
  // ---- the network: a fault operation ({groups}: "A (3)"…), a drill script’s step ----
  'notice.net.fault.split': 'Partition en {groups}{open, plural, =0 {} one { avec # lien ouvert} other { avec # liens ouverts}}',
  'notice.net.fault.move': '{count, plural, one {Nœud déplacé} other {Nœuds déplacés}} dans le groupe {group} : {nodes}',
  'notice.net.fault.link': '{open, select, yes {Ouverture} other {Coupure}} du lien du groupe {from} vers le groupe {to}',
  'notice.net.fault.isolate': '{count, plural, one {Nœud isolé} other {Nœuds isolés}} : {nodes}',
  'notice.net.fault.heal': 'Toutes les partitions réparées',
  'notice.net.fault.loss': 'Perte de messages : {rate, number, percent}',
  'notice.net.fault.link_loss': 'Perte de {rate, number, percent} sur {from} {both, select, yes {↔} other {→}} {to}',
  'notice.net.fault.latency': 'Latence de {base, number} ms + jusqu’à {jitter, number} ms',
  'notice.net.fault.dup': 'Duplication des messages : {rate, number, percent}',
  'notice.net.fault.crash': '{count, plural, one {Nœud en panne} other {Nœuds en panne}} : {nodes}',
  'notice.net.fault.restart': '{count, plural, one {Nœud redémarré} other {Nœuds redémarrés}} : {nodes}',
  'notice.net.fault.reset': 'Toutes les pannes effacées',
  'notice.net.step.start': 'Lancer une manche de {game}',
  'notice.net.step.stop': 'Arrêter la manche',
  'notice.net.step.drill': '{drill}',
  'notice.net.step.crash_leader': 'Mettre le leader en panne',
  'notice.net.step.crash': 'Mettre en panne {count, plural, one {# nœud au hasard} other {# nœuds au hasard}}',
  'notice.net.step.restart': 'Redémarrer tous les nœuds en panne',
} as const satisfies Translation<typeof en>;

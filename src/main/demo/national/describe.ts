/** What `demo --scale national` prints: counts only, in French. */
import type { NationCounts } from './index';

const n = (value: number) => value.toLocaleString('fr-FR');

export function describeNation(seed: number, counts: NationCounts): string[] {
  return [
    `Réseau national fictif (graine ${seed}) :`,
    `  structures porteuses : ${n(counts.structures)}`,
    `  Promeneurs du Net : ${n(counts.promeneurs)}`,
    `  conventions : ${n(counts.conventions)} (pièces : ${n(counts.convention_documents)}, obligations reçues : ${n(counts.obligation_states)}, versements : ${n(counts.convention_payments)})`,
    `  événements : ${n(counts.events)} (invitations et présences : ${n(counts.event_invitees)})`,
    `  réunions de COPIL et de COTECH : ${n(counts.meeting_minutes)} tenues (points à l’ordre du jour : ${n(counts.meeting_agenda_items)})`,
    `  bilans d’activité mensuels : ${n(counts.activity_reports)}`,
  ];
}

/** `conventions due`: the to-do list of the conventions (À faire), up to a date. */
import { TO_DO_KINDS, type TodoKind } from '../../../shared/domain/todo';
import { addMonths, formatDate, todayInParis } from '../../../shared/rules/dates';
import { dueItems } from '../../services/todo';
import type { Command } from '../command';
import { parseDate } from '../dates';
import { openVault } from '../open';

/** The to-do items the conventions feed (the calendar's cadence and attendance are not theirs). */
const CONVENTION_KINDS: TodoKind[] = [
  'document_missing',
  'obligation_due',
  'payment_planned',
  'convention_ending',
  'notice_deadline',
];

export const conventionsCommand: Command = {
  name: 'conventions',
  usage: 'conventions due --vault DOSSIER [--before DATE]',
  summary: 'Affiche ce qui est à faire pour les conventions jusqu’à une date.',
  details: [
    'due : la liste « À faire » des conventions, triée par date : pièces justificatives manquantes, obligations annuelles dues ou en retard, versements prévus, fins de convention et dates limites de préavis. Ce qui est en retard est signalé.',
    '--before DATE : jusqu’à cette date incluse (jj/mm/aaaa ou aaaa-mm-jj) ; par défaut, dans les quatre mois.',
    'La phrase de passe est lue dans BALISE_PASSPHRASE ou sur l’entrée standard.',
  ],
  actions: ['due'],
  options: { before: { type: 'string' } },
  async run({ vault: dir, values }, ctx) {
    const today = todayInParis();
    const until = parseDate(values.before, 'before', addMonths(today, 4));
    const vault = await openVault(dir, ctx);
    try {
      const items = await dueItems(
        vault.db,
        { until, structureId: null, kinds: CONVENTION_KINDS },
        today,
      );
      if (items.length === 0) {
        ctx.out(`Rien à faire d’ici le ${formatDate(until)}.`);
        return 0;
      }
      const overdue = items.filter((i) => i.overdue).length;
      ctx.out(
        `À faire d’ici le ${formatDate(until)} : ${items.length} élément(s), dont ${overdue} en retard.`,
      );
      for (const item of items) {
        const flag = item.overdue ? ' EN RETARD' : '';
        const who = item.structure ? ` — ${item.structure.name}` : '';
        ctx.out(
          `${formatDate(item.date)}${flag}  [${TO_DO_KINDS[item.kind]}] ${item.label} (${item.context}${who})`,
        );
      }
      return 0;
    } finally {
      await vault.lock();
    }
  },
};

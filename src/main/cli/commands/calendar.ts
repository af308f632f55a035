/** `calendar export`: the network calendar of a period as an .ics file (RFC 5545). */
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import { exportIcs } from '../../services/calendar/ics';
import type { Command } from '../command';
import { parseDate } from '../dates';
import { UsageError } from '../io';
import { openVault } from '../open';

/** Where to write: required; an existing file only with --force; its folder must exist. */
function outputFile(value: string | boolean | undefined, force: boolean): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(
      'L’option --out FICHIER est obligatoire : indiquez le fichier .ics à écrire (par exemple --out ~/calendrier.ics).',
    );
  const file = resolve(value);
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory())
    throw new DomainError('INVALID_INPUT', `Le dossier ${dirname(file)} n’existe pas.`);
  if (existsSync(file)) {
    if (statSync(file).isDirectory())
      throw new DomainError('INVALID_INPUT', `${file} est un dossier : indiquez un fichier.`);
    if (!force)
      throw new DomainError(
        'CONFLICT',
        `Le fichier ${file} existe déjà : rien n’a été écrit. Ajoutez --force pour le remplacer.`,
      );
  }
  return file;
}

export const calendarCommand: Command = {
  name: 'calendar',
  usage: 'calendar export --vault DOSSIER --from DATE --to DATE --out FICHIER.ics [--force]',
  summary: 'Exporte les évènements d’une période au format iCalendar (.ics).',
  details: [
    'export : écrit dans FICHIER les évènements du calendrier du réseau (rencontres, formations, COPIL, COTECH…) qui ont lieu entre --from et --to inclus, au fuseau Europe/Paris. Outlook, Thunderbird et Google Agenda l’importent. Les personnes invitées n’y figurent pas.',
    '--from DATE et --to DATE : la période (jj/mm/aaaa ou aaaa-mm-jj).',
    '--out FICHIER : le fichier à écrire, lisible par vous seul. Un fichier existant n’est remplacé qu’avec --force.',
    'La phrase de passe est lue dans BALISE_PASSPHRASE ou sur l’entrée standard.',
  ],
  actions: ['export'],
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ vault: dir, values }, ctx) {
    const from = parseDate(values.from, 'from');
    const to = parseDate(values.to, 'to');
    if (to < from)
      throw new UsageError(
        `La période est à l’envers : --to (${formatDate(to)}) doit suivre --from (${formatDate(from)}).`,
      );
    const force = values.force === true;
    const file = outputFile(values.out, force);
    const vault = await openVault(dir, ctx);
    try {
      const { content, count } = await exportIcs(vault.db, { id: null, from, to });
      writeFileSync(file, content, { mode: 0o600, flag: force ? 'w' : 'wx' });
      // A replaced file keeps its old mode: make it the user's only.
      chmodSync(file, 0o600);
      ctx.out(
        `${count} évènement(s) du ${formatDate(from)} au ${formatDate(to)} écrit(s) dans ${file}.`,
      );
      return 0;
    } finally {
      await vault.lock();
    }
  },
};

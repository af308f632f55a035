/** `activity template`: the activity templates of a period, one workbook per Promeneur. */
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePeriod } from '../../../shared/rules/activity';
import { DomainError } from '../../../shared/result';
import { templatesFor } from '../../services/activity/templates';
import type { Command } from '../command';
import { UsageError } from '../io';
import { openVault } from '../open';

/** The folder to write into: required, existing. */
function outputFolder(value: string | boolean | undefined): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(
      'L’option --out DOSSIER est obligatoire : indiquez le dossier où écrire les modèles (par exemple --out ~/bilans).',
    );
  const folder = resolve(value);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new DomainError('INVALID_INPUT', `Le dossier ${folder} n’existe pas.`);
  return folder;
}

export const activityCommand: Command = {
  name: 'activity',
  usage: 'activity template --vault DOSSIER --period PÉRIODE --out DOSSIER [--force]',
  summary: 'Produit les modèles Excel de bilan d’activité d’une période, un par Promeneur.',
  details: [
    'template : écrit dans le dossier --out un classeur Excel (.xlsx) par Promeneur du Net actif pendant la période, prérempli de son nom, de sa structure et de la période, puis affiche à qui envoyer chaque fichier (nom, e-mail).',
    '--period PÉRIODE : 2026-03 (mois), 2026-T3 (trimestre) ou 2026 (année), selon la période de collecte choisie dans les paramètres.',
    '--out DOSSIER : un dossier existant. Les fichiers sont lisibles par vous seul ; un fichier existant n’est remplacé qu’avec --force.',
    'La phrase de passe est lue dans BALISE_PASSPHRASE ou sur l’entrée standard.',
  ],
  actions: ['template'],
  options: {
    period: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ vault: dir, values }, ctx) {
    const key = typeof values.period === 'string' ? values.period.trim() : '';
    if (!key)
      throw new UsageError(
        'L’option --period PÉRIODE est obligatoire (par exemple --period 2026-T3 pour le 3e trimestre 2026).',
      );
    if (!parsePeriod(key))
      throw new UsageError(
        'Période invalide : écrivez 2026-03 pour un mois, 2026-T3 pour un trimestre, 2026 pour une année.',
      );
    const folder = outputFolder(values.out);
    const force = values.force === true;
    const vault = await openVault(dir, ctx);
    try {
      const { period, files } = await templatesFor(vault.db, key, null);
      // Every file checked before the first is written: all of them, or none.
      const existing = files.map((f) => join(folder, f.fileName)).filter((f) => existsSync(f));
      if (existing.length > 0 && !force)
        throw new DomainError(
          'CONFLICT',
          `${existing.length > 1 ? `${existing.length} fichiers existent` : `Le fichier ${existing[0]} existe`} déjà dans ${folder} : rien n’a été écrit. Ajoutez --force pour les remplacer.`,
        );
      for (const f of files) {
        const file = join(folder, f.fileName);
        writeFileSync(file, f.bytes, { mode: 0o600 });
        // A replaced file keeps its old mode: make it the user's only.
        chmodSync(file, 0o600);
      }
      ctx.out(
        `${files.length} modèle(s) de bilan d’activité pour « ${period.label} » écrit(s) dans ${folder}.`,
      );
      ctx.out('');
      ctx.out('À envoyer à :');
      for (const f of files)
        ctx.out(
          `  ${f.recipient.name} (${f.recipient.structure.name}) — ${f.recipient.email ?? 'pas d’e-mail dans l’annuaire'} — ${f.fileName}`,
        );
      return 0;
    } finally {
      await vault.lock();
    }
  },
};

/** `export`: the Excel exports (Bilan annuel, annuaire, conventions, décisions, émargement, COPIL). */
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatDate, todayInParis } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import {
  exportAnnuaire,
  exportAttendance,
  exportBilan,
  exportConventions,
  exportCopil,
  exportDecisions,
  type ExportFile,
} from '../../services/exports';
import type { Db } from '../../db/connection';
import type { Command } from '../command';
import { parseDate } from '../dates';
import { UsageError } from '../io';
import { openVault } from '../open';

type Values = Record<string, string | boolean | undefined>;

/** Where to write: required; an existing file only with --force; its folder must exist. */
function outputFile(value: string | boolean | undefined, force: boolean): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(
      'L’option --out FICHIER est obligatoire : indiquez le fichier à écrire (par exemple --out ~/bilan-2026.xlsx).',
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

function parseYear(value: string | boolean | undefined, required: boolean): number | null {
  if (value === undefined) {
    if (!required) return null;
    throw new UsageError('L’option --year ANNÉE est obligatoire (par exemple --year 2026).');
  }
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(year >= 2000 && year <= 2100))
    throw new UsageError('--year attend une année sur quatre chiffres (par exemple --year 2026).');
  return year;
}

function parseFormat(value: string | boolean | undefined): 'xlsx' | 'csv' {
  if (value === undefined || value === 'xlsx') return 'xlsx';
  if (value === 'csv') return 'csv';
  throw new UsageError('--format attend xlsx ou csv.');
}

function parseCommittee(value: string | boolean | undefined): 'copil' | 'cotech' | null {
  if (value === undefined) return null;
  if (value === 'copil' || value === 'cotech') return value;
  throw new UsageError('--committee attend copil ou cotech.');
}

/** Checks the options of an action (before the vault opens) and returns what builds its file. */
function prepare(action: string, values: Values): (db: Db) => Promise<ExportFile> {
  switch (action) {
    case 'bilan': {
      const year = parseYear(values.year, true)!;
      return (db) => exportBilan(db, year);
    }
    case 'annuaire': {
      const format = parseFormat(values.format);
      return (db) => exportAnnuaire(db, format);
    }
    case 'conventions':
      return (db) => exportConventions(db);
    case 'decisions': {
      const year = parseYear(values.year, false);
      const committee = parseCommittee(values.committee);
      return (db) => exportDecisions(db, { year, committee });
    }
    case 'attendance': {
      if (typeof values.event === 'string') {
        const eventId = /^\d{1,9}$/.test(values.event) ? Number(values.event) : NaN;
        if (!(eventId > 0)) throw new UsageError('--event attend le numéro d’un évènement.');
        return (db) => exportAttendance(db, { eventId, from: null, to: null });
      }
      const from = parseDate(values.from, 'from');
      const to = parseDate(values.to, 'to');
      if (to < from)
        throw new UsageError(
          `La période est à l’envers : --to (${formatDate(to)}) doit suivre --from (${formatDate(from)}).`,
        );
      return (db) => exportAttendance(db, { eventId: null, from, to });
    }
    default: {
      const date = parseDate(values.date, 'date', todayInParis());
      return (db) => exportCopil(db, date);
    }
  }
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    'export bilan|annuaire|conventions|decisions|attendance|copil --vault DOSSIER --out FICHIER [options]',
  summary: 'Produit les exports Excel pour la CAF et les financeurs, et le dossier du COPIL.',
  details: [
    'bilan --year ANNÉE : le bilan annuel pour la CAF (synthèse avec graphiques, structures et conventions, Promeneurs, activité, réseau, financement).',
    'annuaire [--format xlsx|csv] : l’annuaire départemental, avec seulement ce que chaque Promeneur a accepté de publier.',
    'conventions : le suivi des conventions (pièces, obligations, versements ; retards surlignés).',
    'decisions [--year ANNÉE] [--committee copil|cotech] : le relevé des décisions des instances.',
    'attendance --from DATE --to DATE, ou --event NUMÉRO : l’émargement des évènements d’une période, ou d’un seul.',
    'copil [--date DATE] : le dossier du COPIL à cette date (aujourd’hui par défaut) : chiffres clés, conventions, retards, décisions à prendre.',
    '--out FICHIER : le fichier à écrire, lisible par vous seul. Un fichier existant n’est remplacé qu’avec --force. Dates : jj/mm/aaaa ou aaaa-mm-jj.',
    'La phrase de passe est lue dans BALISE_PASSPHRASE ou sur l’entrée standard.',
  ],
  actions: ['bilan', 'annuaire', 'conventions', 'decisions', 'attendance', 'copil'],
  options: {
    year: { type: 'string' },
    format: { type: 'string' },
    committee: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    event: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ vault: dir, action, values }, ctx) {
    const build = prepare(action!, values);
    const force = values.force === true;
    const file = outputFile(values.out, force);
    const vault = await openVault(dir, ctx);
    try {
      const { fileName, contentBase64 } = await build(vault.db);
      const bytes = Buffer.from(contentBase64, 'base64');
      writeFileSync(file, bytes, { mode: 0o600, flag: force ? 'w' : 'wx' });
      // A replaced file keeps its old mode: make it the user's only.
      chmodSync(file, 0o600);
      ctx.out(`« ${fileName} » écrit dans ${file} (${Math.ceil(bytes.length / 1024)} Ko).`);
      return 0;
    } finally {
      await vault.lock();
    }
  },
};

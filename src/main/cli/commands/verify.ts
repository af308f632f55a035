/**
 * `verify`: checks that a vault opens and that its data is intact, without writing anything:
 * the key file is only read, the database is opened read-only and never migrated.
 */
import { existsSync, statSync } from 'node:fs';
import {
  integrityProblems,
  openConnection,
  UnreadableDatabaseError,
  type Connection,
} from '../../db/connection';
import { migrations } from '../../db/migrations';
import { DomainError } from '../../../shared/result';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from '../../vault/keys';
import { Vault } from '../../vault/vault';
import type { CliContext, Command } from '../command';
import { PASSPHRASE_ENV } from '../create';
import { readSecret } from '../io';

export const RECOVERY_ENV = 'BALISE_RECOVERY_KEY';

interface Check {
  ok: boolean;
  label: string;
  /** Lines shown under the check (problems found). */
  details?: string[];
}

/** The migrations recorded in the file, read without creating anything. */
function appliedMigrationsReadOnly(conn: Connection): string[] {
  const table = conn
    .prepare(`select name from sqlite_master where type = 'table' and name = 'migrations'`)
    .get();
  if (!table) return [];
  return (
    conn.prepare('select name from migrations order by name').all() as { name: string }[]
  ).map((r) => r.name);
}

function schemaCheck(conn: Connection): Check {
  const known = Object.keys(migrations);
  let applied: string[];
  try {
    applied = appliedMigrationsReadOnly(conn);
  } catch (error) {
    return { ok: false, label: `Version du schéma : illisible (${codeOf(error)}).` };
  }
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    return {
      ok: false,
      label: `Version du schéma : ce coffre a été écrit par une version plus récente de Balise (${unknown.length} migration(s) inconnue(s) de cette version). Mettez Balise à jour avant de l’ouvrir.`,
    };
  const pending = known.filter((name) => !applied.includes(name));
  if (pending.length > 0)
    return {
      ok: true,
      label: `Version du schéma : ${applied.length} migration(s) appliquée(s) sur ${known.length} ; les ${pending.length} suivante(s) seront appliquées à la prochaine ouverture dans Balise (une copie du fichier est faite avant).`,
    };
  return {
    ok: true,
    label: `Version du schéma : à jour (${applied.length} migration(s) sur ${known.length}).`,
  };
}

function integrityCheck(conn: Connection): Check {
  try {
    const problems = integrityProblems(conn);
    if (problems.length === 0)
      return { ok: true, label: 'Intégrité SQLite (integrity_check) : aucun problème.' };
    return {
      ok: false,
      label: `Intégrité SQLite (integrity_check) : ${problems.length} problème(s).`,
      details: problems.slice(0, 10),
    };
  } catch (error) {
    return {
      ok: false,
      label: `Intégrité SQLite (integrity_check) : le fichier est abîmé et n’a pas pu être lu jusqu’au bout (${codeOf(error)}).`,
    };
  }
}

function foreignKeyCheck(conn: Connection): Check {
  try {
    const rows = conn.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (rows.length === 0)
      return { ok: true, label: 'Liens entre les tables (foreign_key_check) : aucun problème.' };
    const tables = [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))];
    return {
      ok: false,
      label: `Liens entre les tables (foreign_key_check) : ${rows.length} ligne(s) pointent vers un enregistrement absent.`,
      details: tables.slice(0, 10),
    };
  } catch (error) {
    return {
      ok: false,
      label: `Liens entre les tables : vérification impossible (${codeOf(error)}).`,
    };
  }
}

/** Counts only: never the content of a record. */
function contentSummary(conn: Connection): string | null {
  try {
    const count = (table: string) =>
      (conn.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return `Contenu : ${count('structures')} structure(s), ${count('promeneurs')} Promeneur(s) du Net, ${count('audit_log')} entrée(s) au journal des modifications.`;
  } catch {
    return null;
  }
}

const codeOf = (error: unknown) =>
  error && typeof error === 'object' && 'code' in error ? String(error.code) : 'erreur de lecture';

const size = (file: string) => {
  const bytes = statSync(file).size;
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
};

async function databaseKey(vault: Vault, useRecovery: boolean, ctx: CliContext): Promise<Buffer> {
  const keyFile = vault.readKeyFile();
  if (useRecovery) {
    const { value } = await readSecret(ctx.io, RECOVERY_ENV, 'Clé de secours : ');
    if (!value)
      throw new DomainError(
        'INVALID_INPUT',
        `Aucune clé de secours reçue. Définissez la variable d’environnement ${RECOVERY_ENV} ou saisissez-la quand elle est demandée.`,
      );
    const key = unwrapWithRecoveryKey(keyFile, value);
    if (!key)
      throw new DomainError(
        'WRONG_RECOVERY_KEY',
        'Clé de secours incorrecte. Vérifiez chaque groupe de caractères.',
      );
    return key;
  }
  const { value } = await readSecret(ctx.io, PASSPHRASE_ENV, 'Phrase de passe : ');
  if (!value)
    throw new DomainError(
      'INVALID_INPUT',
      `Aucune phrase de passe reçue. Définissez la variable d’environnement ${PASSPHRASE_ENV} ou saisissez-la quand elle est demandée.`,
    );
  const key = await unwrapWithPassphrase(keyFile, value);
  if (!key)
    throw new DomainError(
      'WRONG_PASSPHRASE',
      'Phrase de passe incorrecte. Vérifiez la saisie (majuscules, accents) et réessayez.',
    );
  return key;
}

export const verifyCommand: Command = {
  name: 'verify',
  usage: 'verify --vault DOSSIER [--recovery]',
  summary: 'Vérifie qu’un coffre s’ouvre et que ses données sont intactes, sans rien modifier.',
  details: [
    'Déverrouille le coffre en lecture seule, contrôle l’intégrité du fichier (integrity_check), les liens entre les tables et la version du schéma, puis affiche un court rapport. Le coffre n’est ni modifié ni mis à jour.',
    'La phrase de passe est lue dans BALISE_PASSPHRASE, sinon demandée sans être affichée, ou lue sur la première ligne de l’entrée standard.',
    '--recovery : utilise la clé de secours au lieu de la phrase de passe (variable BALISE_RECOVERY_KEY, ou saisie).',
    'Code de sortie 0 seulement si le coffre est en bon état ; 1 sinon (coffre absent, abîmé, trop récent, phrase de passe incorrecte).',
  ],
  options: { recovery: { type: 'boolean' } },
  async run({ vault: dir, values }, ctx) {
    const vault = new Vault(dir);
    const key = await databaseKey(vault, values.recovery === true, ctx);
    if (!existsSync(vault.dbFile))
      throw new DomainError(
        'VAULT_DAMAGED',
        'Le fichier de données du coffre (balise.db) est introuvable. Restaurez une sauvegarde.',
      );
    let conn: Connection;
    try {
      conn = openConnection(vault.dbFile, key, { readonly: true });
    } catch (error) {
      if (error instanceof UnreadableDatabaseError)
        throw new DomainError(
          'VAULT_DAMAGED',
          'Le fichier de données du coffre est abîmé ou ne correspond pas à ses clés. Il n’a pas été modifié ; restaurez une sauvegarde.',
        );
      throw error;
    } finally {
      key.fill(0);
    }
    const checks: Check[] = [];
    let summary: string | null = null;
    try {
      checks.push({
        ok: true,
        label: `Clés : coffre déverrouillé avec ${values.recovery ? 'la clé de secours' : 'la phrase de passe'}.`,
      });
      checks.push({
        ok: true,
        label: `Fichier de données lisible avec sa clé (${size(vault.dbFile)}).`,
      });
      checks.push(integrityCheck(conn));
      const readable = checks.every((c) => c.ok);
      if (readable) checks.push(foreignKeyCheck(conn));
      const schema = schemaCheck(conn);
      checks.push(schema);
      if (readable && schema.ok) summary = contentSummary(conn);
    } finally {
      conn.close();
    }

    const healthy = checks.every((c) => c.ok);
    ctx.out(`Vérification du coffre ${vault.dir}`);
    for (const check of checks) {
      ctx.out(`  ${check.ok ? 'ok   ' : 'ÉCHEC'} ${check.label}`);
      for (const detail of check.details ?? []) ctx.out(`        ${detail}`);
    }
    if (summary) ctx.out(`        ${summary}`);
    ctx.out(
      healthy
        ? 'Résultat : le coffre est en bon état.'
        : 'Résultat : le coffre a des problèmes. Ne l’utilisez pas avant de l’avoir examiné ; restaurez une sauvegarde si besoin.',
    );
    return healthy ? 0 : 1;
  },
};

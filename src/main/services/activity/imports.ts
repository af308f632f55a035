/**
 * Returned templates: each file is read in the contained process (a crafted workbook ends
 * that process only), then checked against the vault: the Promeneur it was made for still
 * exists, its period is the one being collected, its channels and themes still exist. The
 * preview says what importing would do; confirming imports, replacing figures already there
 * only when the call says so. What the contained process read is kept in memory between the
 * two calls (imports/kept.ts): confirming the file previewed does not read it again, but it
 * checks it against the vault again, as the vault is at that moment.
 */
import type { ParsedInput, RouteOutput } from '../../../shared/api/contract';
import { activityFigures, type ImportPreview } from '../../../shared/api/activity';
import { MAX_TEMPLATE_BYTES } from '../../../shared/domain/activity';
import { parsePeriod } from '../../../shared/rules/activity';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { runContained, STOPPED } from '../../imports/contained';
import { fileDigest, KeptReads } from '../../imports/kept';
import { listEntries } from './lists';
import type { ReadTemplate } from './templateLayout';
import type { TemplateOutcome } from './templateRead';
import { assertEnterable, createReport, findReport, periodOfKey, updateReport } from './reports';

/** A template reads in about a second and 60 MiB; these leave a wide margin. */
const TEMPLATE_LIMITS = { maxMemoryMb: 256, timeoutMs: 15_000, field: 'contentBase64' };

const refuse = (message: string) =>
  new DomainError('INVALID_INPUT', message, { contentBase64: message });

/** The file's bytes, its size checked before anything reads it. */
function bytesOf(contentBase64: string): Uint8Array {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_TEMPLATE_BYTES)
    throw refuse(
      'Fichier trop volumineux (2 Mo au plus) : ce n’est pas un modèle de bilan d’activité.',
    );
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A returned template as the renderer sends it. */
type TemplateFile = { fileName: string; contentBase64: string };

/**
 * The templates read, per open vault: a whole selection is previewed before any is imported,
 * so many are kept (each is a few hundred bytes of figures and identity).
 */
export const MAX_KEPT_TEMPLATES = 1000;
const templates = new KeptReads<ReadTemplate>(MAX_KEPT_TEMPLATES);

/** A returned template's read: the one kept from its preview, else read in the contained process. */
export async function readTemplateFile(
  db: Db,
  input: TemplateFile,
): Promise<{ digest: string; value: ReadTemplate }> {
  const bytes = bytesOf(input.contentBase64);
  return templates.read(db, input.fileName, bytes, () =>
    runContained('activityTemplate', bytes, TEMPLATE_LIMITS),
  );
}

/**
 * Several templates' reads in one contained process. When that process is stopped (a file too
 * complex, crafted or swelling in memory), each file is read again alone, so that only the
 * file at fault is refused.
 */
async function readTemplates(files: Uint8Array[]): Promise<TemplateOutcome[]> {
  const refusal = (error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false as const, refusal: error.message };
  };
  try {
    return await runContained('activityTemplates', files, {
      ...TEMPLATE_LIMITS, // one file is read at a time: the same memory as for one file
      timeoutMs: TEMPLATE_LIMITS.timeoutMs + files.length * 2_000,
    });
  } catch (error) {
    if (files.length === 1) return [refusal(error)];
  }
  const outcomes: TemplateOutcome[] = [];
  for (const bytes of files)
    outcomes.push(
      await runContained('activityTemplate', bytes, TEMPLATE_LIMITS).then(
        (read) => ({ ok: true as const, read }),
        refusal,
      ),
    );
  return outcomes;
}

type Period = ReturnType<typeof periodOfKey>;
type KnownLists = Record<'channels' | 'themes', Set<number>>;

/** The channels and themes that still exist, read once for a call. */
async function knownLists(db: Db): Promise<KnownLists> {
  const ids = async (list: 'channels' | 'themes') =>
    new Set((await listEntries(db, list)).map((v) => v.id));
  return { channels: await ids('channels'), themes: await ids('themes') };
}

/** Checks a template's read against the vault: who, which period, the figures or the errors. */
async function checkReturned(
  db: Db,
  expected: Period,
  known: KnownLists,
  { digest, value: read }: { digest: string; value: ReadTemplate },
) {
  const promeneur = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select(['promeneurs.id', 'promeneurs.firstName', 'promeneurs.lastName', 'structures.name'])
    .where('promeneurs.id', '=', read.promeneurId)
    .executeTakeFirst();
  if (!promeneur)
    throw refuse(
      'Ce modèle a été fait pour un Promeneur du Net qui n’est pas (ou plus) dans ce coffre : il vient peut-être d’un autre département.',
    );
  const name = `${promeneur.firstName} ${promeneur.lastName}`;
  if (read.periodKey !== expected.key)
    throw refuse(
      `Ce modèle de ${name} concerne « ${parsePeriod(read.periodKey)?.label ?? read.periodKey} », pas « ${expected.label} » : choisissez cette période-là pour l’importer.`,
    );
  const errors = [...read.errors];
  let figures = read.figures === null ? null : activityFigures.parse(read.figures);
  if (figures) {
    for (const list of ['channels', 'themes'] as const) {
      if (figures[list].some((c) => !known[list].has(c.id) && c.count > 0))
        errors.push(
          list === 'channels'
            ? 'Un des canaux du modèle a été retiré des paramètres depuis son envoi : envoyez un modèle neuf.'
            : 'Un des thèmes du modèle a été retiré des paramètres depuis son envoi : envoyez un modèle neuf.',
        );
      // A value removed but left at zero is simply ignored.
      figures = { ...figures, [list]: figures[list].filter((c) => known[list].has(c.id)) };
    }
  }
  return {
    digest,
    promeneur: { id: promeneur.id, name, structure: promeneur.name },
    period: expected,
    figures: errors.length === 0 ? figures : null,
    errors,
  };
}

/** Reads and checks one returned template. */
async function readReturned(db: Db, input: { periodKey: string } & TemplateFile) {
  const expected = periodOfKey(input.periodKey);
  await assertEnterable(db, expected);
  const read = await readTemplateFile(db, input);
  return checkReturned(db, expected, await knownLists(db), read);
}

/** What importing a checked template would do. */
async function previewOf(
  db: Db,
  fileName: string,
  read: Awaited<ReturnType<typeof checkReturned>>,
): Promise<ImportPreview> {
  const existing = await findReport(db, read.promeneur.id, read.period.key);
  return {
    fileName,
    promeneur: read.promeneur,
    period: {
      key: read.period.key,
      label: read.period.label,
      start: read.period.start,
      end: read.period.end,
    },
    figures: read.figures,
    errors: read.errors,
    existing: existing
      ? {
          id: existing.id,
          source: existing.source,
          createdAt: existing.createdAt,
          updatedAt: existing.updatedAt,
        }
      : null,
  };
}

/**
 * Previews returned templates: those not read yet are read in one contained process, then each
 * is checked against the vault. A file refused is said so and does not stop the others.
 */
export async function previewImports(
  db: Db,
  input: ParsedInput<'activity.importPreview'>,
): Promise<RouteOutput<'activity.importPreview'>> {
  const expected = periodOfKey(input.periodKey);
  await assertEnterable(db, expected);
  const files = input.files.map((file) => {
    try {
      const bytes = bytesOf(file.contentBase64);
      return { ...file, bytes, digest: fileDigest(file.fileName, bytes), refused: null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { ...file, bytes: null, digest: '', refused: error.message };
    }
  });
  const refusals = new Map<string, string>();
  const unread = files.filter((f) => f.bytes && templates.get(db, f.digest) === undefined);
  if (unread.length > 0) {
    const outcomes = await readTemplates(unread.map((f) => f.bytes!));
    unread.forEach((f, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) templates.keep(db, f.digest, outcome.read);
      else refusals.set(f.digest, outcome.refusal ?? STOPPED.failed());
    });
  }
  const known = await knownLists(db);
  const out: RouteOutput<'activity.importPreview'> = [];
  for (const f of files) {
    const refused = (message: string) => out.push({ ok: false, fileName: f.fileName, message });
    const value = f.bytes && templates.get(db, f.digest);
    if (!value) {
      refused(f.refused ?? refusals.get(f.digest) ?? STOPPED.failed());
      continue;
    }
    try {
      const read = await checkReturned(db, expected, known, { digest: f.digest, value });
      out.push({ ok: true, preview: await previewOf(db, f.fileName, read) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused(error.message);
    }
  }
  return out;
}

/** Imports a returned template in one transaction; a file with errors changes nothing. */
export async function confirmImport(
  db: Db,
  input: ParsedInput<'activity.importConfirm'>,
): Promise<{ id: number; replaced: boolean }> {
  const read = await readReturned(db, input);
  if (!read.figures)
    throw refuse(
      `Ce fichier a ${read.errors.length > 1 ? `${read.errors.length} cellules` : 'une cellule'} à corriger : rien n’a été importé. ${read.errors[0] ?? ''}`.trim(),
    );
  const figures = read.figures;
  const origin = { source: 'import' as const, fileName: input.fileName };
  const done = await inTransaction(db, async (trx) => {
    const existing = await findReport(trx, read.promeneur.id, read.period.key);
    if (existing && !input.replace)
      throw new DomainError(
        'CONFLICT',
        `Les chiffres de ${read.promeneur.name} pour « ${read.period.label} » sont déjà enregistrés : confirmez leur remplacement pour importer ce fichier.`,
      );
    if (existing) {
      await updateReport(trx, existing.id, figures, origin);
      return { id: existing.id, replaced: true };
    }
    const { id } = await createReport(trx, read.promeneur.id, read.period.key, figures, origin);
    return { id, replaced: false };
  });
  templates.forget(db, read.digest); // imported: the file is not needed any more
  return done;
}

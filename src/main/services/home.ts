/** The home page: the network in figures, and what the coordinator should do next. */
import type { HomeSummary, NextStep } from '../../shared/api/home';
import { COMPLIANCE_CHECK_MONTHS } from '../../shared/domain/directory';
import { addMonths, todayInParis } from '../../shared/rules/dates';
import type { Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';

/** Counts rows of a query built on `select count(*) as n`. */
const countOf = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number }> }) =>
  (await query.executeTakeFirstOrThrow()).n;

/** Structures not archived, optionally with one of the given network statuses. */
function structures(db: Db, statuses: string[]) {
  return db
    .selectFrom('structures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archivedAt', 'is', null)
    .$if(statuses.length > 0, (q) => q.where('networkStatus', 'in', statuses));
}

/** Promeneurs not archived, optionally with one of the given statuses. */
function promeneurs(db: Db, statuses: string[]) {
  return db
    .selectFrom('promeneurs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archivedAt', 'is', null)
    .$if(statuses.length > 0, (q) => q.where('status', 'in', statuses));
}

const plural = (n: number, one: string, many: string) =>
  n === 1 ? one : many.replace('{n}', String(n));

/** The summary as of `today` (YYYY-MM-DD in Paris), which decides which profile checks are due. */
export async function homeSummary(db: Db, today: string = todayInParis()): Promise<HomeSummary> {
  const structureCount = await countOf(structures(db, []));
  const promeneurCount = await countOf(promeneurs(db, []));
  const active = () => promeneurs(db, ['actif']);
  const checkDueFrom = addMonths(today, -COMPLIANCE_CHECK_MONTHS);

  const counts = {
    structure_charter_missing: await countOf(
      structures(db, ['dans_le_reseau']).where('charterSignedOn', 'is', null),
    ),
    promeneur_charter_missing: await countOf(active().where('charterSignedOn', 'is', null)),
    compliance_check_due: await countOf(
      active().where((eb) =>
        eb.or([
          eb('complianceCheckedOn', 'is', null),
          eb('complianceCheckedOn', '<=', checkDueFrom),
        ]),
      ),
    ),
    promeneur_without_profile: await countOf(
      active().where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('promeneurProfiles')
              .select('id')
              .whereRef('promeneurProfiles.promeneurId', '=', 'promeneurs.id'),
          ),
        ),
      ),
    ),
  };

  const steps: NextStep[] = [];
  if (structureCount === 0)
    steps.push({
      kind: 'add_structure',
      message: 'Ajoutez une première structure porteuse.',
      count: 0,
      link: '/structures/new',
    });
  // A Promeneur needs an employing structure: suggest one once a structure exists.
  if (structureCount > 0 && promeneurCount === 0)
    steps.push({
      kind: 'add_promeneur',
      message: 'Ajoutez un premier Promeneur du Net.',
      count: 0,
      link: '/promeneurs/new',
    });
  const messages: Record<keyof typeof counts, [string, string]> = {
    structure_charter_missing: [
      'Une structure du réseau n’a pas de charte signée enregistrée.',
      '{n} structures du réseau n’ont pas de charte signée enregistrée.',
    ],
    promeneur_charter_missing: [
      'Un Promeneur actif n’a pas de date de signature de la charte.',
      '{n} Promeneurs actifs n’ont pas de date de signature de la charte.',
    ],
    compliance_check_due: [
      `Un profil de Promeneur actif est à vérifier (jamais vérifié, ou il y a ${COMPLIANCE_CHECK_MONTHS} mois ou plus).`,
      `{n} profils de Promeneurs actifs sont à vérifier (jamais vérifiés, ou il y a ${COMPLIANCE_CHECK_MONTHS} mois ou plus).`,
    ],
    promeneur_without_profile: [
      'Un Promeneur actif n’a aucun profil en ligne enregistré.',
      '{n} Promeneurs actifs n’ont aucun profil en ligne enregistré.',
    ],
  };
  for (const kind of Object.keys(counts) as (keyof typeof counts)[]) {
    const count = counts[kind];
    if (count === 0) continue;
    const link = kind === 'structure_charter_missing' ? '/structures' : '/promeneurs';
    steps.push({ kind, message: plural(count, ...messages[kind]), count, link });
  }

  return {
    structuresInNetwork: await countOf(structures(db, ['dans_le_reseau'])),
    // Candidates: not yet in the network, whether interested or already selected by the COPIL.
    structuresCandidate: await countOf(structures(db, ['interessee', 'retenue'])),
    promeneursActive: await countOf(active()),
    promeneursInPreparation: await countOf(promeneurs(db, ['en_preparation'])),
    nextSteps: steps,
  };
}

export const homeHandlers: HandlersOf<RoutesOf<'home'>> = {
  'home.summary': (_input, { session }) => homeSummary(session.db),
};

/**
 * Fills an empty vault with the fictional department of Val-de-Balise: host structures and
 * Promeneurs du Net created through the same services as the interface, so the status
 * history and the audit log look like real use. The same seed (and day) always gives the
 * same data.
 */
import { promeneurFields, type PromeneurFieldsInput } from '../../shared/api/promeneurs';
import { structureFields, type StructureFieldsInput } from '../../shared/api/structures';
import {
  COMPLIANCE_POINTS,
  PUBLICATION_FIELDS,
  type CompliancePoint,
  type Job,
  type Platform,
  type PublicationField,
} from '../../shared/domain/directory';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { luhnValid } from '../../shared/rules/siret';
import { DomainError } from '../../shared/result';
import type { Db } from '../db/connection';
import { archivePromeneur, createPromeneur, updatePromeneur } from '../services/promeneurs';
import { updateSettings } from '../services/settings';
import { createStructure, updateStructure } from '../services/structures';
import {
  COMMUNES,
  DEPARTMENT_NAME,
  FICTION_PHONE_PREFIXES,
  JOBS_BY_TYPE,
  PLATFORM_LINKS,
  PLATFORM_WEIGHTS,
  PROMENEURS,
  REPRESENTATIVES,
  SLOT_TIMES,
  STRUCTURES,
  TERRITORIES,
  type PromeneurSpec,
  type StructureSpec,
} from './data';
import { seedActivity } from './activity';
import { seedCalendar } from './calendar';
import { copilOnOrBefore, seedCommittees } from './committees';
import { seedConventions } from './conventions';
import { seedJournal } from './journal';
import { createRandom, type Random } from './random';

export const DEFAULT_DEMO_SEED = 20261122;

export interface SeedOptions {
  /** The random seed: the same seed gives the same department. */
  seed?: number;
  /** The day the demo is built for (YYYY-MM-DD); dates are spread over the years before it. */
  today?: string;
}

// ---- dates ----------------------------------------------------------------------------

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const earliest = (a: string, b: string) => (a < b ? a : b);
const yearOf = (iso: string) => Number(iso.slice(0, 4));

// ---- fictional identifiers -------------------------------------------------------------

/**
 * A SIRET that passes the Luhn check but whose SIREN (its first nine digits) does not:
 * every real SIREN passes it, so this number cannot belong to a real establishment.
 */
export function fictionalSiret(random: Random): string {
  let siren: string;
  do siren = String(random.int(1, 9)) + random.digits(8);
  while (luhnValid(siren) || siren.startsWith('356'));
  const body = `${siren}000${random.int(1, 4)}`;
  for (let check = 0; check <= 9; check++) if (luhnValid(body + check)) return body + check;
  throw new Error('unreachable: one check digit always fits');
}

/** A phone number from the fiction ranges, never the same twice. */
function phoneMaker(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const number = `${random.pick(FICTION_PHONE_PREFIXES)} ${random.digits(2)} ${random.digits(2)}`;
      if (!used.has(number)) {
        used.add(number);
        return number;
      }
    }
  };
}

/** ASCII, lower case, dashes: for e-mail addresses and handles. */
const slug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// ---- structures ------------------------------------------------------------------------

export interface SeededStructure {
  id: number;
  spec: StructureSpec;
  /** The day it joined the network (null if it never did). */
  inNetworkSince: string | null;
  /** The day it left (for the one that left). */
  leftOn: string | null;
}

function representativeTitle(spec: StructureSpec, female: boolean): string {
  if (spec.legalForm === 'association') return female ? 'Présidente' : 'Président';
  if (spec.type === 'service_jeunesse')
    return female
      ? 'Vice-présidente chargée de la jeunesse'
      : 'Vice-président chargé de la jeunesse';
  if (spec.type === 'maison_ados') return female ? 'Directrice' : 'Directeur';
  return 'Maire';
}

async function seedStructures(
  db: Db,
  random: Random,
  today: string,
  phone: () => string,
): Promise<SeededStructure[]> {
  const representatives = random.shuffle(REPRESENTATIVES);
  const seeded: SeededStructure[] = [];
  for (const [index, spec] of STRUCTURES.entries()) {
    const commune = COMMUNES[spec.commune];
    const rep = representatives[index % representatives.length]!;
    const base: StructureFieldsInput = {
      name: spec.name,
      type: spec.type,
      legalForm: spec.legalForm,
      siret: spec.path === 'interested' && random.chance(0.5) ? null : fictionalSiret(random),
      address: spec.address,
      postalCode: commune.postalCode,
      commune: commune.name,
      territory: TERRITORIES[commune.territory],
      qpv: spec.qpv,
      phone: phone(),
      email: `contact@${spec.domain}`,
      website: `https://www.${spec.domain}/`,
      representativeName: rep.name,
      representativeTitle: representativeTitle(spec, rep.female),
      networkStatus: 'interessee',
      notes: spec.notes ?? null,
    };
    const charter = (since: string) =>
      spec.charterMissing
        ? {}
        : {
            charterSignedOn: earliest(addDays(since, random.int(5, 40)), today),
            charterSignatory: rep.name,
          };
    const create = (fields: StructureFieldsInput) =>
      createStructure(db, structureFields.parse(fields));
    const update = (id: number, fields: StructureFieldsInput) =>
      updateStructure(db, id, structureFields.parse(fields));

    let id: number;
    let inNetworkSince: string | null = null;
    let leftOn: string | null = null;
    switch (spec.path) {
      case 'in_network':
      case 'left': {
        inNetworkSince = addDays(today, -random.int(spec.path === 'left' ? 1350 : 700, 1450));
        const selectionYear = yearOf(inNetworkSince);
        const inNetwork: StructureFieldsInput = {
          ...base,
          networkStatus: 'dans_le_reseau',
          statusSince: inNetworkSince,
          selectionYear,
          ...charter(inNetworkSince),
        };
        if (spec.newRepresentative) {
          // A new president was elected since: the record was created with the previous one,
          // who signed the charter. (There are more representatives than structures.)
          const previous = representatives[representatives.length - 1]!;
          const signed = inNetwork.charterSignedOn ? { charterSignatory: previous.name } : {};
          id = (
            await create({
              ...inNetwork,
              ...signed,
              representativeName: previous.name,
              representativeTitle: representativeTitle(spec, previous.female),
            })
          ).id;
          await update(id, { ...inNetwork, ...signed });
        } else {
          id = (await create(inNetwork)).id;
        }
        if (spec.path === 'left') {
          leftOn = addDays(today, -random.int(240, 400));
          await update(id, { ...inNetwork, networkStatus: 'sortie', statusSince: leftOn });
        }
        break;
      }
      case 'selected_then_in': {
        inNetworkSince = addDays(today, -random.int(400, 800));
        const selectedOn = addDays(inNetworkSince, -random.int(60, 120));
        const interestedSince = addDays(selectedOn, -random.int(60, 200));
        const selectionYear = yearOf(selectedOn);
        id = (await create({ ...base, statusSince: interestedSince })).id;
        await update(id, {
          ...base,
          networkStatus: 'retenue',
          statusSince: selectedOn,
          selectionYear,
        });
        await update(id, {
          ...base,
          networkStatus: 'dans_le_reseau',
          statusSince: inNetworkSince,
          selectionYear,
          ...charter(inNetworkSince),
        });
        break;
      }
      case 'selected': {
        // Selected by the COPIL: on the day of the last one held a few weeks ago or more.
        const selectedOn = copilOnOrBefore(addDays(today, -random.int(20, 90)));
        const interestedSince = addDays(selectedOn, -random.int(45, 150));
        id = (await create({ ...base, statusSince: interestedSince })).id;
        await update(id, {
          ...base,
          networkStatus: 'retenue',
          statusSince: selectedOn,
          selectionYear: yearOf(selectedOn),
        });
        break;
      }
      case 'interested':
        id = (await create({ ...base, statusSince: addDays(today, -random.int(10, 120)) })).id;
        break;
    }
    seeded.push({ id, spec, inNetworkSince, leftOn });
  }
  return seeded;
}

// ---- Promeneurs ------------------------------------------------------------------------

type ComplianceState = 'recent' | 'old' | 'partial_recent' | 'partial_old' | 'never';

function complianceOf(random: Random, state: ComplianceState) {
  const points = Object.keys(COMPLIANCE_POINTS) as CompliancePoint[];
  const all = Object.fromEntries(points.map((p) => [p, state !== 'never'])) as Record<
    CompliancePoint,
    boolean
  >;
  if (state === 'partial_recent' || state === 'partial_old') {
    // The points most often forgotten: the directory link and the logo.
    for (const p of random.sample(
      ['directoryLink', 'logo', 'essentials'] as CompliancePoint[],
      random.int(1, 2),
    ))
      all[p] = false;
  }
  return all;
}

function publicationOf(random: Random, consenting: boolean) {
  const chances: Record<PublicationField, number> = {
    lastName: 0.6,
    email: 0.7,
    phone: 0.35,
    profiles: 0.9,
    dutySlots: 0.8,
  };
  return Object.fromEntries(
    (Object.keys(PUBLICATION_FIELDS) as PublicationField[]).map((f) => [
      f,
      consenting && random.chance(chances[f]),
    ]),
  ) as Record<PublicationField, boolean>;
}

function profilesOf(random: Random, p: PromeneurSpec, structure: StructureSpec, count: number) {
  const platforms = [...new Set(random.shuffle(PLATFORM_WEIGHTS))].slice(0, count) as Platform[];
  // A short place name for handles: the structure domain's last long-enough word.
  const words = slug(structure.domain.replace(/\.example$/, '')).split('-');
  const place = words.filter((w) => w.length >= 4).pop() ?? words.join('');
  return platforms.map((platform) => {
    const style = random.int(0, 2);
    const handle =
      style === 0
        ? `pdn.${slug(p.firstName)}.${place}`
        : style === 1
          ? `${slug(p.firstName)}_promeneur_${place}`
          : `pdn_${slug(p.firstName)}${slug(p.lastName).slice(0, 3)}`;
    const link = PLATFORM_LINKS[platform];
    const name =
      platform === 'whatsapp' || platform === 'discord' || platform === 'jeux_en_ligne'
        ? `${p.firstName} PdN ${structure.name.split(' ').slice(-1)[0]}`
        : handle;
    return { platform, name, url: link ? link(handle) : null };
  });
}

function dutySlotsOf(random: Random, count: number) {
  // Wednesdays and Saturdays are the young people's free afternoons: weigh them.
  const days = [...new Set(random.shuffle([1, 2, 3, 3, 4, 5, 6, 6]))]
    .slice(0, count)
    .sort((a, b) => a - b);
  return days.map((weekday) => {
    const [start, end] = random.pick(SLOT_TIMES);
    return { weekday, start, end };
  });
}

function jobFor(random: Random, structure: StructureSpec): Job {
  return random.chance(0.1) ? 'autre' : random.pick(JOBS_BY_TYPE[structure.type]);
}

async function seedPromeneurs(
  db: Db,
  random: Random,
  today: string,
  phone: () => string,
  structures: SeededStructure[],
): Promise<void> {
  const of = (path: StructureSpec['path'][]) =>
    structures.filter((s) => path.includes(s.spec.path));
  const inNetwork = of(['in_network', 'selected_then_in']);
  const selected = of(['selected']);
  const left = of(['left']);

  // Where each Promeneur works: every structure of the network has at least one active Promeneur.
  const placed = new Map<PromeneurSpec, SeededStructure>();
  const actifs = random.shuffle(PROMENEURS.filter((p) => p.status === 'actif'));
  actifs.forEach((p, i) => placed.set(p, inNetwork[i] ?? random.pick(inNetwork)));
  const preparing = random.shuffle(PROMENEURS.filter((p) => p.status === 'en_preparation'));
  preparing.forEach((p, i) =>
    placed.set(
      p,
      i < 3 && selected.length > 0 ? selected[i % selected.length]! : random.pick(inNetwork),
    ),
  );
  const gone = PROMENEURS.filter((p) => p.status === 'sorti');
  gone.forEach((p, i) =>
    placed.set(p, i < 2 && left.length > 0 ? left[0]! : random.pick(inNetwork)),
  );
  for (const p of PROMENEURS) if (!placed.has(p)) placed.set(p, random.pick(inNetwork));

  // When each started: after their structure joined.
  const startOf = new Map<PromeneurSpec, string | null>();
  for (const p of PROMENEURS) {
    const s = placed.get(p)!;
    if (p.status === 'en_preparation') {
      startOf.set(p, random.chance(0.6) ? addDays(today, -random.int(0, 45)) : null);
      continue;
    }
    const from = addDays(s.inNetworkSince ?? today, random.int(0, 30));
    // Long enough before today for what happened since (a suspension, an exclusion, a departure).
    const margin = { actif: 70, suspendu: 200, exclu: 400, sorti: 400 }[p.status];
    const until = s.leftOn ? addDays(s.leftOn, -200) : addDays(today, -margin);
    startOf.set(p, addDays(from, random.int(0, Math.max(0, daysBetween(from, until)))));
  }

  // The state of each active Promeneur's profile check: mostly fine, some due, a few never done.
  const complianceState = new Map<PromeneurSpec, ComplianceState>();
  const plan = random.shuffle<ComplianceState>([
    ...Array<ComplianceState>(14).fill('recent'),
    ...Array<ComplianceState>(3).fill('old'),
    'partial_recent',
    'partial_recent',
    'partial_old',
    'partial_old',
  ]);
  for (const p of random.shuffle(actifs)) {
    // An "old" check needs a Promeneur who was already there long ago.
    const longEnough = daysBetween(startOf.get(p)!, today) >= 260;
    const index = plan.findIndex((s) => longEnough || !s.endsWith('old'));
    complianceState.set(p, index >= 0 ? plan.splice(index, 1)[0]! : 'never');
  }
  const withoutCharter = new Set(random.sample(actifs, 2));
  const withoutProfile = new Set(
    random.sample(
      actifs.filter((p) => !withoutCharter.has(p)),
      2,
    ),
  );
  const promotedLater = new Set(
    random.sample(
      actifs.filter((p) => !withoutCharter.has(p) && daysBetween(startOf.get(p)!, today) > 120),
      6,
    ),
  );

  // Entered in the order they started, as the coordinator would have.
  const order = [...PROMENEURS].sort((a, b) =>
    (startOf.get(a) ?? '9999').localeCompare(startOf.get(b) ?? '9999'),
  );
  for (const p of order) {
    const structure = placed.get(p)!;
    const start = startOf.get(p) ?? null;
    const domain = structure.spec.domain;
    const working = p.status !== 'en_preparation';
    // When what happened after the start happened: suspension, exclusion, departure.
    const drawnSuspension =
      p.status === 'suspendu'
        ? addDays(today, -random.int(20, 100))
        : p.status === 'exclu'
          ? addDays(today, -random.int(150, 240))
          : null;
    const gap = p.status === 'exclu' ? random.int(30, 60) : 0;
    // An exclusion is a COPIL decision: it dates from the last COPIL held three months ago or
    // more, the suspension from a month or two before (the draws above keep the rest as it was).
    const excludedOn = p.status === 'exclu' ? copilOnOrBefore(addDays(today, -90)) : null;
    const suspendedOn = excludedOn ? addDays(excludedOn, -gap) : drawnSuspension;
    const leftOn =
      p.status === 'sorti' ? (structure.leftOn ?? addDays(today, -random.int(60, 300))) : null;
    // The last profile check: as planned for the actifs, before they stopped for the others.
    const tenure = start ? daysBetween(start, today) : 0;
    const stoppedOn = suspendedOn ?? leftOn;
    const state = complianceState.get(p) ?? (working ? 'recent' : 'never');
    const checkedOn =
      state === 'never' || !start
        ? null
        : stoppedOn
          ? addDays(start, random.int(10, Math.max(10, daysBetween(start, stoppedOn) - 10)))
          : state.endsWith('old')
            ? addDays(today, -random.int(200, Math.max(200, Math.min(560, tenure - 20))))
            : addDays(today, -random.int(3, Math.min(150, Math.max(3, tenure))));
    const charterSignedOn =
      working && start && !withoutCharter.has(p)
        ? earliest(addDays(start, random.int(0, 20)), today)
        : null;
    const profileCount = withoutProfile.has(p)
      ? 0
      : p.status === 'en_preparation'
        ? random.int(0, 1)
        : random.int(1, 4);
    const slotCount = p.status === 'en_preparation' ? random.int(0, 1) : random.int(1, 3);

    const fields: PromeneurFieldsInput = {
      firstName: p.firstName,
      lastName: p.lastName,
      job: jobFor(random, structure.spec),
      structureId: structure.id,
      email: `${slug(p.firstName)}.${slug(p.lastName)}@${domain}`,
      phone: random.chance(0.7) ? phone() : null,
      startDate: start,
      charterSignedOn,
      status: p.status,
      profiles: profilesOf(random, p, structure.spec, profileCount),
      dutySlots: dutySlotsOf(random, slotCount),
      compliance: complianceOf(random, state),
      complianceCheckedOn: checkedOn,
      publication: publicationOf(random, working),
    };
    const create = (f: PromeneurFieldsInput) => createPromeneur(db, promeneurFields.parse(f));
    const update = (id: number, f: PromeneurFieldsInput) =>
      updatePromeneur(db, id, promeneurFields.parse(f));
    const activeSince = start ? addDays(start, random.int(20, 60)) : null;

    switch (p.status) {
      case 'en_preparation':
        await create({ ...fields, statusSince: start });
        break;
      case 'actif':
        if (promotedLater.has(p)) {
          // Trained first, then active once the charter was signed: two steps in the history.
          const { id } = await create({
            ...fields,
            status: 'en_preparation',
            statusSince: start,
            charterSignedOn: null,
            compliance: {},
            complianceCheckedOn: null,
          });
          await update(id, {
            ...fields,
            charterSignedOn: activeSince,
            statusSince: activeSince,
          });
        } else {
          await create({ ...fields, statusSince: start });
        }
        break;
      case 'suspendu': {
        const { id } = await create({ ...fields, status: 'actif', statusSince: start });
        await update(id, {
          ...fields,
          statusSince: suspendedOn,
          notes:
            'Suspension temporaire demandée par la structure (absence longue) ; reprise à prévoir.',
        });
        break;
      }
      case 'exclu': {
        const { id } = await create({ ...fields, status: 'actif', statusSince: start });
        await update(id, {
          ...fields,
          status: 'suspendu',
          statusSince: suspendedOn,
          notes: 'Suspendu dans l’attente de l’avis du COPIL.',
        });
        await update(id, {
          ...fields,
          statusSince: excludedOn,
          notes: `Exclusion décidée par le COPIL du ${formatDate(excludedOn)}, notifiée à la structure par courrier.`,
        });
        break;
      }
      case 'sorti': {
        const { id } = await create({ ...fields, status: 'actif', statusSince: start });
        await update(id, {
          ...fields,
          statusSince: leftOn,
          notes: structure.leftOn
            ? 'Sortie avec sa structure.'
            : 'A quitté la structure (changement de poste).',
        });
        // One former Promeneur is archived, so the archive view has something to show.
        if (p === gone[0]) await archivePromeneur(db, id);
        break;
      }
    }
  }
}

// ---- entry point -----------------------------------------------------------------------

/**
 * Fills an empty vault with the demo department. Refuses a vault that already holds
 * records: fictional data never mixes with real data.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<void> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const today = options.today ?? todayInParis();
  const { n } = await db
    .selectFrom('structures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (n > 0)
    throw new DomainError(
      'CONFLICT',
      'Ce coffre contient déjà des données : les données de démonstration ne s’ajoutent qu’à un coffre vide.',
    );
  const random = createRandom(seed);
  const phone = phoneMaker(random);
  // One transaction: the demo is there entirely, or not at all.
  await db.transaction().execute(async (trx) => {
    const structures = await seedStructures(trx, random, today, phone);
    await seedPromeneurs(trx, random, today, phone, structures);
    await seedConventions(trx, random, today, structures, DEPARTMENT_NAME);
    await seedJournal(
      trx,
      random,
      today,
      structures.filter((s) => s.inNetworkSince !== null && s.leftOn === null).map((s) => s.id),
      (await trx.selectFrom('promeneurs').select('id').where('status', '=', 'actif').execute()).map(
        (p) => p.id,
      ),
    );
    await seedCalendar(trx, random, today);
    await seedActivity(trx, random, today);
    await seedCommittees(trx, random, today);
    await updateSettings(trx, { departmentName: DEPARTMENT_NAME });
  });
}

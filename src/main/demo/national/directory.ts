/**
 * The nation's directory: departments (sizes drawn from a long-tailed law, as real ones
 * range from a few hundred thousand to millions of people), their territories and communes,
 * host structures joining the network over the years (some leaving, some just selected or
 * interested), and their Promeneurs with profiles, duty slots and status history.
 */
import {
  COMPLIANCE_POINTS,
  PUBLICATION_FIELDS,
  type LegalForm,
  type PromeneurStatus,
  type StructureStatus,
  type StructureType,
} from '../../../shared/domain/directory';
import { normalizePhone } from '../../../shared/rules/phone';
import { searchKeyOf, sortKey, sortKeyOf } from '../../../shared/rules/text';
import {
  FICTION_PHONE_PREFIXES,
  JOBS_BY_TYPE,
  PLATFORM_LINKS,
  PLATFORM_WEIGHTS,
  SLOT_TIMES,
} from '../data';
import { fictionalSiret } from '../seed';
import {
  addDays,
  dayBetween,
  daysBetween,
  earliest,
  inserter,
  instantOn,
  weighted,
  yearOf,
  type Gen,
} from './context';
import {
  communeName,
  departmentNames,
  FIRST_NAMES,
  LAST_NAMES,
  rootOf,
  slug,
  territoryName,
} from './names';

export interface Department {
  index: number;
  name: string;
  communes: { name: string; postalCode: string; territory: string }[];
  /** Its share of the nation's structures. */
  weight: number;
}

export interface NationStructure {
  id: number;
  department: number;
  name: string;
  type: StructureType;
  legalForm: LegalForm;
  status: StructureStatus;
  /** The day it joined the network (null when it has not). */
  joinedOn: string | null;
  leftOn: string | null;
}

export interface NationPromeneur {
  id: number;
  department: number;
  structureId: number;
  name: string;
  status: PromeneurStatus;
  /** First day active (null while in preparation). */
  start: string | null;
  /** The day they stopped being active (suspended, left, excluded); null while active. */
  stop: string | null;
}

const TYPE_WEIGHTS: Record<StructureType, number> = {
  centre_social: 22,
  accueil_jeunes: 15,
  service_jeunesse: 12,
  mjc: 10,
  association_jep: 10,
  mission_locale: 6,
  pij: 6,
  prevention_specialisee: 6,
  fjt: 4,
  epn: 4,
  maison_ados: 3,
  autre: 2,
};
const TYPE_NAMES: Record<StructureType, string> = {
  centre_social: 'Centre social',
  accueil_jeunes: 'Accueil jeunes',
  service_jeunesse: 'Service jeunesse',
  mjc: 'MJC',
  association_jep: 'Association Jeunesse et Loisirs',
  mission_locale: 'Mission locale',
  pij: 'Point information jeunesse',
  prevention_specialisee: 'Service de prévention spécialisée',
  fjt: 'Foyer de jeunes travailleurs',
  epn: 'Espace public numérique',
  maison_ados: 'Maison des adolescents',
  autre: 'Espace jeunes',
};
const PUBLIC_TYPES: Partial<Record<StructureType, number>> = {
  service_jeunesse: 1,
  pij: 0.5,
  epn: 0.5,
  maison_ados: 0.5,
};

function departments(gen: Gen): Department[] {
  const { random, size } = gen;
  const names = departmentNames(random, size.departments);
  // A long tail: the largest department has about ten times the structures of the median one.
  const ranks = random.shuffle(names.map((_, i) => i + 1));
  return names.map((name, index) => {
    const territories = Array.from({ length: random.int(2, 6) }, () =>
      territoryName(random, rootOf(random)),
    );
    const communes = Array.from({ length: random.int(6, 14) }, (_, k) => ({
      name: communeName(random),
      postalCode: String(99000 + ((index * 10 + k) % 1000)),
      territory: territories[k % territories.length]!,
    }));
    return { index, name: `${name} (fictif)`, communes, weight: ranks[index]! ** -0.9 };
  });
}

/** How many of `total` fall to each department, at least `min` each. */
export function shares(list: Department[], total: number, min: number): number[] {
  const sum = list.reduce((t, d) => t + d.weight, 0);
  return list.map((d) => Math.max(min, Math.round((total * d.weight) / sum)));
}

function phoneMaker(gen: Gen): () => string {
  return () =>
    normalizePhone(
      `${gen.random.pick(FICTION_PHONE_PREFIXES)} ${gen.random.digits(2)} ${gen.random.digits(2)}`,
    )!;
}

function seedStructures(gen: Gen, list: Department[]): NationStructure[] {
  const { random, today, historyStart, conn } = gen;
  const phone = phoneMaker(gen);
  const insert = inserter(conn, 'structures', [
    'name',
    'type',
    'legal_form',
    'siret',
    'address',
    'postal_code',
    'commune',
    'territory',
    'qpv',
    'phone',
    'email',
    'website',
    'representative_name',
    'representative_title',
    'network_status',
    'selection_year',
    'charter_signed_on',
    'charter_signatory',
    'notes',
    'search_key',
    'sort_key',
    'archived_at',
    'created_at',
    'updated_at',
  ]);
  const history = inserter(conn, 'status_history', [
    'entity',
    'entity_id',
    'status',
    'since',
    'recorded_at',
  ]);
  // The network is older than the history kept: the first structures joined two years before.
  const networkStart = addDays(historyStart, -730);
  const out: NationStructure[] = [];
  const counts = shares(list, gen.size.structures, 4);
  for (const department of list) {
    for (let k = 0; k < counts[department.index]!; k++) {
      const type = weighted(random, TYPE_WEIGHTS);
      const legalForm: LegalForm = random.chance(PUBLIC_TYPES[type] ?? 0)
        ? 'collectivite'
        : 'association';
      const commune = random.pick(department.communes);
      const name = `${TYPE_NAMES[type]} ${random.chance(0.3) ? `${rootOf(random)} ` : ''}de ${commune.name}`;
      const domain = `${slug(name).slice(0, 40)}-${department.index}-${k}.example`;
      const status = weighted<StructureStatus>(random, {
        dans_le_reseau: 80,
        sortie: 9,
        retenue: 5,
        interessee: 6,
      });
      let joinedOn: string | null = null;
      let leftOn: string | null = null;
      let selectedOn: string | null = null;
      let interestedOn: string;
      if (status === 'dans_le_reseau' || status === 'sortie') {
        // Most joined before the history starts; the others over the years since.
        joinedOn = random.chance(0.85)
          ? dayBetween(random, networkStart, historyStart)
          : dayBetween(random, historyStart, addDays(today, -90));
        selectedOn = addDays(joinedOn, -random.int(60, 120));
        interestedOn = addDays(selectedOn, -random.int(60, 200));
        if (status === 'sortie')
          leftOn = dayBetween(random, addDays(joinedOn, 400), addDays(today, -30));
        if (leftOn !== null && leftOn <= joinedOn) leftOn = addDays(joinedOn, 400);
      } else if (status === 'retenue') {
        selectedOn = addDays(today, -random.int(20, 300));
        interestedOn = addDays(selectedOn, -random.int(60, 200));
      } else {
        interestedOn = addDays(today, -random.int(10, 300));
      }
      const female = random.chance(0.5);
      const representative = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      const title =
        legalForm === 'association'
          ? female
            ? 'Présidente'
            : 'Président'
          : type === 'service_jeunesse'
            ? 'Maire'
            : female
              ? 'Directrice'
              : 'Directeur';
      const charterOn =
        joinedOn && random.chance(0.95)
          ? earliest(addDays(joinedOn, random.int(5, 40)), today)
          : null;
      const siret = status === 'interessee' && random.chance(0.5) ? null : fictionalSiret(random);
      const email = `contact@${domain}`;
      const archived =
        status === 'sortie' && random.chance(0.3) ? instantOn(addDays(leftOn!, 60)) : null;
      const last = leftOn ?? joinedOn ?? selectedOn ?? interestedOn;
      const id = insert(
        name,
        type,
        legalForm,
        siret,
        `${random.int(1, 120)} rue des Exemples`,
        commune.postalCode,
        commune.name,
        commune.territory,
        random.chance(0.25) ? 1 : 0,
        phone(),
        email,
        `https://www.${domain}/`,
        representative,
        title,
        status,
        selectedOn ? yearOf(selectedOn) : null,
        charterOn,
        charterOn ? representative : null,
        null,
        searchKeyOf([name, commune.name, commune.territory, email, siret, representative]),
        sortKey(name),
        archived,
        instantOn(interestedOn),
        instantOn(earliest(last, today)),
      );
      history('structure', id, 'interessee', interestedOn, instantOn(interestedOn));
      if (selectedOn) history('structure', id, 'retenue', selectedOn, instantOn(selectedOn));
      if (joinedOn) history('structure', id, 'dans_le_reseau', joinedOn, instantOn(joinedOn));
      if (leftOn) history('structure', id, 'sortie', leftOn, instantOn(leftOn));
      out.push({
        id,
        department: department.index,
        name,
        type,
        legalForm,
        status,
        joinedOn,
        leftOn,
      });
    }
  }
  return out;
}

interface Placement {
  structure: NationStructure;
  status: PromeneurStatus;
  start: string | null;
  stop: string | null;
  /** The suspension before an exclusion. */
  suspendedOn: string | null;
}

/** Where and when each Promeneur works: most structures of the network have one to four. */
function placements(gen: Gen, structures: NationStructure[]): Placement[] {
  const { random, today } = gen;
  const joined = structures.filter((s) => s.joinedOn !== null);
  const selected = structures.filter((s) => s.status === 'retenue');
  const out: Placement[] = [];
  const total = gen.size.promeneurs;
  // Every structure that joined gets one, then the rest go by a drawn size.
  const sizes = joined.map(() => random.int(1, 4));
  const pool = joined.flatMap((s, i) => Array<NationStructure>(sizes[i]!).fill(s));
  const preparing = Math.min(selected.length, Math.round(total * 0.02));
  const picks = [
    ...joined,
    ...Array.from({ length: Math.max(0, total - joined.length - preparing) }, () =>
      random.pick(pool),
    ),
  ];
  for (const structure of picks) {
    const joinedOn = structure.joinedOn!;
    // Most start with their structure; some replace a colleague later.
    const until = structure.leftOn ? addDays(structure.leftOn, -120) : addDays(today, -45);
    const start = random.chance(0.85)
      ? earliest(addDays(joinedOn, random.int(0, 60)), until)
      : dayBetween(random, joinedOn, until);
    if (structure.leftOn) {
      out.push({ structure, status: 'sorti', start, stop: structure.leftOn, suspendedOn: null });
      continue;
    }
    const status = weighted<PromeneurStatus>(random, {
      actif: 84,
      sorti: 10,
      suspendu: 3,
      exclu: 1,
      en_preparation: 2,
    });
    const laterThanStart = (min: number) =>
      dayBetween(random, addDays(start, min), addDays(today, -20));
    switch (status) {
      case 'actif':
        out.push({ structure, status, start, stop: null, suspendedOn: null });
        break;
      case 'en_preparation':
        out.push({ structure, status, start: null, stop: null, suspendedOn: null });
        break;
      case 'exclu': {
        const excluded = laterThanStart(200);
        out.push({ structure, status, start, stop: excluded, suspendedOn: addDays(excluded, -45) });
        break;
      }
      default:
        out.push({ structure, status, start, stop: laterThanStart(90), suspendedOn: null });
    }
  }
  for (const structure of random.sample(selected, preparing))
    out.push({ structure, status: 'en_preparation', start: null, stop: null, suspendedOn: null });
  return out;
}

function complianceJson(gen: Gen, working: boolean): string {
  const partial = gen.random.chance(0.15);
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(COMPLIANCE_POINTS).map((p) => [
        p,
        working && !(partial && (p === 'directoryLink' || p === 'logo')),
      ]),
    ),
  );
}

function publicationJson(gen: Gen, working: boolean): string {
  const chances: Record<string, number> = {
    lastName: 0.6,
    email: 0.7,
    phone: 0.35,
    profiles: 0.9,
    dutySlots: 0.8,
  };
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(PUBLICATION_FIELDS).map((f) => [f, working && gen.random.chance(chances[f]!)]),
    ),
  );
}

function seedPromeneurs(gen: Gen, structures: NationStructure[]): NationPromeneur[] {
  const { random, today, conn } = gen;
  const phone = phoneMaker(gen);
  const insert = inserter(conn, 'promeneurs', [
    'structure_id',
    'first_name',
    'last_name',
    'job',
    'email',
    'phone',
    'start_date',
    'charter_signed_on',
    'status',
    'compliance',
    'compliance_checked_on',
    'publication',
    'notes',
    'search_key',
    'sort_key',
    'archived_at',
    'created_at',
    'updated_at',
  ]);
  const profile = inserter(conn, 'promeneur_profiles', [
    'promeneur_id',
    'position',
    'platform',
    'name',
    'url',
  ]);
  const slot = inserter(conn, 'duty_slots', [
    'promeneur_id',
    'position',
    'weekday',
    'start',
    'end',
  ]);
  const history = inserter(conn, 'status_history', [
    'entity',
    'entity_id',
    'status',
    'since',
    'recorded_at',
  ]);
  // Entered in the order they started, as a coordinator would have.
  const plan = placements(gen, structures).sort((a, b) =>
    (a.start ?? '9999').localeCompare(b.start ?? '9999'),
  );
  const out: NationPromeneur[] = [];
  for (const p of plan) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const domain = `${slug(p.structure.name).slice(0, 40)}.example`;
    const email = `${slug(firstName)}.${slug(lastName)}@${domain}`;
    const working = p.status !== 'en_preparation';
    const preparedOn = p.start
      ? addDays(p.start, -random.int(20, 60))
      : addDays(today, -random.int(0, 60));
    const lastCheck = p.start
      ? random.chance(0.9)
        ? addDays(
            p.stop ?? today,
            -random.int(3, Math.max(3, Math.min(300, daysBetween(p.start, p.stop ?? today)))),
          )
        : null
      : null;
    const handles = working
      ? random
          .sample([...new Set(random.shuffle(PLATFORM_WEIGHTS))], random.int(1, 3))
          .map((platform) => {
            const handle = `pdn.${slug(firstName)}.${slug(p.structure.name).split('-').pop()}`;
            const link = PLATFORM_LINKS[platform];
            return { platform, name: handle, url: link ? link(handle) : null };
          })
      : [];
    const notes =
      p.status === 'exclu'
        ? 'Exclusion décidée par le COPIL, notifiée à la structure par courrier.'
        : p.status === 'suspendu'
          ? 'Suspension temporaire demandée par la structure.'
          : null;
    const lastChange = p.stop ?? p.start ?? preparedOn;
    const id = insert(
      p.structure.id,
      firstName,
      lastName,
      random.chance(0.1) ? 'autre' : random.pick(JOBS_BY_TYPE[p.structure.type]),
      email,
      random.chance(0.7) ? phone() : null,
      p.start,
      p.start && random.chance(0.95) ? earliest(addDays(p.start, random.int(0, 20)), today) : null,
      p.status,
      complianceJson(gen, working && lastCheck !== null),
      lastCheck,
      publicationJson(gen, working),
      notes,
      searchKeyOf([firstName, lastName, email, p.structure.name, ...handles.map((h) => h.name)]),
      sortKeyOf([lastName, firstName]),
      p.status === 'sorti' && random.chance(0.2) ? instantOn(addDays(p.stop!, 90)) : null,
      instantOn(preparedOn),
      instantOn(earliest(lastChange, today)),
    );
    handles.forEach((h, position) => profile(id, position, h.platform, h.name, h.url));
    if (working) {
      const days = [...new Set(random.shuffle([1, 2, 3, 3, 4, 5, 6, 6]))].slice(
        0,
        random.int(1, 3),
      );
      days
        .sort((a, b) => a - b)
        .forEach((weekday, position) => {
          const [start, end] = random.pick(SLOT_TIMES);
          slot(id, position, weekday, start, end);
        });
    }
    const record = (status: string, since: string) =>
      history('promeneur', id, status, since, instantOn(since));
    if (p.start === null) record('en_preparation', preparedOn);
    else {
      record('actif', p.start);
      if (p.suspendedOn) record('suspendu', p.suspendedOn);
      if (p.stop) record(p.status, p.stop);
    }
    out.push({
      id,
      department: p.structure.department,
      structureId: p.structure.id,
      name: `${firstName} ${lastName}`,
      status: p.status,
      start: p.start,
      stop: p.suspendedOn ?? p.stop,
    });
  }
  return out;
}

export interface NationDirectory {
  departments: Department[];
  structures: NationStructure[];
  promeneurs: NationPromeneur[];
}

export function seedDirectory(gen: Gen): NationDirectory {
  const list = departments(gen);
  const structures = seedStructures(gen, list);
  const promeneurs = seedPromeneurs(gen, structures);
  return { departments: list, structures, promeneurs };
}

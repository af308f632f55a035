/**
 * The demo's committees: members of the COPIL and the COTECH (a substitute linked to a
 * titular member, a mandate that ended), their written rules, and on the calendar's past
 * meetings an agenda, attendance (excused and represented members), minutes written in French,
 * approved then circulated, numbered decisions (the structures the demo shows as selected,
 * the Promeneur it shows as excluded) and actions, some still open, one overdue; the next
 * COPIL has its agenda prepared. Everything goes through the committee services.
 */
import {
  actionFields,
  agendaItemFields,
  memberFields,
  type ActionFieldsInput,
  type MemberFieldsInput,
} from '../../shared/api/committees';
import type { Committee, MeetingAttendance } from '../../shared/domain/committees';
import type { RichBlock, RichDoc, RichInline } from '../../shared/domain/richText';
import { addMonths, formatDate } from '../../shared/rules/dates';
import type { Db } from '../db/connection';
import { createAction } from '../services/committees/actions';
import { createDecision } from '../services/committees/decisions';
import {
  createAgendaItem,
  getMeeting,
  recordMeetingAttendance,
  saveItemMinutes,
  setMinutesStatus,
} from '../services/committees/meetings';
import { createMember, updateRules } from '../services/committees/members';
import { copilDays } from './calendar';
import { FICTION_PHONE_PREFIXES } from './data';
import type { Random } from './random';

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);

/** The last demo COPIL day on or before `day` (the calendar holds one each June and December). */
export function copilOnOrBefore(day: string): string {
  const year = Number(day.slice(0, 4));
  return [...copilDays(year - 1), ...copilDays(year)].filter((d) => d <= day).at(-1)!;
}

// ---- rich text -----------------------------------------------------------------------------

const text = (value: string, bold = false): RichInline =>
  bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value };
const p = (...parts: (string | RichInline)[]): RichBlock => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? text(part) : part)),
});
const ul = (...items: string[]): RichBlock => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
const doc = (...blocks: RichBlock[]): RichDoc => ({ type: 'doc', content: blocks });

// ---- members -------------------------------------------------------------------------------

const RULES: Record<Committee, { rules: string; quorum: number | null }> = {
  copil: {
    rules: [
      'Le comité de pilotage réunit les financeurs et les partenaires institutionnels du dispositif Promeneurs du Net. Il est présidé par la CAF de Val-de-Balise.',
      'Composition : un représentant titulaire, et le cas échéant un suppléant, pour la CAF, la MSA, le conseil départemental, le service départemental à la jeunesse et à l’engagement, chaque EPCI engagé et la fédération des centres sociaux ; un représentant des structures du réseau. Des invités peuvent être associés, sans voix délibérative.',
      'Décisions : à la majorité des membres présents ou représentés ; la voix de la présidente est prépondérante en cas de partage. Le quorum est de quatre sièges.',
      'Absences : un titulaire empêché se fait remplacer par son suppléant ou donne pouvoir à un autre membre ; un membre ne détient pas plus d’un pouvoir.',
    ].join('\n\n'),
    quorum: 4,
  },
  cotech: {
    rules: [
      'Le comité technique prépare les travaux du COPIL et suit la vie du réseau : conventions, formations, rencontres, communication, difficultés remontées par les Promeneurs. Il alerte le COPIL quand une décision est nécessaire.',
      'Il réunit les techniciens des partenaires, des responsables de structures et des Promeneurs du Net, au moins trois fois par an. Il ne prend pas de décision engageant les financeurs : pas de quorum.',
    ].join('\n\n'),
    quorum: null,
  },
};

interface MemberPlan extends MemberFieldsInput {
  key: string;
  /** The titular member's key, for a substitute. */
  of?: string;
}

// ---- the meetings' content -------------------------------------------------------------------

interface Point {
  title: string;
  presenter?: string;
  minutes: number;
  links?: { kind: 'structure' | 'promeneur' | 'convention'; id: number }[];
  text: RichDoc;
}

const COORDINATOR = 'La coordinatrice départementale';

export async function seedCommittees(db: Db, random: Random, today: string): Promise<void> {
  const since = addMonths(today, -30);
  const phone = () =>
    `${random.pick(FICTION_PHONE_PREFIXES)} ${random.digits(2)} ${random.digits(2)}`;
  const structures = await db
    .selectFrom('structures')
    .select(['id', 'name', 'networkStatus'])
    .orderBy('id')
    .execute();
  const inNetwork = structures.filter((s) => s.networkStatus === 'dans_le_reseau');
  const selected = structures.filter((s) => s.networkStatus === 'retenue');
  const active = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select(['promeneurs.id', 'firstName', 'lastName', 'structures.name as structureName'])
    .where('status', '=', 'actif')
    .where('promeneurs.archivedAt', 'is', null)
    .orderBy('promeneurs.id')
    .execute();
  const [pdnA, pdnB, pdnC] = random.sample(active, 3);
  const host = inNetwork[0]!;
  const replacedOn = addMonths(today, -11);

  const plans: Record<Committee, MemberPlan[]> = {
    copil: [
      {
        key: 'caf',
        name: 'Agnès Postulat',
        organisationKind: 'caf',
        organisation: 'CAF de Val-de-Balise',
        role: 'president',
        seat: 'titulaire',
        email: 'agnes.postulat@caf-val-de-balise.example',
        phone: phone(),
      },
      {
        key: 'msa',
        name: 'Laurent Présomption',
        organisationKind: 'msa',
        organisation: 'MSA de Val-de-Balise',
        role: 'membre',
        seat: 'titulaire',
        email: 'laurent.presomption@msa-val-de-balise.example',
      },
      {
        key: 'msa2',
        of: 'msa',
        name: 'Nadia Corrélat',
        organisationKind: 'msa',
        organisation: 'MSA de Val-de-Balise',
        role: 'membre',
        seat: 'suppleant',
        email: 'nadia.correlat@msa-val-de-balise.example',
      },
      {
        key: 'cd',
        name: 'Sophie Vraisemblance',
        organisationKind: 'conseil_departemental',
        organisation: 'Conseil départemental de Val-de-Balise',
        role: 'membre',
        seat: 'titulaire',
        email: 's.vraisemblance@val-de-balise.example',
      },
      {
        key: 'sdjes',
        name: 'Julie Axiome',
        organisationKind: 'etat_jeunesse',
        organisation: 'Service départemental à la jeunesse et à l’engagement',
        role: 'membre',
        seat: 'titulaire',
        email: 'julie.axiome@sdje-val-de-balise.example',
      },
      {
        key: 'epci',
        name: 'Henri Syllogisme',
        organisationKind: 'epci',
        organisation: 'Balise Agglomération',
        role: 'membre',
        seat: 'titulaire',
        email: 'h.syllogisme@balise-agglo.example',
      },
      {
        key: 'fede',
        name: 'Odile Métonymie',
        organisationKind: 'federation',
        organisation: 'Fédération des centres sociaux de Val-de-Balise (fictive)',
        role: 'membre',
        seat: 'titulaire',
        email: 'odile.metonymie@federation-cs.example',
      },
      {
        key: 'structure',
        name: 'Yves Anaphore',
        organisationKind: 'structure',
        organisation: host.name,
        role: 'membre',
        seat: 'titulaire',
        email: 'direction@structure-du-reseau.example',
      },
      {
        key: 'education',
        name: 'Marc Corollaire',
        organisationKind: 'autre',
        organisation: 'Services départementaux de l’Éducation nationale',
        role: 'invite',
        seat: 'titulaire',
        email: 'marc.corollaire@education-val-de-balise.example',
      },
      ...(pdnA
        ? [
            {
              key: 'pdn',
              name: `${pdnA.firstName} ${pdnA.lastName}`,
              organisationKind: 'promeneur' as const,
              organisation: pdnA.structureName,
              role: 'invite' as const,
              seat: 'titulaire' as const,
            },
          ]
        : []),
    ],
    cotech: [
      {
        key: 'caf',
        name: 'Bruno Litote',
        organisationKind: 'caf',
        organisation: 'CAF de Val-de-Balise',
        role: 'president',
        seat: 'titulaire',
        email: 'bruno.litote@caf-val-de-balise.example',
        phone: phone(),
      },
      {
        key: 'cd',
        name: 'Camille Ellipse',
        organisationKind: 'conseil_departemental',
        organisation: 'Conseil départemental de Val-de-Balise',
        role: 'membre',
        seat: 'titulaire',
        email: 'c.ellipse@val-de-balise.example',
      },
      {
        key: 'sdjes-old',
        name: 'Paul Zeugme',
        organisationKind: 'etat_jeunesse',
        organisation: 'Service départemental à la jeunesse et à l’engagement',
        role: 'membre',
        seat: 'titulaire',
        memberUntil: addDays(replacedOn, -1),
      },
      {
        key: 'sdjes',
        name: 'Rémi Prétérition',
        organisationKind: 'etat_jeunesse',
        organisation: 'Service départemental à la jeunesse et à l’engagement',
        role: 'membre',
        seat: 'titulaire',
        email: 'remi.preterition@sdje-val-de-balise.example',
        memberFrom: replacedOn,
      },
      {
        key: 'fede',
        name: 'Inès Chiasme',
        organisationKind: 'federation',
        organisation: 'Fédération des centres sociaux de Val-de-Balise (fictive)',
        role: 'membre',
        seat: 'titulaire',
        email: 'ines.chiasme@federation-cs.example',
      },
      {
        key: 'structure',
        name: 'Yves Anaphore',
        organisationKind: 'structure',
        organisation: host.name,
        role: 'membre',
        seat: 'titulaire',
        email: 'direction@structure-du-reseau.example',
      },
      ...[pdnB, pdnC]
        .filter((x) => x !== undefined)
        .map((x, i) => ({
          key: `pdn${i}`,
          name: `${x.firstName} ${x.lastName}`,
          organisationKind: 'promeneur' as const,
          organisation: x.structureName,
          role: 'membre' as const,
          seat: 'titulaire' as const,
        })),
    ],
  };

  /** Member ids by committee and key. */
  const ids: Record<Committee, Map<string, number>> = { copil: new Map(), cotech: new Map() };
  for (const committee of ['copil', 'cotech'] as const) {
    await updateRules(db, { committee, ...RULES[committee] });
    for (const plan of plans[committee]) {
      const { key, of, ...fields } = plan;
      const parsed = memberFields.parse({
        memberFrom: since,
        ...fields,
        substituteOf: of ? ids[committee].get(of)! : null,
      });
      ids[committee].set(key, (await createMember(db, committee, parsed)).id);
    }
  }

  // ---- the meetings, oldest first ----
  const excluded = await db
    .selectFrom('promeneurs')
    .innerJoin('statusHistory', (join) =>
      join
        .onRef('statusHistory.entityId', '=', 'promeneurs.id')
        .on('statusHistory.entity', '=', 'promeneur')
        .on('statusHistory.status', '=', 'exclu'),
    )
    .select(['promeneurs.id', 'firstName', 'lastName', 'statusHistory.since'])
    .executeTakeFirst();
  const selectedSince = new Map<number, string>();
  for (const s of selected) {
    const h = await db
      .selectFrom('statusHistory')
      .select('since')
      .where('entity', '=', 'structure')
      .where('entityId', '=', s.id)
      .where('status', '=', 'retenue')
      .executeTakeFirst();
    if (h) selectedSince.set(s.id, h.since);
  }
  const conventions = await db
    .selectFrom('conventions')
    .select(['id', 'reference', 'structureId'])
    .where('status', 'in', ['signee', 'en_cours'])
    .orderBy('id')
    .execute();

  for (const committee of ['copil', 'cotech'] as const) {
    const events = await db
      .selectFrom('events')
      .select(['id', 'title', 'start', 'status'])
      .where('type', '=', committee)
      .where('status', '!=', 'annule')
      .orderBy('start')
      .execute();
    const past = events.filter((e) => e.start.slice(0, 10) < today);
    const next = events.find((e) => e.start.slice(0, 10) >= today);
    const member = (key: string) => ids[committee].get(key);

    for (const [index, event] of past.entries()) {
      const day = event.start.slice(0, 10);
      const june = day.slice(5, 7) === '06';
      const previous = index > 0 ? past[index - 1]! : null;
      const points: Point[] = [];
      if (committee === 'copil') {
        if (previous)
          points.push({
            title: `Approbation du compte rendu du ${formatDate(previous.start.slice(0, 10))}`,
            presenter: 'La présidente',
            minutes: 5,
            text: doc(
              p(
                'Le compte rendu de la réunion précédente est approuvé à l’unanimité, sans modification.',
              ),
            ),
          });
        if (june) {
          const chosen = selected.filter((s) => selectedSince.get(s.id) === day);
          points.push({
            title: 'Point d’étape du déploiement',
            presenter: COORDINATOR,
            minutes: 30,
            text: doc(
              p(
                'La coordinatrice présente l’état du réseau : structures conventionnées, Promeneurs actifs et en préparation, formations suivies depuis le début de l’année.',
              ),
              ul(
                'les permanences en ligne sont assurées sur des créneaux plus tardifs, en soirée, à la demande des jeunes ;',
                'deux territoires ruraux restent sans Promeneur : la prospection se poursuit avec les EPCI ;',
                'la conformité des profils s’améliore après la formation « Posture professionnelle et charte ».',
              ),
              p(
                'Les membres saluent la dynamique et demandent un ',
                text('bilan chiffré', true),
                ' pour le COPIL de fin d’année.',
              ),
            ),
          });
          points.push({
            title: 'Candidatures à l’appel à projets',
            presenter: COORDINATOR,
            minutes: 40,
            links: chosen.map((s) => ({ kind: 'structure' as const, id: s.id })),
            text: doc(
              chosen.length > 0
                ? p(
                    `Le comité examine ${chosen.length > 1 ? 'les candidatures' : 'la candidature'} reçue${chosen.length > 1 ? 's' : ''} : ${chosen.map((s) => s.name).join(', ')}. Les projets éducatifs, le temps dédié et le soutien de la direction sont jugés solides.`,
                  )
                : p(
                    'Aucune candidature complète n’a été reçue cette fois ; l’appel à projets reste ouvert jusqu’au prochain COPIL.',
                  ),
              p(
                'Les structures retenues signeront la charte et engageront la préparation de leur convention avec la CAF.',
              ),
            ),
          });
        } else {
          points.push({
            title: 'Bilan de l’année et activité des Promeneurs',
            presenter: COORDINATOR,
            minutes: 30,
            text: doc(
              p(
                'La coordinatrice présente le bilan annuel : jeunes contactés en ligne, nature des demandes, situations orientées vers les services compétents.',
              ),
              ul(
                'les demandes portent d’abord sur le mal-être, la scolarité et les relations affectives ;',
                'les échanges sur les messageries instantanées progressent nettement ;',
                'trois situations préoccupantes ont été transmises, dans le respect du protocole départemental.',
              ),
            ),
          });
          points.push({
            title: 'Budget et conventions de l’année à venir',
            presenter: 'CAF de Val-de-Balise',
            minutes: 30,
            ...(conventions[0]
              ? { links: [{ kind: 'convention' as const, id: conventions[0].id }] }
              : {}),
            text: doc(
              p(
                'La CAF présente l’enveloppe prévisionnelle : le forfait par Promeneur et par an est maintenu. La MSA confirme sa participation pour les structures en territoire rural.',
              ),
              p(
                'Les renouvellements de conventions arrivant à échéance seront instruits au premier trimestre, ',
                text('sur demande expresse des structures', true),
                ' (pas de tacite reconduction).',
              ),
            ),
          });
          points.push({
            title: 'Feuille de route de la coordination',
            presenter: COORDINATOR,
            minutes: 25,
            text: doc(
              p('Les priorités proposées pour l’année sont discutées et adoptées :'),
              ul(
                'deux rencontres départementales et quatre sessions de formation ;',
                'une campagne de communication auprès des collèges et des missions locales ;',
                'la mise à jour de l’annuaire départemental des Promeneurs.',
              ),
            ),
          });
        }
        if (excluded && excluded.since === day)
          points.push({
            title: 'Situation d’un Promeneur du Net',
            presenter: COORDINATOR,
            minutes: 20,
            links: [{ kind: 'promeneur', id: excluded.id }],
            text: doc(
              p(
                'Le comité examine la situation d’un Promeneur suspendu dans l’attente de son avis, après plusieurs manquements à la charte (publication de contenus personnels sur le profil professionnel, permanences non assurées malgré les rappels).',
              ),
              p(
                'Après échange avec la structure employeuse, le comité décide l’exclusion du dispositif. La structure en sera informée par courrier.',
              ),
            ),
          });
      } else {
        points.push(
          {
            title: 'Conventions : pièces et versements',
            presenter: 'CAF de Val-de-Balise',
            minutes: 20,
            text: doc(
              p(
                'Point sur les pièces justificatives attendues et les versements de l’année. Les attestations de service fait manquantes sont relancées par la coordinatrice.',
              ),
            ),
          },
          {
            title: 'Formations et rencontres à venir',
            presenter: COORDINATOR,
            minutes: 30,
            text: doc(
              p(
                'Le programme des prochains mois est arrêté ; les Promeneurs demandent un temps sur le ',
                text('droit à l’image', true),
                ' et sur les nouveaux usages des plateformes de jeux en ligne.',
              ),
            ),
          },
          {
            title: 'Remontées des Promeneurs',
            presenter: 'Les Promeneurs présents',
            minutes: 30,
            text: doc(
              p('Les Promeneurs présents font part de leurs difficultés :'),
              ul(
                'le temps dédié en ligne est parfois absorbé par l’accueil physique ;',
                'les signalements de harcèlement entre jeunes sont plus fréquents ;',
                'l’articulation avec les services de protection de l’enfance gagnerait à être formalisée.',
              ),
              p('Le COTECH propose d’en alerter le COPIL.'),
            ),
          },
        );
      }

      const itemIds: number[] = [];
      for (const point of points) {
        const { id } = await createAgendaItem(
          db,
          event.id,
          agendaItemFields.parse({
            title: point.title,
            presenter: point.presenter ?? null,
            durationMinutes: point.minutes,
            links: point.links ?? [],
          }),
        );
        itemIds.push(id);
      }

      // Attendance: most come; an excused titular replaced by a substitute; a member represented.
      const view = await getMeeting(db, event.id, today);
      const marks: {
        memberId: number;
        attendance: MeetingAttendance;
        representedByMemberId: number | null;
      }[] = [];
      const chair = member('caf')!;
      const msaExcused = index % 2 === 0;
      for (const line of view.attendance) {
        const id = line.member.id;
        let attendance: MeetingAttendance = 'present';
        let by: number | null = null;
        if (id === member('msa')) attendance = msaExcused ? 'excuse' : 'present';
        else if (id === member('msa2')) {
          if (!msaExcused) continue;
        } else if (id === member('epci') && index % 3 !== 2) {
          attendance = 'represente';
          by = chair;
        } else if (id === member('sdjes') && random.chance(0.3)) attendance = 'excuse';
        else if (id !== chair && random.chance(0.12))
          attendance = random.chance(0.7) ? 'excuse' : 'absent';
        marks.push({ memberId: id, attendance, representedByMemberId: by });
      }
      if (marks.length > 0) await recordMeetingAttendance(db, event.id, marks);

      // Minutes, per point and for the follow-up of earlier actions.
      const fresh = await getMeeting(db, event.id, today);
      if (fresh.agenda[0]?.followUp)
        await saveItemMinutes(
          db,
          event.id,
          null,
          doc(
            p(
              'Les actions décidées à la réunion précédente sont passées en revue ; leur état est mis à jour dans le tableau des actions.',
            ),
          ),
        );
      for (const [i, point] of points.entries())
        await saveItemMinutes(db, event.id, itemIds[i]!, point.text);

      // Decisions.
      if (committee === 'copil') {
        for (const s of selected.filter((x) => selectedSince.get(x.id) === day))
          await createDecision(db, event.id, {
            type: 'structure_retenue',
            title: `Candidature de ${s.name} retenue`,
            text: 'Le COPIL retient la candidature au titre de l’appel à projets ; la structure signera la charte et préparera sa convention avec la CAF.',
            structureId: s.id,
            promeneurId: null,
            conventionId: null,
          });
        if (excluded && excluded.since === day)
          await createDecision(db, event.id, {
            type: 'promeneur_exclu',
            title: `Exclusion de ${excluded.firstName} ${excluded.lastName} du dispositif`,
            text: 'Après plusieurs manquements à la charte des Promeneurs du Net constatés et signalés à la structure, le COPIL prononce l’exclusion du dispositif à compter de ce jour.',
            structureId: null,
            promeneurId: excluded.id,
            conventionId: null,
          });
        await createDecision(
          db,
          event.id,
          june
            ? {
                type: 'autre',
                title: 'Calendrier des rencontres et formations du second semestre validé',
                text: null,
                structureId: null,
                promeneurId: null,
                conventionId: null,
              }
            : {
                type: 'budget_valide',
                title: `Budget prévisionnel ${Number(day.slice(0, 4)) + 1} validé`,
                text: 'Forfait par Promeneur et par an maintenu ; participation de la MSA pour les structures en territoire rural.',
                structureId: null,
                promeneurId: null,
                conventionId: null,
              },
        );
        if (!june)
          await createDecision(db, event.id, {
            type: 'feuille_de_route',
            title: `Feuille de route ${Number(day.slice(0, 4)) + 1} de la coordination adoptée`,
            text: null,
            structureId: null,
            promeneurId: null,
            conventionId: null,
          });
      }

      // Actions: done for the older meetings; the latest ones still open, one overdue.
      const last = index === past.length - 1;
      const before = index === past.length - 2;
      const nextDay = past[index + 1]?.start.slice(0, 10) ?? today;
      const planned: { who: string; what: string; dueOn: string }[] =
        committee === 'copil'
          ? [
              {
                who: 'La coordinatrice',
                what: 'Diffuser le compte rendu aux membres et aux structures du réseau',
                dueOn: addDays(day, 15),
              },
              {
                who: 'CAF de Val-de-Balise',
                what: june
                  ? 'Transmettre aux structures retenues le modèle de convention'
                  : 'Notifier les montants de l’année aux structures',
                dueOn: addDays(day, 45),
              },
              {
                who: 'Balise Agglomération',
                what: 'Identifier une structure candidate sur les communes sans Promeneur',
                dueOn: addDays(day, 120),
              },
            ]
          : [
              {
                who: 'La coordinatrice',
                what: 'Relancer les attestations de service fait manquantes',
                dueOn: addDays(day, 21),
              },
              {
                who: 'Inès Chiasme',
                what: 'Proposer un intervenant pour la formation sur le droit à l’image',
                dueOn: addDays(day, 40),
              },
            ];
      for (const [i, action] of planned.entries()) {
        let status: ActionFieldsInput['status'] = 'faite';
        let doneOn: string | null = addDays(action.dueOn, -random.int(0, 7));
        if (last) {
          // The overdue one: due before today, still to do.
          status = i === 0 ? 'faite' : i === 1 ? 'a_faire' : 'en_cours';
          doneOn = status === 'faite' ? addDays(day, 6) : null;
          if (status === 'a_faire' && action.dueOn >= today) action.dueOn = addDays(today, -5);
        } else if (before && i === planned.length - 1) {
          status = 'en_cours';
          doneOn = null;
        }
        if (doneOn !== null && doneOn > nextDay) doneOn = nextDay;
        if (doneOn !== null && doneOn > today) doneOn = today;
        await createAction(db, event.id, actionFields.parse({ ...action, status, doneOn }), today);
      }

      // The minutes' life: approved at the next meeting, circulated a week later.
      const later = past[index + 1];
      if (later) {
        const approvedOn = later.start.slice(0, 10);
        const circulated = index < past.length - 2;
        await setMinutesStatus(db, {
          eventId: event.id,
          status: circulated ? 'diffuse' : 'approuve',
          approvedOn,
          approvedAtEventId: later.id,
          circulatedOn: circulated ? addDays(approvedOn, 7) : null,
          recipients: circulated
            ? committee === 'copil'
              ? 'Membres du COPIL ; structures du réseau ; Promeneurs du Net'
              : 'Membres du COTECH ; Promeneurs du Net'
            : null,
        });
      }
    }

    // The next meeting: its agenda is prepared (the follow-up of open actions comes first).
    if (next && committee === 'copil') {
      const june = next.start.slice(5, 7) === '06';
      const upcoming = june
        ? ['Point d’étape du déploiement', 'Candidatures à l’appel à projets', 'Questions diverses']
        : [
            'Bilan de l’année et activité des Promeneurs',
            'Budget et conventions de l’année à venir',
            'Feuille de route de la coordination',
            'Questions diverses',
          ];
      if (past.length > 0)
        upcoming.unshift(
          `Approbation du compte rendu du ${formatDate(past.at(-1)!.start.slice(0, 10))}`,
        );
      for (const title of upcoming)
        await createAgendaItem(
          db,
          next.id,
          agendaItemFields.parse({
            title,
            presenter: title.startsWith('Approbation')
              ? 'La présidente'
              : title === 'Questions diverses'
                ? null
                : COORDINATOR,
            durationMinutes: title.startsWith('Approbation')
              ? 5
              : title === 'Questions diverses'
                ? 10
                : 30,
            links:
              title.startsWith('Budget') && conventions[0]
                ? [{ kind: 'convention', id: conventions[0].id }]
                : [],
          }),
        );
    }
  }
}

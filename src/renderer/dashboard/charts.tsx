/**
 * The dashboard's charts: each turns a series of `dashboard.data` into a ChartCard (its
 * chart, the same figures as a table, its legend, and what to say when there is nothing to
 * draw). Colours are written as values so a saved PNG keeps them.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReactElement } from 'react';
import type { DashboardData } from '../../shared/api/dashboard';
import { formatDate } from '../../shared/rules/dates';
import { plural } from '../components/format';
import { ChartCard } from './ChartCard';
import { COLOURS, euros, eurosShort, fr, niceMax, percent } from './format';

type Series = DashboardData['series'];

interface Context {
  subtitle: string;
  period: string;
}

const AXIS = { fontSize: 12, fill: '#495057' };
const GRID = <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />;
const tooltipNumber = (value: unknown) => fr(Number(value));

/** The width the category axis of a horizontal bar chart needs for its longest label. */
const labelWidth = (labels: string[]) =>
  Math.min(280, Math.max(60, ...labels.map((l) => Math.ceil(l.length * 6.8) + 14)));

/**
 * A category label on one line, right-aligned against the axis (recharts would wrap it on
 * spaces, and wrapped lines overlap their neighbours on a dense axis).
 */
function CategoryTick(props: { x?: number; y?: number; payload?: { value: string } }) {
  return (
    <text x={props.x} y={props.y} dy={4} textAnchor="end" fontSize={12} fill={AXIS.fill}>
      {props.payload?.value}
    </text>
  );
}

/** A horizontal bar chart: the categories down the side, counts along the bottom. */
function horizontalBars(
  data: { label: string }[],
  gap: number,
  bars: ReactElement[],
): ReactElement {
  return (
    <ResponsiveContainer>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 0, right: 24, bottom: 0, left: 0 }}
        barCategoryGap={gap}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" horizontal={false} />
        <XAxis
          type="number"
          tick={AXIS}
          allowDecimals={false}
          domain={[0, niceMax]}
          tickCount={5}
        />
        <YAxis
          type="category"
          dataKey="label"
          tick={<CategoryTick />}
          width={labelWidth(data.map((d) => d.label))}
          interval={0}
        />
        <Tooltip formatter={tooltipNumber} />
        {bars}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function NetworkChart({ data, ...ctx }: { data: Series['network'] } & Context) {
  const nothing = data.every((p) => p.promeneursActive === 0 && p.structuresInNetwork === 0);
  return (
    <ChartCard
      title="Promeneurs et structures au fil du temps"
      description="Promeneurs actifs et structures dans le réseau à la fin de chaque mois, d’après l’historique des statuts."
      legend={[
        { label: 'Promeneurs actifs', colour: COLOURS.blue },
        { label: 'Structures dans le réseau', colour: COLOURS.orange },
      ]}
      empty={
        data.length === 0
          ? 'La période n’a pas encore commencé.'
          : nothing
            ? 'Aucun Promeneur actif ni aucune structure dans le réseau sur la période.'
            : null
      }
      table={{
        columns: [
          { label: 'Date' },
          { label: 'Promeneurs actifs', numeric: true },
          { label: 'Structures dans le réseau', numeric: true },
        ],
        rows: data.map((p) => ({
          key: p.date,
          cells: [formatDate(p.date), fr(p.promeneursActive), fr(p.structuresInNetwork)],
        })),
      }}
      {...ctx}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          {GRID}
          <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tick={AXIS} allowDecimals={false} width={40} />
          <Tooltip formatter={tooltipNumber} />
          <Line
            dataKey="promeneursActive"
            name="Promeneurs actifs"
            stroke={COLOURS.blue}
            strokeWidth={2}
            dot={data.length <= 12}
            isAnimationActive={false}
          />
          <Line
            dataKey="structuresInNetwork"
            name="Structures dans le réseau"
            stroke={COLOURS.orange}
            strokeWidth={2}
            dot={data.length <= 12}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ActivityChart({ data, ...ctx }: { data: Series['activity'] } & Context) {
  return (
    <ChartCard
      title="Jeunes contactés et rencontrés"
      description="Par période de collecte, d’après les bilans d’activité des Promeneurs."
      legend={[
        { label: 'Contactés en ligne', colour: COLOURS.blue },
        { label: 'Rencontrés en présentiel', colour: COLOURS.green },
      ]}
      empty={data.length === 0 ? 'Aucun bilan d’activité sur la période.' : null}
      table={{
        columns: [
          { label: 'Période' },
          { label: 'Contactés en ligne', numeric: true },
          { label: 'Rencontrés en présentiel', numeric: true },
        ],
        rows: data.map((p) => ({
          key: p.key,
          cells: [p.label, fr(p.youngContacted), fr(p.youngMet)],
        })),
      }}
      {...ctx}
    >
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          {GRID}
          <XAxis dataKey="label" tick={AXIS} interval={0} />
          <YAxis tick={AXIS} allowDecimals={false} width={48} domain={[0, niceMax]} tickCount={5} />
          <Tooltip formatter={tooltipNumber} />
          <Bar
            dataKey="youngContacted"
            name="Contactés en ligne"
            fill={COLOURS.blue}
            isAnimationActive={false}
          />
          <Bar
            dataKey="youngMet"
            name="Rencontrés en présentiel"
            fill={COLOURS.green}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Counts per value of a list (themes, channels), as horizontal bars, biggest first. */
function CountsChart({
  title,
  description,
  what,
  unit,
  data,
  empty,
  colour,
  ...ctx
}: {
  title: string;
  description: string;
  what: string;
  unit: string;
  data: Series['themes'];
  empty: string;
  colour: string;
} & Context) {
  const total = data.reduce((t, d) => t + d.count, 0);
  const sorted = [...data].sort((a, b) => b.count - a.count);
  return (
    <ChartCard
      title={title}
      description={description}
      legend={[{ label: unit, colour }]}
      empty={total === 0 ? empty : null}
      table={{
        columns: [
          { label: what },
          { label: unit, numeric: true },
          { label: 'Part', numeric: true },
        ],
        rows: sorted.map((d) => ({
          key: d.label,
          cells: [d.label, fr(d.count), percent(d.count / total, 1)],
        })),
      }}
      {...ctx}
    >
      {horizontalBars(sorted, 2, [
        <Bar key="count" dataKey="count" name={unit} fill={colour} isAnimationActive={false} />,
      ])}
    </ChartCard>
  );
}

export function ThemesChart({ data, ...ctx }: { data: Series['themes'] } & Context) {
  return (
    <CountsChart
      title="Demandes par thème"
      description="Nature des demandes des jeunes, d’après les bilans d’activité."
      what="Thème"
      unit="Demandes"
      data={data}
      empty="Aucune demande renseignée par thème sur la période."
      colour={COLOURS.blue}
      {...ctx}
    />
  );
}

export function ChannelsChart({ data, ...ctx }: { data: Series['channels'] } & Context) {
  return (
    <CountsChart
      title="Canaux utilisés"
      description="Jeunes contactés par canal (un jeune peut l’être sur plusieurs canaux)."
      what="Canal"
      unit="Jeunes contactés"
      data={data}
      empty="Aucun canal renseigné sur la période."
      colour={COLOURS.orange}
      {...ctx}
    />
  );
}

export function AttendanceChart({ data, ...ctx }: { data: Series['attendance'] } & Context) {
  const recorded = data.filter((m) => m.rate !== null);
  const missing = data.length - recorded.length;
  const points = recorded.map((m) => ({
    ...m,
    label: formatDate(m.date),
    percent: Math.round(m.rate! * 1000) / 10,
  }));
  return (
    <ChartCard
      title="Participation aux rencontres départementales"
      description="Part des présents parmi les invités dont la présence a été saisie."
      legend={[{ label: 'Taux de présence', colour: COLOURS.green }]}
      empty={
        data.length === 0
          ? 'Aucune rencontre départementale tenue sur la période.'
          : recorded.length === 0
            ? `Présences non saisies pour ${plural(data.length, 'la rencontre tenue', 'rencontres tenues')}.`
            : null
      }
      note={
        missing > 0
          ? `${plural(missing, 'rencontre', 'rencontres')} sans présences saisies ne figure${missing > 1 ? 'nt' : ''} pas sur le graphique.`
          : null
      }
      table={{
        columns: [
          { label: 'Rencontre' },
          { label: 'Date' },
          { label: 'Invités', numeric: true },
          { label: 'Présents', numeric: true },
          { label: 'Excusés', numeric: true },
          { label: 'Absents', numeric: true },
          { label: 'Taux', numeric: true },
        ],
        rows: data.map((m) => ({
          key: m.eventId,
          cells: [
            m.title,
            formatDate(m.date),
            fr(m.invited),
            fr(m.present),
            fr(m.excused),
            fr(m.absent),
            percent(m.rate),
          ],
        })),
      }}
      {...ctx}
    >
      <ResponsiveContainer>
        <BarChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          {GRID}
          <XAxis dataKey="label" tick={AXIS} interval={0} />
          <YAxis
            tick={AXIS}
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v}\u202f%`}
            width={52}
          />
          <Tooltip
            formatter={(v: unknown) => `${fr(Number(v))}\u202f%`}
            labelFormatter={(label, payload) =>
              (payload?.[0]?.payload as { title?: string } | undefined)?.title ?? String(label)
            }
          />
          <Bar
            dataKey="percent"
            name="Taux de présence"
            fill={COLOURS.green}
            maxBarSize={64}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function SubsidiesChart({ data, ...ctx }: { data: Series['subsidies'] } & Context) {
  return (
    <ChartCard
      title="Subventions engagées et versées"
      description="Par année de convention : subventions des conventions signées (avenants compris) et versements effectués."
      legend={[
        { label: 'Engagé', colour: COLOURS.blue },
        { label: 'Versé', colour: COLOURS.green },
      ]}
      empty={data.length === 0 ? 'Aucune convention signée ni aucun versement.' : null}
      table={{
        columns: [
          { label: 'Année' },
          { label: 'Engagé', numeric: true },
          { label: 'Versé', numeric: true },
          { label: 'Reste à verser', numeric: true },
        ],
        rows: data.map((y) => ({
          key: y.year,
          cells: [
            String(y.year),
            euros(y.committedCents),
            euros(y.paidCents),
            euros(y.committedCents - y.paidCents),
          ],
        })),
      }}
      {...ctx}
    >
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          {GRID}
          <XAxis dataKey="year" tick={AXIS} interval={0} />
          <YAxis tick={AXIS} tickFormatter={eurosShort} width={84} />
          <Tooltip formatter={(v: unknown) => euros(Number(v))} />
          <Bar
            dataKey="committedCents"
            name="Engagé"
            fill={COLOURS.blue}
            isAnimationActive={false}
          />
          <Bar dataKey="paidCents" name="Versé" fill={COLOURS.green} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function TodoChart({ data, ...ctx }: { data: Series['todo'] } & Context) {
  const points = data.map((k) => ({ ...k, upcoming: k.count - k.overdue }));
  return (
    <ChartCard
      title="À faire, par nature"
      description="Éléments de la liste « À faire » jusqu’à l’horizon choisi dans les paramètres, à ce jour."
      legend={[
        { label: 'En retard', colour: COLOURS.red },
        { label: 'À venir', colour: COLOURS.grey },
      ]}
      empty={data.length === 0 ? 'Rien à faire d’ici l’horizon de la liste « À faire ».' : null}
      table={{
        columns: [
          { label: 'Nature' },
          { label: 'À faire', numeric: true },
          { label: 'Dont en retard', numeric: true },
        ],
        rows: data.map((k) => ({ key: k.kind, cells: [k.label, fr(k.count), fr(k.overdue)] })),
      }}
      {...ctx}
    >
      {horizontalBars(points, 4, [
        <Bar
          key="overdue"
          dataKey="overdue"
          name="En retard"
          stackId="todo"
          fill={COLOURS.red}
          isAnimationActive={false}
        />,
        <Bar
          key="upcoming"
          dataKey="upcoming"
          name="À venir"
          stackId="todo"
          fill={COLOURS.grey}
          isAnimationActive={false}
        />,
      ])}
    </ChartCard>
  );
}

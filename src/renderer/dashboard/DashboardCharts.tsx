import { SimpleGrid } from '@mantine/core';
import type { DashboardData } from '../../shared/api/dashboard';
import { STRUCTURE_TYPES } from '../../shared/domain/directory';
import {
  ActivityChart,
  AttendanceChart,
  ChannelsChart,
  NetworkChart,
  SubsidiesChart,
  ThemesChart,
  TodoChart,
} from './charts';

/** « Val-de-Balise — 2026 — Centre social · Balise Agglomération », for a saved chart. */
function subtitleOf(data: DashboardData, department: string): string {
  const parts = [department, data.period.label].filter(Boolean);
  const scope = [
    data.filters.structureName,
    data.filters.structureType && STRUCTURE_TYPES[data.filters.structureType],
    data.filters.territory,
  ].filter(Boolean);
  if (scope.length > 0) parts.push(scope.join(' · '));
  return parts.join(' — ');
}

/** The seven charts of the dashboard, each also as a table and as a PNG. */
export function DashboardCharts({
  data,
  departmentName,
}: {
  data: DashboardData;
  departmentName: string;
}) {
  const ctx = { subtitle: subtitleOf(data, departmentName), period: data.period.label };
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <NetworkChart data={data.series.network} {...ctx} />
      <ActivityChart data={data.series.activity} {...ctx} />
      <ThemesChart data={data.series.themes} {...ctx} />
      <ChannelsChart data={data.series.channels} {...ctx} />
      <AttendanceChart data={data.series.attendance} {...ctx} />
      <SubsidiesChart data={data.series.subsidies} {...ctx} />
      <TodoChart data={data.series.todo} {...ctx} />
    </SimpleGrid>
  );
}

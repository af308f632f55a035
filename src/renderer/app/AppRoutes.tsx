import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../components/QueryState';
import { NotFound } from './NotFound';

/**
 * A page whose module (and the libraries only it uses: charts, calendar, rich text, PDF…)
 * loads on the first visit to its path, not at start-up.
 */
function lazyPage<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const HomePage = lazyPage(() => import('../home/HomePage'), 'HomePage');
const TodoPage = lazyPage(() => import('../todo/TodoPage'), 'TodoPage');
const DashboardPage = lazyPage(() => import('../dashboard/DashboardPage'), 'DashboardPage');
const CalendarPage = lazyPage(() => import('../calendar/CalendarPage'), 'CalendarPage');
const EventDetailPage = lazyPage(() => import('../calendar/EventDetailPage'), 'EventDetailPage');
const EventCreatePage = lazyPage(() => import('../calendar/EventFormPage'), 'EventCreatePage');
const EventEditPage = lazyPage(() => import('../calendar/EventFormPage'), 'EventEditPage');
const JournalPage = lazyPage(() => import('../journal/JournalPage'), 'JournalPage');
const StructuresListPage = lazyPage(
  () => import('../structures/StructuresListPage'),
  'StructuresListPage',
);
const StructureCreatePage = lazyPage(
  () => import('../structures/StructureFormPage'),
  'StructureCreatePage',
);
const StructureEditPage = lazyPage(
  () => import('../structures/StructureFormPage'),
  'StructureEditPage',
);
const StructureDetailPage = lazyPage(
  () => import('../structures/StructureDetailPage'),
  'StructureDetailPage',
);
const DirectoryImportPage = lazyPage(
  () => import('../directoryImport/DirectoryImportPage'),
  'DirectoryImportPage',
);
const PromeneursListPage = lazyPage(
  () => import('../promeneurs/PromeneursListPage'),
  'PromeneursListPage',
);
const PromeneurCreatePage = lazyPage(
  () => import('../promeneurs/PromeneurFormPage'),
  'PromeneurCreatePage',
);
const PromeneurEditPage = lazyPage(
  () => import('../promeneurs/PromeneurFormPage'),
  'PromeneurEditPage',
);
const PromeneurDetailPage = lazyPage(
  () => import('../promeneurs/PromeneurDetailPage'),
  'PromeneurDetailPage',
);
const ConventionsListPage = lazyPage(
  () => import('../conventions/ConventionsListPage'),
  'ConventionsListPage',
);
const ConventionCreatePage = lazyPage(
  () => import('../conventions/ConventionFormPage'),
  'ConventionCreatePage',
);
const ConventionEditPage = lazyPage(
  () => import('../conventions/ConventionFormPage'),
  'ConventionEditPage',
);
const ConventionDetailPage = lazyPage(
  () => import('../conventions/ConventionDetailPage'),
  'ConventionDetailPage',
);
const ActivityPage = lazyPage(() => import('../activity/ActivityPage'), 'ActivityPage');
const ExportsPage = lazyPage(() => import('../exports/ExportsPage'), 'ExportsPage');
const CommitteesPage = lazyPage(() => import('../committees/CommitteesPage'), 'CommitteesPage');
const MeetingPage = lazyPage(() => import('../committees/MeetingPage'), 'MeetingPage');
const BackupsPage = lazyPage(() => import('../backups/BackupsPage'), 'BackupsPage');
const RightsPage = lazyPage(() => import('../rights/RightsPage'), 'RightsPage');
const AuditLogPage = lazyPage(() => import('../history/AuditLogPage'), 'AuditLogPage');
const SettingsPage = lazyPage(() => import('../settings/SettingsPage'), 'SettingsPage');

/** Every screen of the unlocked app and its path (inside the hash: #/structures/12). */
const ROUTES: [path: string, Page: ComponentType][] = [
  ['/', HomePage],
  ['/a-faire', TodoPage],
  ['/tableau-de-bord', DashboardPage],
  ['/calendrier', CalendarPage],
  ['/calendrier/nouveau', EventCreatePage],
  ['/calendrier/:id', EventDetailPage],
  ['/calendrier/:id/modifier', EventEditPage],
  ['/journal', JournalPage],
  ['/structures', StructuresListPage],
  ['/structures/new', StructureCreatePage],
  ['/structures/importer', DirectoryImportPage],
  ['/structures/:id', StructureDetailPage],
  ['/structures/:id/modifier', StructureEditPage],
  ['/promeneurs', PromeneursListPage],
  ['/promeneurs/new', PromeneurCreatePage],
  ['/promeneurs/:id', PromeneurDetailPage],
  ['/promeneurs/:id/modifier', PromeneurEditPage],
  ['/conventions', ConventionsListPage],
  ['/conventions/new', ConventionCreatePage],
  ['/conventions/:id', ConventionDetailPage],
  ['/conventions/:id/modifier', ConventionEditPage],
  ['/activite', ActivityPage],
  ['/exports', ExportsPage],
  ['/instances', CommitteesPage],
  ['/instances/reunions/:id', MeetingPage],
  ['/sauvegardes', BackupsPage],
  ['/donnees-personnelles', RightsPage],
  ['/journal-des-modifications', AuditLogPage],
  ['/parametres', SettingsPage],
];

/** The pages, each behind the shared loading indicator while its chunk arrives. */
export function AppRoutes() {
  return (
    <Routes>
      {ROUTES.map(([path, Page]) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          }
        />
      ))}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

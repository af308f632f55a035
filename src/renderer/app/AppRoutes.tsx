import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { ActivityPage } from '../activity/ActivityPage';
import { BackupsPage } from '../backups/BackupsPage';
import { CalendarPage } from '../calendar/CalendarPage';
import { EventDetailPage } from '../calendar/EventDetailPage';
import { EventCreatePage, EventEditPage } from '../calendar/EventFormPage';
import { CommitteesPage } from '../committees/CommitteesPage';
import { DirectoryImportPage } from '../directoryImport/DirectoryImportPage';
import { MeetingPage } from '../committees/MeetingPage';
import { ConventionDetailPage } from '../conventions/ConventionDetailPage';
import { ConventionCreatePage, ConventionEditPage } from '../conventions/ConventionFormPage';
import { ConventionsListPage } from '../conventions/ConventionsListPage';
import { ExportsPage } from '../exports/ExportsPage';
import { AuditLogPage } from '../history/AuditLogPage';
import { HomePage } from '../home/HomePage';
import { JournalPage } from '../journal/JournalPage';
import { PromeneurDetailPage } from '../promeneurs/PromeneurDetailPage';
import { PromeneurCreatePage, PromeneurEditPage } from '../promeneurs/PromeneurFormPage';
import { PromeneursListPage } from '../promeneurs/PromeneursListPage';
import { RightsPage } from '../rights/RightsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StructureDetailPage } from '../structures/StructureDetailPage';
import { StructureCreatePage, StructureEditPage } from '../structures/StructureFormPage';
import { StructuresListPage } from '../structures/StructuresListPage';
import { TodoPage } from '../todo/TodoPage';
import { Loading } from '../components/QueryState';
import { NotFound } from './NotFound';

/** The dashboard and its charting library load on first visit, not at start-up. */
const DashboardPage = lazy(() =>
  import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

/** Every screen of the unlocked app and its path (inside the hash: #/structures/12). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/a-faire" element={<TodoPage />} />
      <Route
        path="/tableau-de-bord"
        element={
          <Suspense fallback={<Loading />}>
            <DashboardPage />
          </Suspense>
        }
      />
      <Route path="/calendrier" element={<CalendarPage />} />
      <Route path="/calendrier/nouveau" element={<EventCreatePage />} />
      <Route path="/calendrier/:id" element={<EventDetailPage />} />
      <Route path="/calendrier/:id/modifier" element={<EventEditPage />} />
      <Route path="/journal" element={<JournalPage />} />
      <Route path="/structures" element={<StructuresListPage />} />
      <Route path="/structures/new" element={<StructureCreatePage />} />
      <Route path="/structures/importer" element={<DirectoryImportPage />} />
      <Route path="/structures/:id" element={<StructureDetailPage />} />
      <Route path="/structures/:id/modifier" element={<StructureEditPage />} />
      <Route path="/promeneurs" element={<PromeneursListPage />} />
      <Route path="/promeneurs/new" element={<PromeneurCreatePage />} />
      <Route path="/promeneurs/:id" element={<PromeneurDetailPage />} />
      <Route path="/promeneurs/:id/modifier" element={<PromeneurEditPage />} />
      <Route path="/conventions" element={<ConventionsListPage />} />
      <Route path="/conventions/new" element={<ConventionCreatePage />} />
      <Route path="/conventions/:id" element={<ConventionDetailPage />} />
      <Route path="/conventions/:id/modifier" element={<ConventionEditPage />} />
      <Route path="/activite" element={<ActivityPage />} />
      <Route path="/exports" element={<ExportsPage />} />
      <Route path="/instances" element={<CommitteesPage />} />
      <Route path="/instances/reunions/:id" element={<MeetingPage />} />
      <Route path="/sauvegardes" element={<BackupsPage />} />
      <Route path="/donnees-personnelles" element={<RightsPage />} />
      <Route path="/journal-des-modifications" element={<AuditLogPage />} />
      <Route path="/parametres" element={<SettingsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { theme } from './theme';
import { VaultGate } from './VaultGate';

dayjs.locale('fr');

/** A hash router: the app is loaded from a file. One splat route; the pages are routed below. */
const router = createHashRouter([{ path: '*', element: <VaultGate /> }]);

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
        <Notifications position="top-center" />
        <RouterProvider router={router} />
      </DatesProvider>
    </MantineProvider>
  );
}

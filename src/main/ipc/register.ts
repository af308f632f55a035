/**
 * Registers the contract's routes with Electron: one channel, checked sender, then the
 * generic router. The preload exposes nothing else.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/result';
import { isAppUrl } from '../window/security';
import { handlers } from './handlers';
import { dispatch, type Context } from './router';

export const INVOKE_CHANNEL = 'balise:invoke';

export function registerRoutes(ctx: Context, appUrl: () => string, onCall?: () => void): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, route: unknown, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, appUrl())) {
        return fail('FORBIDDEN', 'Appel refusé : il ne vient pas de la fenêtre de Balise.');
      }
      onCall?.();
      return dispatch(handlers, ctx, route, input);
    },
  );
}

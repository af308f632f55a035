/**
 * The backups' routes. All but `backups.create` work while the vault is locked (they never
 * touch `session.db`), so a damaged vault can be restored from the unlock screen.
 */
import type { HandlersOf, RoutesOf } from '../ipc/router';

export const backupsHandlers: HandlersOf<RoutesOf<'backups'>> = {
  'backups.settings.get': (_input, { session }) => session.backups.settings.read(),
  'backups.settings.update': (input, { session }) => session.backups.settings.update(input),
  'backups.list': (_input, { session }) => ({
    folder: session.backups.folder(),
    vaultFolder: session.vault.dir,
    backups: session.backups.list(),
  }),
  'backups.create': (_input, { session }) => {
    session.assertUnlocked();
    return session.backups.create('manual');
  },
  'backups.verify': async (input, { session }) => {
    const { name, ...secret } = input;
    return session.backups.verify(name, secret);
  },
  'backups.restore': async (input, { session }) => {
    const { name, ...secret } = input;
    const outcome = await session.backups.restore(name, secret);
    return { ...outcome, status: await session.status() };
  },
};

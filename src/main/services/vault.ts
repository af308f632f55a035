/** The vault's routes: create, unlock, lock, change the passphrase, open the demo. */
import type { HandlersOf, RoutesOf } from '../ipc/router';

export const vaultHandlers: HandlersOf<RoutesOf<'vault'>> = {
  'vault.status': (_input, { session }) => session.status(),
  'vault.create': (input, { session }) => session.vault.create(input.passphrase),
  'vault.confirmCreate': async (input, { session }) => {
    await session.vault.confirmCreate(input.recoveryKey);
    return session.status();
  },
  'vault.cancelCreate': (_input, { session }) => {
    session.vault.cancelCreate();
    return session.status();
  },
  'vault.unlock': async (input, { session }) => {
    await session.vault.unlock(input.passphrase);
    return session.status();
  },
  'vault.unlockWithRecoveryKey': async (input, { session }) => {
    await session.vault.unlockWithRecoveryKey(input.recoveryKey, input.newPassphrase);
    return session.status();
  },
  'vault.changePassphrase': async (input, { session }) => {
    await session.vault.changePassphrase(input.current, input.next);
    return {};
  },
  'vault.lock': async (_input, { session }) => {
    await session.lock();
    return session.status();
  },
  'vault.openDemo': async (_input, { session }) => {
    await session.openDemo();
    return session.status();
  },
  'vault.leaveDemo': async (_input, { session }) => {
    await session.leaveDemo();
    return session.status();
  },
};

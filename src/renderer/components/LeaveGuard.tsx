import { useBlocker } from 'react-router-dom';
import { ConfirmModal } from './ConfirmModal';

/**
 * Asks before leaving a form with unsaved changes. `shouldBlock` is read at navigation
 * time, so a form can let its own « Enregistrer » through.
 */
export function LeaveGuard({ shouldBlock }: { shouldBlock: () => boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && shouldBlock(),
  );
  return (
    <ConfirmModal
      opened={blocker.state === 'blocked'}
      title="Quitter sans enregistrer ?"
      confirmLabel="Quitter sans enregistrer"
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    >
      Vos modifications n’ont pas été enregistrées et seront perdues.
    </ConfirmModal>
  );
}

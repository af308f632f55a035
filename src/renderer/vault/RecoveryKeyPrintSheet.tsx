import { createPortal } from 'react-dom';
import { formatDate, todayInParis } from '../../shared/rules/dates';

/** What the printer gets (see styles.css): the key and how to use it, nothing else. */
export function RecoveryKeyPrintSheet({ recoveryKey }: { recoveryKey: string }) {
  return createPortal(
    <div className="print-sheet" aria-hidden>
      <h1>Balise — clé de secours du coffre</h1>
      <p>Créée le {formatDate(todayInParis())}.</p>
      <p className="recovery-key">{recoveryKey.split('-').join('  ')}</p>
      <p>
        Cette clé ouvre votre coffre Balise si vous oubliez votre phrase de passe : sur l’écran de
        déverrouillage, choisissez « Phrase de passe oubliée ? Utiliser la clé de secours ».
      </p>
      <p>Rangez cette feuille en lieu sûr, à l’écart de l’ordinateur. Ne la photographiez pas.</p>
    </div>,
    document.body,
  );
}

import { useEffect, useState } from 'react';
import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/rules/passphrase';
import { loadStrengthCheck, MIN_STRENGTH_SCORE } from './strength';

const TOO_WEAK =
  'Cette phrase de passe est trop facile à deviner. Ajoutez des mots sans lien entre eux.';

function passphraseError(value: string, score: number | null): string | undefined {
  if (value.length < MIN_PASSPHRASE_LENGTH)
    return `Au moins ${MIN_PASSPHRASE_LENGTH} caractères (${value.length} pour l’instant).`;
  if (score !== null && score < MIN_STRENGTH_SCORE) return TOO_WEAK;
  return undefined;
}

/** A new passphrase typed twice, with its strength measured as it is typed. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [shown, setShown] = useState({ passphrase: false, confirm: false });
  const [measured, setMeasured] = useState<{ value: string; result: ZxcvbnResult } | null>(null);

  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    const timer = window.setTimeout(() => {
      loadStrengthCheck()
        .then((check) => {
          if (current) setMeasured({ value: passphrase, result: check(passphrase) });
        })
        .catch(() => undefined);
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [passphrase]);

  const strength = passphrase && measured?.value === passphrase ? measured.result : null;
  const errors = {
    passphrase: shown.passphrase ? passphraseError(passphrase, strength?.score ?? null) : undefined,
    confirm:
      shown.confirm && confirm !== passphrase
        ? 'Les deux saisies ne correspondent pas.'
        : undefined,
  };

  /** Checks both fields (waiting for the strength measure if needed); true when both are right. */
  const validate = async (): Promise<boolean> => {
    setShown({ passphrase: true, confirm: true });
    let score: number | null = null;
    try {
      score = (await loadStrengthCheck())(passphrase).score;
    } catch {
      // The dictionaries could not load: the length rule still applies, and main checks it too.
    }
    return !passphraseError(passphrase, score) && confirm === passphrase;
  };

  const reset = () => {
    setPassphrase('');
    setConfirm('');
    setShown({ passphrase: false, confirm: false });
  };

  return {
    passphrase,
    confirm,
    strength,
    errors,
    setPassphrase,
    setConfirm,
    /** Leaving a field shows its error, unless nothing was typed in it yet. */
    blur: (field: 'passphrase' | 'confirm') => {
      if (field === 'passphrase' ? passphrase : confirm)
        setShown((s) => (s[field] ? s : { ...s, [field]: true }));
    },
    validate,
    reset,
  };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;

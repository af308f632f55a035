/** The shared rules: SIRET, phone numbers, e-mail, search keys, dates, record diffs. */
import { describe, expect, it } from 'vitest';
import { addMonths, formatDate, formatInstant, todayInParis } from '../../src/shared/rules/dates';
import { diffRecords } from '../../src/shared/rules/diff';
import { emailError } from '../../src/shared/rules/email';
import { formatPhone, normalizePhone, phoneError } from '../../src/shared/rules/phone';
import { formatSiret, luhnValid, normalizeSiret, siretError } from '../../src/shared/rules/siret';
import { searchKey, searchKeyOf, sortKey, sortKeyOf } from '../../src/shared/rules/text';

describe('SIRET', () => {
  it('accepts a number passing the Luhn check, typed with spaces or dots', () => {
    expect(siretError('73282932000074')).toBeNull();
    expect(siretError('732 829 320 00074')).toBeNull();
    expect(siretError('443.061.841.00047')).toBeNull();
    expect(normalizeSiret(' 732 829 320 00074 ')).toBe('73282932000074');
  });

  it('rejects a wrong check digit', () => {
    expect(luhnValid('73282932000074')).toBe(true);
    expect(luhnValid('73282932000075')).toBe(false);
    expect(siretError('73282932000075')).toBe(
      'Ce SIRET n’est pas valide (clé de contrôle incorrecte).',
    );
    expect(siretError('12345678901234')).toMatch(/clé de contrôle/);
  });

  it('rejects anything but 14 digits', () => {
    for (const wrong of ['7328293200007', '732829320000745', '7328293200007A', ''])
      expect(siretError(wrong)).toBe('Le SIRET doit compter exactement 14 chiffres.');
  });

  it('checks La Poste establishments by the sum of their digits, not Luhn', () => {
    // Sum of digits 15: valid for La Poste although it fails Luhn.
    expect(luhnValid('35600000000001')).toBe(false);
    expect(siretError('35600000000001')).toBeNull();
    // Passes Luhn but its digits sum to 26: not a valid La Poste number.
    expect(luhnValid('35600000000048')).toBe(true);
    expect(siretError('35600000000048')).toMatch(/clé de contrôle/);
  });

  it('shows a SIRET grouped as people read it', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(formatSiret('123')).toBe('123');
  });
});

describe('phone numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['01 23 45 67 89', '+33123456789'],
    ['09 70 12 34 56', '+33970123456'],
  ])('stores %s as %s', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
  });

  it.each([
    ['0262 12 34 56', '+262262123456'], // La Réunion, landline
    ['0692 12 34 56', '+262692123456'], // La Réunion, mobile
    ['0639 12 34 56', '+262639123456'], // Mayotte, mobile
    ['0590 12 34 56', '+590590123456'], // Guadeloupe
    ['0694 12 34 56', '+594694123456'], // Guyane
    ['0696 12 34 56', '+596696123456'], // Martinique
    ['+262 692 12 34 56', '+262692123456'],
    ['00596 696 12 34 56', '+596696123456'],
  ])('stores the overseas number %s with its own country code (%s)', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
  });

  it.each([
    '06 12 34',
    '0012345678',
    '+44 20 7946 0958',
    '6 12 34 56 78',
    'zéro six',
    '',
    '+33 06 12 34 56 78',
  ])('refuses %j', (typed) => {
    expect(normalizePhone(typed)).toBeNull();
    expect(phoneError(typed)).toMatch(/Numéro de téléphone français attendu/);
  });

  it('accepts valid numbers without a message', () => {
    expect(phoneError('06 12 34 56 78')).toBeNull();
  });

  it('shows stored numbers in the French way, overseas ones included', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+262692123456')).toBe('06 92 12 34 56');
    expect(formatPhone('+596596123456')).toBe('05 96 12 34 56');
    expect(formatPhone(null)).toBe('');
    expect(formatPhone('+4420794609')).toBe('+4420794609');
  });
});

describe('e-mail', () => {
  it.each(['camille.martin@mjc-exemple.fr', 'pdn+41@cs.example.org', '  a.b@c.fr  '])(
    'accepts %j',
    (email) => {
      expect(emailError(email)).toBeNull();
    },
  );
  it.each([
    'camille',
    'camille@',
    'camille@mjc',
    'camille martin@mjc.fr',
    'a@@b.fr',
    '@mjc.fr',
    'a@b.c',
  ])('refuses %j', (email) => {
    expect(emailError(email)).toBe('Adresse e-mail invalide (exemple : prenom.nom@structure.fr).');
  });
});

describe('search keys', () => {
  it('folds case and accents', () => {
    expect(searchKey('Éloïse')).toBe('eloise');
    expect(searchKey('FRANÇOIS Gérard')).toBe('francois gerard');
  });

  it('turns hyphens and apostrophes into spaces and folds whitespace', () => {
    expect(searchKey('  Saint-Étienne ')).toBe('saint etienne');
    expect(searchKey('Maison d’Ados')).toBe('maison d ados');
    expect(searchKey("Foyer   l'Escale\t\n")).toBe('foyer l escale');
  });

  it('joins the parts of a record, skipping the missing ones', () => {
    expect(searchKeyOf(['Centre social Élan', null, 'Saint-Étienne', undefined, ''])).toBe(
      'centre social elan saint etienne',
    );
    expect(searchKeyOf([])).toBe('');
  });
});

describe('sort keys', () => {
  const french = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const byKey = (names: string[]) =>
    [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

  it('orders like a French collator ignoring case and accents', () => {
    const names = [
      'Zoé',
      'zola',
      'Émery',
      'Eloy',
      'éloïse',
      'Le Gall',
      'Lefèvre',
      'Legrand',
      'D’Almeida',
      'Dalmas',
      'Œuvray',
      'Oeste',
      'Ode',
      'Çelik',
      'Cyril',
      'Structure 10',
      'Structure 9',
      'Abadie',
    ];
    expect(byKey(names)).toEqual([...names].sort(french.compare));
  });

  it('folds case, accents and ligatures, and pads numbers', () => {
    expect(sortKey('ÉLOÏSE')).toBe(sortKey('eloise'));
    expect(sortKey('Œuvre')).toBe('oeuvre');
    expect(sortKey('Centre 9')).toBe('centre 0000000009');
  });

  it('orders by each part in turn: a shorter last name first, whatever the first name', () => {
    const [a, b] = [sortKeyOf(['Le', 'Zoé']), sortKeyOf(['Le Gall', 'Anne'])];
    expect(a < b).toBe(true);
    expect(sortKeyOf(['Martin', 'Anne']) < sortKeyOf(['Martin', 'Bruno'])).toBe(true);
  });
});

describe('dates', () => {
  it('gives today in Paris, not in UTC', () => {
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInParis(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(todayInParis(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('shows calendar dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-03-09')).toBe('09/03/2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('shows instants in Paris time, summer and winter', () => {
    expect(formatInstant('2026-07-14T08:05:00.000Z')).toBe('14/07/2026 à 10:05');
    expect(formatInstant('2026-01-10T08:05:00.000Z')).toBe('10/01/2026 à 09:05');
    expect(formatInstant('pas une date')).toBe('pas une date');
  });

  it('adds months, clamped to the end of shorter months', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -12)).toBe('2025-03-31');
  });
});

describe('diffRecords', () => {
  type R = {
    name: string;
    commune: string | null;
    qpv: boolean;
    profiles: { platform: string; name: string }[];
  };
  const fields = ['name', 'commune', 'qpv', 'profiles'] as const;
  const before: R = {
    name: 'MJC',
    commune: null,
    qpv: false,
    profiles: [{ platform: 'discord', name: 'mjc' }],
  };

  it('lists every non-null field of a creation, with before null', () => {
    expect(diffRecords(null, before, fields)).toEqual([
      { field: 'name', before: null, after: 'MJC' },
      { field: 'qpv', before: null, after: false },
      { field: 'profiles', before: null, after: [{ platform: 'discord', name: 'mjc' }] },
    ]);
  });

  it('lists only the changed fields, old → new, lists compared as a whole', () => {
    const after: R = {
      ...before,
      commune: 'Aurillac',
      profiles: [{ platform: 'discord', name: 'mjc_pdn' }],
    };
    expect(diffRecords(before, after, fields)).toEqual([
      { field: 'commune', before: null, after: 'Aurillac' },
      { field: 'profiles', before: before.profiles, after: after.profiles },
    ]);
  });

  it('sees no change between equal records, undefined counting as null', () => {
    expect(diffRecords(before, structuredClone(before), fields)).toEqual([]);
    expect(diffRecords({ ...before, commune: undefined } as unknown as R, before, fields)).toEqual(
      [],
    );
  });

  it('only compares the fields it is given', () => {
    expect(diffRecords(before, { ...before, name: 'Autre' }, ['commune'])).toEqual([]);
  });

  it('lists what a deletion loses, with after null', () => {
    expect(diffRecords(before, null, ['name', 'commune'])).toEqual([
      { field: 'name', before: 'MJC', after: null },
    ]);
  });
});

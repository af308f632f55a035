/** How the history panel words a change: labels and values per record kind. */
import { describe, expect, it } from 'vitest';
import { fieldLabel, formatValue } from '../../src/renderer/history/formatChange';

/** Intl writes narrow no-break spaces in amounts: compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('the history of a convention', () => {
  const convention = { entity: 'convention' } as const;

  it('names the fields of the convention and of its parts', () => {
    expect(fieldLabel('convention', 'reference')).toBe('Référence');
    expect(fieldLabel('convention', 'kind', null)).toBe('Première convention ou renouvellement');
    expect(fieldLabel('convention', 'kind', 'Versement : solde 2027')).toBe('Nature du versement');
    expect(fieldLabel('convention', 'amount_cents', 'Versement : solde 2027')).toBe('Montant');
    expect(fieldLabel('convention', 'attachments', 'Pièce : Statuts')).toBe('Fichier joint');
    expect(fieldLabel('convention', 'done')).toBe('Traité le');
  });

  it('shows statuses, kinds and categories with their labels', () => {
    expect(formatValue('status', 'en_cours', convention)).toBe('En cours');
    expect(formatValue('status', 'resiliee', convention)).toBe('Résiliée');
    expect(formatValue('kind', 'renouvellement', convention)).toBe('Renouvellement');
    expect(formatValue('kind', 'avance', convention)).toBe('Avance');
    expect(formatValue('category', 'finances', convention)).toBe('Éléments financiers');
    expect(formatValue('mimeType', 'application/pdf', convention)).toBe('PDF');
    // A Promeneur's status is still a Promeneur's.
    expect(formatValue('status', 'actif', { entity: 'promeneur' })).toBe('Actif');
    expect(formatValue('status', 'actif')).toBe('Actif');
  });

  it('shows amounts in euros and subsidies year by year', () => {
    expect(plain(formatValue('amountCents', 1_200_00, convention))).toBe('1 200,00 €');
    expect(
      plain(
        formatValue(
          'subsidies',
          [
            { year: 2027, amountCents: 4_000_00 },
            { year: 2028, amountCents: 4_500_50 },
          ],
          convention,
        ),
      ),
    ).toBe('2027 : 4 000,00 € ; 2028 : 4 500,50 €');
    expect(formatValue('subsidies', [], convention)).toBe('aucune');
  });

  it('names the convention renewed and the structure, even once deleted', () => {
    const context = {
      ...convention,
      conventionReferences: new Map([[4, 'PDN-2024-003']]),
      structureNames: new Map([[2, 'MJC du Port']]),
    };
    expect(formatValue('previousId', 4, context)).toBe('PDN-2024-003');
    expect(formatValue('previousId', 9, context)).toBe('convention supprimée (n° 9)');
    expect(formatValue('structureId', 2, context)).toBe('MJC du Port');
    expect(formatValue('receivedOn', '2027-03-05', context)).toBe('05/03/2027');
    expect(formatValue('withMsa', true, context)).toBe('Oui');
  });
});

describe('the history of the settings', () => {
  it('names the « J/M » date and the horizon, the month by its name', () => {
    expect(fieldLabel('settings', 'obligationDueDay')).toContain('J/M');
    expect(fieldLabel('settings', 'todoHorizonMonths')).toBe('Horizon de « À faire » (mois)');
    expect(formatValue('obligationDueMonth', 9, { entity: 'settings' })).toBe('septembre');
    expect(formatValue('obligationDueDay', 15, { entity: 'settings' })).toBe('15');
  });
});

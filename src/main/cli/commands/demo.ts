/** `demo`: creates a vault filled with the fictional department of Val-de-Balise. */
import { CONVENTION_STATUSES } from '../../../shared/domain/conventions';
import { PROMENEUR_STATUSES, STRUCTURE_STATUSES } from '../../../shared/domain/directory';
import { DEFAULT_NATION_SEED, seedNation } from '../../demo/national';
import { describeNation } from '../../demo/national/describe';
import { DEFAULT_DEMO_SEED, seedDemo } from '../../demo/seed';
import { DEMO_PASSPHRASE } from '../../session';
import { Vault } from '../../vault/vault';
import type { Command } from '../command';
import { assertNoVault, createVault, newPassphrase, printSetAside } from '../create';
import { UsageError } from '../io';

function parseScale(value: string | boolean | undefined): 'departement' | 'national' {
  if (value === undefined || value === 'departement') return 'departement';
  if (value === 'national') return 'national';
  throw new UsageError('--scale attend « departement » ou « national ».');
}

function parseSeed(value: string | boolean | undefined, fallback = DEFAULT_DEMO_SEED): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff)
    throw new UsageError('--seed attend un nombre entier positif (par exemple --seed 42).');
  return Number(value);
}

/** "35 (actif : 24, en préparation : 5…)": counts per status, never a record's content. */
function breakdown(
  vault: Vault,
  table: 'structures' | 'promeneurs' | 'conventions',
  column: 'network_status' | 'status',
  labels: Record<string, string>,
): string {
  const rows = vault.connection
    .prepare(`select ${column} as status, count(*) as n from ${table} group by ${column}`)
    .all() as { status: string; n: number }[];
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const parts = Object.entries(labels)
    .map(([key, label]) => [label, rows.find((r) => r.status === key)?.n ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label.charAt(0).toLowerCase()}${label.slice(1)} : ${n}`);
  return `${total} (${parts.join(', ')})`;
}

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --vault DOSSIER [--seed N] [--scale departement|national]',
  summary: 'Crée un coffre rempli du département fictif de Val-de-Balise.',
  details: [
    'Crée dans DOSSIER un coffre chiffré et le remplit de données de démonstration entièrement fictives : structures porteuses, Promeneurs du Net, profils, permanences, conventions avec leurs pièces, obligations, versements et avenants, historique. Refuse si un coffre s’y trouve déjà.',
    `La phrase de passe est lue comme pour init ; si aucune n’est donnée, le coffre utilise la phrase de démonstration de Balise (« ${DEMO_PASSPHRASE} »).`,
    `--seed N : la même graine donne toujours les mêmes données (par défaut ${DEFAULT_DEMO_SEED}, ou ${DEFAULT_NATION_SEED} à l’échelle nationale).`,
    '--scale national : un réseau national fictif pour mesurer les performances (101 départements, environ 6 000 Promeneurs, dix ans d’indicateurs mensuels, 20 000 événements, 3 000 conventions) ; une à trois minutes. Par défaut : departement.',
  ],
  options: { seed: { type: 'string' }, scale: { type: 'string' } },
  async run({ vault: dir, values }, ctx) {
    const scale = parseScale(values.scale);
    const seed = parseSeed(
      values.seed,
      scale === 'national' ? DEFAULT_NATION_SEED : DEFAULT_DEMO_SEED,
    );
    const vault = new Vault(dir, { kdf: ctx.kdf });
    assertNoVault(vault);
    const chosen = await newPassphrase(ctx, { fallbackHint: 'la phrase de démonstration' });
    const passphrase = chosen ?? DEMO_PASSPHRASE;
    try {
      const { recoveryKey, setAside } = await createVault(vault, passphrase);
      printSetAside(ctx, setAside);
      try {
        if (scale === 'national') {
          const counts = seedNation(vault.connection, { seed });
          ctx.out(`Coffre de démonstration créé dans ${vault.dir}.`);
          for (const line of describeNation(seed, counts)) ctx.out(line);
        } else await seedDemo(vault.db, { seed });
      } catch (error) {
        ctx.err(
          `Le coffre a été créé dans ${vault.dir} mais n’a pas pu être rempli ; il est resté vide. Vous pouvez supprimer ce dossier et recommencer.`,
        );
        throw error;
      }
      if (scale === 'departement') {
        ctx.out(`Coffre de démonstration créé dans ${vault.dir}.`);
        ctx.out(`Département fictif de Val-de-Balise (graine ${seed}) :`);
        ctx.out(
          `  structures porteuses : ${breakdown(vault, 'structures', 'network_status', STRUCTURE_STATUSES)}`,
        );
        ctx.out(
          `  Promeneurs du Net : ${breakdown(vault, 'promeneurs', 'status', PROMENEUR_STATUSES)}`,
        );
        ctx.out(
          `  conventions : ${breakdown(vault, 'conventions', 'status', CONVENTION_STATUSES)}`,
        );
      }
      ctx.out(
        'Toutes les données sont inventées : noms, SIRET, numéros de téléphone réservés à la fiction, adresses en .example.',
      );
      if (chosen === null) {
        ctx.out();
        ctx.out(
          `Aucune phrase de passe n’a été donnée : ce coffre s’ouvre avec la phrase de démonstration « ${DEMO_PASSPHRASE} ».`,
        );
        ctx.out(
          `Pour que Balise l’utilise comme coffre de démonstration, lancez-la avec BALISE_DEMO_VAULT_DIR=${vault.dir}.`,
        );
      }
      ctx.out();
      ctx.out(`Clé de secours de ce coffre : ${recoveryKey}`);
    } finally {
      await vault.lock();
    }
    return 0;
  },
};

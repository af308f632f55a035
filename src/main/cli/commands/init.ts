/** `init`: creates an empty vault and shows its recovery key once. */
import { Vault } from '../../vault/vault';
import type { Command } from '../command';
import {
  assertNoVault,
  createVault,
  newPassphrase,
  printRecoveryKey,
  printSetAside,
} from '../create';

export const initCommand: Command = {
  name: 'init',
  usage: 'init --vault DOSSIER',
  summary: 'Crée un coffre vide et affiche sa clé de secours, une seule fois.',
  details: [
    'Crée dans DOSSIER un coffre chiffré vide (balise.db et balise.keys.json). Refuse si un coffre s’y trouve déjà.',
    'La phrase de passe (12 caractères au moins) est lue dans la variable d’environnement BALISE_PASSPHRASE, sinon demandée deux fois sans être affichée, ou lue sur la première ligne de l’entrée standard.',
    'La clé de secours s’affiche une seule fois : recopiez-la et rangez-la à l’écart de l’ordinateur.',
  ],
  options: {},
  async run({ vault: dir }, ctx) {
    const vault = new Vault(dir, { kdf: ctx.kdf });
    assertNoVault(vault);
    const passphrase = (await newPassphrase(ctx))!;
    try {
      const { recoveryKey, setAside } = await createVault(vault, passphrase);
      ctx.out(`Coffre créé dans ${vault.dir}.`);
      ctx.out();
      printRecoveryKey(ctx, recoveryKey);
      printSetAside(ctx, setAside);
    } finally {
      await vault.lock();
    }
    return 0;
  },
};

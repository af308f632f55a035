/** The rights of the people in the vault (GDPR): find, export, erase, retention, processing record. */
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { erasePerson } from './erase';
import { exportPerson } from './exportFile';
import { findPeople } from './people';
import { processingRecord } from './register';
import { retentionProposals } from './retention';

export const rightsHandlers: HandlersOf<RoutesOf<'rights'>> = {
  'rights.people': (input, { session }) => findPeople(session.db, input.search),
  'rights.export': (input, { session }) => exportPerson(session.db, input.person, input.format),
  'rights.erase': (input, { session }) => erasePerson(session.db, input.person, input.confirm),
  'rights.retention': (input, { session }) => retentionProposals(session.db, input.on),
  'rights.register': (_input, { session }) => processingRecord(session.db),
};

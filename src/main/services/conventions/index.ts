/** Funding agreements (conventions) and everything that follows them, as route handlers. */
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { createAmendment, removeAmendment, updateAmendment } from './amendments';
import { addAttachment, openAttachment, removeAttachment } from './attachments';
import {
  createConvention,
  getConvention,
  listConventions,
  removeConvention,
  setConventionStatus,
  updateConvention,
} from './convention';
import { addDocument, removeDocument, updateDocument } from './documents';
import { updateObligation } from './obligations';
import { createPayment, removePayment, updatePayment } from './payments';

export {
  addAttachment,
  addDocument,
  createAmendment,
  createConvention,
  createPayment,
  getConvention,
  listConventions,
  openAttachment,
  removeAmendment,
  removeAttachment,
  removeConvention,
  removeDocument,
  removePayment,
  setConventionStatus,
  updateAmendment,
  updateConvention,
  updateDocument,
  updateObligation,
  updatePayment,
};

export const conventionsHandlers: HandlersOf<RoutesOf<'conventions'>> = {
  'conventions.list': (input, { session }) => listConventions(session.db, input),
  'conventions.get': (input, { session }) => getConvention(session.db, input.id),
  'conventions.create': (input, { session }) => createConvention(session.db, input.fields),
  'conventions.update': (input, { session }) =>
    updateConvention(session.db, input.id, input.fields),
  'conventions.setStatus': (input, { session }) => setConventionStatus(session.db, input),
  'conventions.remove': (input, { session }) => removeConvention(session.db, input.id),
  'conventions.documents.add': (input, { session }) =>
    addDocument(session.db, input.conventionId, input.label, input.category),
  'conventions.documents.update': (input, { session }) =>
    updateDocument(session.db, input.id, input.fields),
  'conventions.documents.remove': (input, { session }) => removeDocument(session.db, input.id),
  'conventions.attachments.add': (input, { session }) => addAttachment(session.db, input),
  'conventions.attachments.open': (input, { session }) => openAttachment(session.db, input.id),
  'conventions.attachments.remove': (input, { session }) => removeAttachment(session.db, input.id),
  'conventions.obligations.update': (input, { session }) =>
    updateObligation(session.db, input.conventionId, input.key, input.fields),
  'conventions.payments.create': (input, { session }) =>
    createPayment(session.db, input.conventionId, input.fields),
  'conventions.payments.update': (input, { session }) =>
    updatePayment(session.db, input.id, input.fields),
  'conventions.payments.remove': (input, { session }) => removePayment(session.db, input.id),
  'conventions.amendments.create': (input, { session }) =>
    createAmendment(session.db, input.conventionId, input.fields),
  'conventions.amendments.update': (input, { session }) =>
    updateAmendment(session.db, input.id, input.fields),
  'conventions.amendments.remove': (input, { session }) => removeAmendment(session.db, input.id),
};

/**
 * The Promeneurs' activity indicators — lists, reports by hand, templates out and back,
 * completeness, aggregates — as route handlers.
 */
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { activityAggregates, territories } from './aggregates';
import { completenessOf } from './completeness';
import { confirmImport, previewImports } from './imports';
import { allLists, createListValue, removeListValue, renameListValue, reorderList } from './lists';
import {
  createReport,
  findReport,
  periodOfKey,
  removeReport,
  reportsWhere,
  updateReport,
} from './reports';
import { templatesDownload } from './templates';

export { activityAggregates } from './aggregates';

export const activityHandlers: HandlersOf<RoutesOf<'activity'>> = {
  'activity.lists': (_input, { session }) => allLists(session.db),
  'activity.lists.create': (input, { session }) =>
    createListValue(session.db, input.list, input.label),
  'activity.lists.rename': (input, { session }) =>
    renameListValue(session.db, input.list, input.id, input.label),
  'activity.lists.reorder': (input, { session }) => reorderList(session.db, input.list, input.ids),
  'activity.lists.remove': (input, { session }) =>
    removeListValue(session.db, input.list, input.id),
  'activity.reports.get': (input, { session }) =>
    findReport(session.db, input.promeneurId, periodOfKey(input.periodKey).key),
  'activity.reports.list': (input, { session }) =>
    reportsWhere(session.db, { periodKey: periodOfKey(input.periodKey).key }),
  'activity.reports.create': (input, { session }) =>
    createReport(session.db, input.promeneurId, input.periodKey, input.figures),
  'activity.reports.update': (input, { session }) =>
    updateReport(session.db, input.id, input.figures),
  'activity.reports.remove': (input, { session }) => removeReport(session.db, input.id),
  'activity.completeness': (input, { session }) => completenessOf(session.db, input.periodKey),
  'activity.templates': (input, { session }) =>
    templatesDownload(session.db, input.periodKey, input.promeneurId),
  'activity.importPreview': (input, { session }) => previewImports(session.db, input),
  'activity.importConfirm': (input, { session }) => confirmImport(session.db, input),
  'activity.aggregates': async (input, { session }) => ({
    ...(await activityAggregates(session.db, input)),
    territories: await territories(session.db),
  }),
};

import type { ConventionStatus } from '../../shared/domain/conventions';

/** A renewal is prepared from a convention that was signed, is running, or has expired. */
export const canRenew = (status: ConventionStatus) =>
  status === 'signee' || status === 'en_cours' || status === 'echue';

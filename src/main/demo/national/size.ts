/**
 * How big the synthetic nation is. The full size is the issue's: 101 departments, about
 * 2,500 structures and 5,000 Promeneurs, ten years of monthly figures, 20,000 events, 3,000
 * conventions and 500 committee meetings. Tests use a small nation with the same shape.
 */

/** Bumped whenever the generator writes different rows for the same seed (caches key on it). */
export const NATION_GENERATOR_VERSION = 2;

export const DEFAULT_NATION_SEED = 20261203;

export interface NationSize {
  departments: number;
  structures: number;
  promeneurs: number;
  /** Years of history before today: activity figures, events and meetings. */
  years: number;
  /** Calendar events other than committee meetings. */
  events: number;
  /** COPIL and COTECH meetings. */
  meetings: number;
  /** Years of convention history (the agreements signed before were not entered). */
  conventionYears: number;
  /** Members of each committee over the years. */
  committeeMembers: number;
}

export const FULL_NATION: NationSize = {
  departments: 101,
  structures: 2500,
  promeneurs: 6300,
  years: 10,
  events: 19_500,
  meetings: 500,
  conventionYears: 1.5,
  committeeMembers: 30,
};

/**
 * The full size: about 6,300 Promeneur records over ten years, of whom about 5,000 are active
 * today, gives about 600,000 monthly reports; 1.5 years of agreements kept give about 3,000
 * conventions (with the ones in force and the drafts).
 */
/** A nation small enough for a test: a few departments, two years. */
export const SMALL_NATION: NationSize = {
  departments: 3,
  structures: 30,
  promeneurs: 70,
  years: 2,
  events: 150,
  meetings: 12,
  conventionYears: 3,
  committeeMembers: 10,
};

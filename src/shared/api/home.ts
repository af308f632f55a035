import { z } from 'zod';
import { noInput } from './fields';

/** One thing the coordinator should do next, pointing at the record or list concerned. */
export const nextStep = z.object({
  kind: z.enum([
    'add_structure',
    'add_promeneur',
    'structure_charter_missing',
    'promeneur_charter_missing',
    'compliance_check_due',
    'promeneur_without_profile',
  ]),
  message: z.string(),
  count: z.number().int(),
  /** Where the renderer goes to act: a route path inside the app. */
  link: z.string(),
});
export type NextStep = z.output<typeof nextStep>;

export const homeSummary = z.object({
  structuresInNetwork: z.number().int(),
  structuresCandidate: z.number().int(),
  promeneursActive: z.number().int(),
  promeneursInPreparation: z.number().int(),
  nextSteps: z.array(nextStep),
});
export type HomeSummary = z.output<typeof homeSummary>;

export const homeRoutes = {
  'home.summary': { input: noInput, output: homeSummary },
};

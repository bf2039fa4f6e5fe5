import { MODULE_REQUEST_PATH, moduleRequestStepNumber, type ModuleRequestStage } from './api-types';

export type { RequestListItem } from './fragments';

/** The ten steps a request walks (SUBMITTED to WARRANTY); CLOSED ends the last of them. */
export const TEN_STEPS = MODULE_REQUEST_PATH.slice(0, 10);

/**
 * "Step n of 10" as the vendor counts: 0 once received (SUBMITTED), 10 in WARRANTY and once CLOSED;
 * null when the request left the path (rejected, withdrawn). The rule is the domain's.
 */
export const stepNumber = moduleRequestStepNumber;

export type StepState = 'done' | 'current' | 'todo' | 'skipped';

/**
 * Where each of the ten steps stands for a request in `stage` that reached `reached` (the stages
 * in its history): done, current, to come; or, for a request that stopped (rejected, withdrawn),
 * the steps it never reached are skipped.
 */
export function stepStates(
  stage: ModuleRequestStage,
  reached: readonly ModuleRequestStage[],
): { stage: ModuleRequestStage; state: StepState }[] {
  const currentIndex = (TEN_STEPS as readonly ModuleRequestStage[]).indexOf(stage);
  const closed = stage === 'CLOSED';
  const stopped = stage === 'REJECTED' || stage === 'WITHDRAWN';
  const reachedSet = new Set(reached);
  return TEN_STEPS.map((step, index) => {
    let state: StepState;
    if (closed) state = 'done';
    else if (stopped) state = reachedSet.has(step) ? 'done' : 'skipped';
    else if (index < currentIndex) state = 'done';
    else if (index === currentIndex) state = 'current';
    else state = 'todo';
    return { stage: step, state };
  });
}

export function byNewest<T extends { createdAt: string }>(a: T, b: T): number {
  return b.createdAt.localeCompare(a.createdAt);
}

/** When each stage was entered and by whom, from a request's timeline (the last time, for a stage entered twice). */
export function stagesReached(
  timeline: readonly { kind: string; stage: ModuleRequestStage; at: string; by: { name: string } | null }[],
): Partial<Record<ModuleRequestStage, { at: string; by: string | null }>> {
  const entries: Partial<Record<ModuleRequestStage, { at: string; by: string | null }>> = {};
  for (const event of timeline) {
    if (event.kind === 'STAGE') entries[event.stage] = { at: event.at, by: event.by?.name ?? null };
  }
  return entries;
}

// The staff queue of open module requests: the filters a URL carries, the board's columns, and
// the list's filter options. Pure functions, so the page's load and its tests share them.
import { MODULE_REQUEST_PATH, isOpenModuleRequest, type ModuleRequestStage } from '../api-types';

/** The stages a request can be in while it is open: the board's columns, in the vendor's order. */
export const OPEN_STAGES: readonly ModuleRequestStage[] = MODULE_REQUEST_PATH.filter((stage) =>
  isOpenModuleRequest(stage),
);

/** An assignee filter value meaning "nobody is in charge". */
export const UNASSIGNED = 'none';

export interface QueueFilter {
  stage: ModuleRequestStage | null;
  moduleId: string | null;
  customerId: string | null;
  /** A user id, or UNASSIGNED. */
  assigneeId: string | null;
}

export type QueueView = 'board' | 'list';

/** The queue's filters and view from a URL's query; unknown or empty values mean "any". */
export function queueFilterFromQuery(params: URLSearchParams): { filter: QueueFilter; view: QueueView } {
  const text = (name: string) => params.get(name)?.trim() || null;
  const stage = text('stage');
  return {
    filter: {
      stage: stage && OPEN_STAGES.includes(stage as ModuleRequestStage) ? (stage as ModuleRequestStage) : null,
      moduleId: text('module'),
      customerId: text('customer'),
      assigneeId: text('assignee'),
    },
    view: params.get('view') === 'list' ? 'list' : 'board',
  };
}

/** The fields of a queued request the filters look at. */
export interface QueuedRequest {
  stage: ModuleRequestStage;
  module: { id: string } | null;
  customer: { id: string };
  assignee: { id: string } | null;
}

export function matchesQueueFilter(request: QueuedRequest, filter: QueueFilter): boolean {
  if (filter.stage && request.stage !== filter.stage) return false;
  if (filter.moduleId && request.module?.id !== filter.moduleId) return false;
  if (filter.customerId && request.customer.id !== filter.customerId) return false;
  if (filter.assigneeId === UNASSIGNED) return request.assignee === null;
  if (filter.assigneeId && request.assignee?.id !== filter.assigneeId) return false;
  return true;
}

/** The board: one column per open stage (all of them, or the filtered one), requests in queue order. */
export function boardColumns<T extends QueuedRequest>(
  requests: readonly T[],
  stage: ModuleRequestStage | null,
): { stage: ModuleRequestStage; requests: T[] }[] {
  const stages = stage ? [stage] : OPEN_STAGES;
  return stages.map((column) => ({ stage: column, requests: requests.filter((r) => r.stage === column) }));
}

/** The distinct values of some field of the queue, by name: a filter's options. */
export function filterOptions<T>(
  requests: readonly T[],
  pick: (request: T) => { id: string; name: string } | null,
): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const request of requests) {
    const option = pick(request);
    if (option) byId.set(option.id, option.name);
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** "3 d", "5 h", "12 min": how long a request has waited in its stage, for a queue card. */
export function timeInStage(seconds: number): { unit: 'days' | 'hours' | 'minutes'; count: number } {
  if (seconds >= 86_400) return { unit: 'days', count: Math.floor(seconds / 86_400) };
  if (seconds >= 3_600) return { unit: 'hours', count: Math.floor(seconds / 3_600) };
  return { unit: 'minutes', count: Math.max(0, Math.floor(seconds / 60)) };
}

/** The most open requests the queue loads at once: the API's largest page. */
export const MAX_QUEUE = 100;

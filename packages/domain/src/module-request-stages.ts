// The vendor's ten steps for a module request (DESIGN.md section 1) and who may move a request
// along them (section 3), as a table and pure functions. No clock, no I/O.

export const MODULE_REQUEST_KINDS = ['NEW_MODULE', 'EXTENSION'] as const;
export type ModuleRequestKind = (typeof MODULE_REQUEST_KINDS)[number];

/** The ten steps in order, from the customer's submission to the warranty, then CLOSED: a timeline's spine. */
export const MODULE_REQUEST_PATH = [
  'SUBMITTED',
  'CONSULTATION',
  'ANALYSIS',
  'CONTRACT',
  'DEVELOPMENT',
  'SANDBOX_TESTING',
  'VERIFICATION',
  'INSTALLATION',
  'TRAINING',
  'WARRANTY',
  'CLOSED',
] as const;

export const MODULE_REQUEST_STAGES = [...MODULE_REQUEST_PATH, 'REJECTED', 'WITHDRAWN'] as const;
export type ModuleRequestStage = (typeof MODULE_REQUEST_STAGES)[number];

/** Stages a request never leaves. */
export const FINAL_MODULE_REQUEST_STAGES: readonly ModuleRequestStage[] = ['CLOSED', 'REJECTED', 'WITHDRAWN'];

/** Open requests are the ones staff still work on (their queue) and customers may still talk about. */
export function isOpenModuleRequestStage(stage: ModuleRequestStage): boolean {
  return !FINAL_MODULE_REQUEST_STAGES.includes(stage);
}

/** The roles of DESIGN.md section 3, as far as module requests care. Mirrors the Prisma enum `Role`. */
export type ModuleRequestRole =
  'CUSTOMER_USER' | 'CUSTOMER_ADMIN' | 'CUSTOMER_CARE' | 'IMPLEMENTATION' | 'ENGINEER' | 'ADMIN';

/**
 * Who moves requests: the vendor's staff who run the process (implementation, customer care, an
 * administrator), engineers (who build and test: only out of DEVELOPMENT and SANDBOX_TESTING), the
 * customer's administrator (who may only withdraw), and customer users (who may only read).
 */
export type ModuleRequestActor = 'STAFF_ADVANCER' | 'ENGINEER' | 'CUSTOMER_ADMIN' | 'NONE';

const ACTOR_OF_ROLE: Readonly<Record<ModuleRequestRole, ModuleRequestActor>> = {
  IMPLEMENTATION: 'STAFF_ADVANCER',
  CUSTOMER_CARE: 'STAFF_ADVANCER',
  ADMIN: 'STAFF_ADVANCER',
  CUSTOMER_ADMIN: 'CUSTOMER_ADMIN',
  CUSTOMER_USER: 'NONE',
  ENGINEER: 'ENGINEER',
};

export function moduleRequestActor(role: ModuleRequestRole): ModuleRequestActor {
  return ACTOR_OF_ROLE[role];
}

/** The roles that advance requests and assign them, e.g. for an auth scope. */
export const STAFF_ADVANCER_ROLES = (Object.keys(ACTOR_OF_ROLE) as ModuleRequestRole[]).filter(
  (role) => ACTOR_OF_ROLE[role] === 'STAFF_ADVANCER',
);

/** The roles that may move a request at all (staff and engineers), e.g. for an auth scope; customers withdraw apart. */
export const MODULE_REQUEST_MOVER_ROLES = (Object.keys(ACTOR_OF_ROLE) as ModuleRequestRole[]).filter(
  (role) => ACTOR_OF_ROLE[role] === 'STAFF_ADVANCER' || ACTOR_OF_ROLE[role] === 'ENGINEER',
);

/** The stages engineers work in: they move a request out of them (forward, or back to DEVELOPMENT). */
const ENGINEERING: readonly ModuleRequestStage[] = ['DEVELOPMENT', 'SANDBOX_TESTING'];

/**
 * A build that fails its sandbox test or its verification goes back to DEVELOPMENT, with a note
 * saying what was wrong (the customer reads it on the timeline).
 */
const BACK_TO_DEVELOPMENT: readonly ModuleRequestStage[] = ['SANDBOX_TESTING', 'VERIFICATION'];

/** Whether moving from `from` to `to` sends the request back for rework rather than forward. */
export function isModuleRequestSendBack(from: ModuleRequestStage, to: ModuleRequestStage): boolean {
  return to === 'DEVELOPMENT' && BACK_TO_DEVELOPMENT.includes(from);
}

/** A customer may withdraw until development starts: from then on the vendor has built for it. */
const WITHDRAWABLE: readonly ModuleRequestStage[] = MODULE_REQUEST_PATH.slice(
  0,
  MODULE_REQUEST_PATH.indexOf('DEVELOPMENT'),
);

/** The stage after `stage` on the path, or null at CLOSED and off the path. */
function nextOnPath(stage: ModuleRequestStage): ModuleRequestStage | null {
  const index = (MODULE_REQUEST_PATH as readonly ModuleRequestStage[]).indexOf(stage);
  return index >= 0 && index < MODULE_REQUEST_PATH.length - 1 ? (MODULE_REQUEST_PATH[index + 1] ?? null) : null;
}

/**
 * The stages `actor` may move a request in `from` to, in the order a menu would offer them:
 * staff, the next step on the path, or REJECTED from any open stage; the customer's administrator,
 * WITHDRAWN before DEVELOPMENT; nobody, anything out of a final stage.
 */
export function nextModuleRequestStages(from: ModuleRequestStage, actor: ModuleRequestActor): ModuleRequestStage[] {
  if (!isOpenModuleRequestStage(from)) return [];
  switch (actor) {
    case 'STAFF_ADVANCER': {
      const next = nextOnPath(from);
      const back: ModuleRequestStage[] = BACK_TO_DEVELOPMENT.includes(from) ? ['DEVELOPMENT'] : [];
      return [...(next ? [next] : []), ...back, 'REJECTED'];
    }
    case 'ENGINEER': {
      if (!ENGINEERING.includes(from)) return [];
      const next = nextOnPath(from);
      const back: ModuleRequestStage[] = BACK_TO_DEVELOPMENT.includes(from) ? ['DEVELOPMENT'] : [];
      return [...(next ? [next] : []), ...back];
    }
    case 'CUSTOMER_ADMIN':
      return WITHDRAWABLE.includes(from) ? ['WITHDRAWN'] : [];
    case 'NONE':
      return [];
  }
}

export type ModuleRequestTransition =
  | { ok: true }
  | { ok: false; code: 'INVALID_TRANSITION'; message: string }
  | { ok: false; code: 'INVALID_INPUT'; field: 'note'; message: string };

/**
 * Whether `actor` may move a request from `from` to `to`, with `note` (already trimmed; empty
 * means none). A rejection must say why: the customer reads it.
 */
export function moduleRequestTransition(
  from: ModuleRequestStage,
  to: ModuleRequestStage,
  actor: ModuleRequestActor,
  note?: string | null,
): ModuleRequestTransition {
  if (!nextModuleRequestStages(from, actor).includes(to)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: transitionRefusal(from, to, actor) };
  }
  if (to === 'REJECTED' && !note) {
    return { ok: false, code: 'INVALID_INPUT', field: 'note', message: 'A rejection needs a note saying why.' };
  }
  if (isModuleRequestSendBack(from, to) && !note) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      field: 'note',
      message: 'Sending a request back to DEVELOPMENT needs a note saying what must be reworked.',
    };
  }
  return { ok: true };
}

function transitionRefusal(from: ModuleRequestStage, to: ModuleRequestStage, actor: ModuleRequestActor): string {
  if (!isOpenModuleRequestStage(from)) return `The request is ${from} and can no longer change stage.`;
  if (to === from) return `The request is already ${from}.`;
  if (actor === 'CUSTOMER_ADMIN') {
    return to === 'WITHDRAWN'
      ? 'A request can only be withdrawn before development starts.'
      : 'A customer can only withdraw a request; the vendor moves it through its stages.';
  }
  if (actor === 'NONE') return 'Your role cannot change the stage of a module request.';
  if (actor === 'ENGINEER' && !ENGINEERING.includes(from)) {
    return 'Engineers move a request only through DEVELOPMENT and SANDBOX_TESTING.';
  }
  if (to === 'WITHDRAWN') return 'Only the customer can withdraw its request.';
  const next = nextOnPath(from);
  const back = BACK_TO_DEVELOPMENT.includes(from) ? ', back to DEVELOPMENT' : '';
  if (actor === 'ENGINEER') {
    return `From ${from} an engineer can only move the request to ${next} (one step at a time)${back}.`;
  }
  return next
    ? `From ${from} the request can only move to ${next} (one step at a time)${back} or be REJECTED.`
    : `From ${from} the request can only be REJECTED.`;
}

/** The vendor's process has ten steps after the request is received. */
export const MODULE_REQUEST_STEP_COUNT = 10;

/**
 * The step number the customer sees, counting the vendor's ten steps: SUBMITTED is step 0 (the
 * request was received), CONSULTATION step 1 ... TRAINING step 8; WARRANTY holds the last two steps
 * (free support for force-majeure cases, then the warranty) and counts as step 10, as does CLOSED.
 * Null for a request that left the path (rejected, withdrawn).
 */
export function moduleRequestStepNumber(stage: ModuleRequestStage): number | null {
  const index = (MODULE_REQUEST_PATH as readonly ModuleRequestStage[]).indexOf(stage);
  if (index < 0) return null;
  return index >= MODULE_REQUEST_PATH.indexOf('WARRANTY') ? MODULE_REQUEST_STEP_COUNT : index;
}

/**
 * The warranty starts when the request enters WARRANTY (not when it is closed): from then on the
 * delivered module, new or extended, is under warranty and its end date is shown.
 */
export function startsModuleRequestWarranty(stage: ModuleRequestStage): boolean {
  return stage === 'WARRANTY';
}

/**
 * Comments and assignments are taken while the request is open: once it is closed, rejected or
 * withdrawn the conversation is over, and a new need is a new request.
 */
export function acceptsModuleRequestWork(stage: ModuleRequestStage): boolean {
  return isOpenModuleRequestStage(stage);
}

/** A request is put in the hands of an implementation consultant (TK) who still works for the vendor. */
export function mayBeAssignedModuleRequests(user: { role: ModuleRequestRole; disabled: boolean }): boolean {
  return user.role === 'IMPLEMENTATION' && !user.disabled;
}

/** The roles that install customers' modules and set their versions and warranty ends. */
export const INSTALLED_MODULE_MANAGER_ROLES: readonly ModuleRequestRole[] = ['ENGINEER', 'ADMIN'];

/** What a staff member's request page offers, each a button or a form; the API refuses the rest anyway. */
export interface ModuleRequestActions {
  /** The next step on the path, when it is not closing. */
  advanceTo: ModuleRequestStage | null;
  /** Closing, from the warranty. */
  close: boolean;
  /** Back to DEVELOPMENT, with the reason the customer reads (from SANDBOX_TESTING or VERIFICATION). */
  sendBack: boolean;
  /** Rejecting, with the reason the customer reads. */
  reject: boolean;
  /** Putting an implementation consultant in charge. */
  assign: boolean;
  /** Setting the delivered module's warranty end, at the WARRANTY step. */
  setWarranty: boolean;
}

/** The request page's buttons for `role` on a request in `stage`: the same rules the API applies. */
export function moduleRequestActions(stage: ModuleRequestStage, role: ModuleRequestRole): ModuleRequestActions {
  const actor = moduleRequestActor(role);
  const next = nextModuleRequestStages(stage, actor);
  const forward = next.find(
    (to) => (MODULE_REQUEST_PATH as readonly ModuleRequestStage[]).includes(to) && !isModuleRequestSendBack(stage, to),
  );
  return {
    advanceTo: forward && forward !== 'CLOSED' ? forward : null,
    close: forward === 'CLOSED',
    sendBack: next.some((to) => isModuleRequestSendBack(stage, to)),
    reject: next.includes('REJECTED'),
    assign: actor === 'STAFF_ADVANCER' && acceptsModuleRequestWork(stage),
    setWarranty: startsModuleRequestWarranty(stage) && INSTALLED_MODULE_MANAGER_ROLES.includes(role),
  };
}

/** From WARRANTY on (and once CLOSED) the request shows when the delivered module's warranty ends. */
export function showsModuleRequestWarranty(stage: ModuleRequestStage): boolean {
  return stage === 'WARRANTY' || stage === 'CLOSED';
}

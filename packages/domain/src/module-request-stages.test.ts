// Cases written from the vendor's process (DESIGN.md sections 1 and 3): ten steps one at a time
// by staff, REJECTED by staff from any open stage with a note, WITHDRAWN by the customer's
// administrator before development, nothing out of a final stage.
import { describe, expect, it } from 'vitest';
import {
  MODULE_REQUEST_PATH,
  MODULE_REQUEST_STAGES,
  MODULE_REQUEST_MOVER_ROLES,
  moduleRequestActions,
  moduleRequestActor,
  moduleRequestStepNumber,
  moduleRequestTransition,
  nextModuleRequestStages,
  STAFF_ADVANCER_ROLES,
  type ModuleRequestActor,
  type ModuleRequestStage,
  showsModuleRequestWarranty,
  startsModuleRequestWarranty,
} from './module-request-stages.ts';

const FINAL: ModuleRequestStage[] = ['CLOSED', 'REJECTED', 'WITHDRAWN'];
const OPEN = MODULE_REQUEST_STAGES.filter((stage) => !FINAL.includes(stage));

/** No move from any stage: what the table below starts each actor from. */
const NOWHERE = Object.fromEntries(MODULE_REQUEST_STAGES.map((stage) => [stage, []])) as unknown as Record<
  ModuleRequestStage,
  ModuleRequestStage[]
>;

// The whole table: for every actor and every stage, the stages it may move a request to.
const TABLE: Record<ModuleRequestActor, Record<ModuleRequestStage, ModuleRequestStage[]>> = {
  STAFF_ADVANCER: {
    ...NOWHERE,
    SUBMITTED: ['CONSULTATION', 'REJECTED'],
    CONSULTATION: ['ANALYSIS', 'REJECTED'],
    ANALYSIS: ['CONTRACT', 'REJECTED'],
    CONTRACT: ['DEVELOPMENT', 'REJECTED'],
    DEVELOPMENT: ['SANDBOX_TESTING', 'REJECTED'],
    SANDBOX_TESTING: ['VERIFICATION', 'DEVELOPMENT', 'REJECTED'],
    VERIFICATION: ['INSTALLATION', 'DEVELOPMENT', 'REJECTED'],
    INSTALLATION: ['TRAINING', 'REJECTED'],
    TRAINING: ['WARRANTY', 'REJECTED'],
    WARRANTY: ['CLOSED', 'REJECTED'],
  },
  CUSTOMER_ADMIN: {
    ...NOWHERE,
    SUBMITTED: ['WITHDRAWN'],
    CONSULTATION: ['WITHDRAWN'],
    ANALYSIS: ['WITHDRAWN'],
    CONTRACT: ['WITHDRAWN'],
  },
  ENGINEER: { ...NOWHERE, DEVELOPMENT: ['SANDBOX_TESTING'], SANDBOX_TESTING: ['VERIFICATION', 'DEVELOPMENT'] },
  NONE: NOWHERE,
};

describe('the ten steps', () => {
  it('run SUBMITTED to CLOSED through every open stage', () => {
    // The order of the steps is pinned by their numbers below.
    expect(OPEN).toHaveLength(10);
    expect(MODULE_REQUEST_PATH).toEqual([...OPEN, 'CLOSED']);
    expect(MODULE_REQUEST_PATH[0]).toBe('SUBMITTED');
    const path: readonly ModuleRequestStage[] = MODULE_REQUEST_PATH;
    expect(MODULE_REQUEST_STAGES.filter((stage) => !path.includes(stage))).toEqual(['REJECTED', 'WITHDRAWN']);
  });

  it('are moved by implementation, customer care and administrators, engineers through development; customers may only withdraw', () => {
    expect([...STAFF_ADVANCER_ROLES].sort()).toEqual(['ADMIN', 'CUSTOMER_CARE', 'IMPLEMENTATION']);
    expect([...MODULE_REQUEST_MOVER_ROLES].sort()).toEqual(['ADMIN', 'CUSTOMER_CARE', 'ENGINEER', 'IMPLEMENTATION']);
    expect(moduleRequestActor('CUSTOMER_ADMIN')).toBe('CUSTOMER_ADMIN');
    expect(moduleRequestActor('CUSTOMER_USER')).toBe('NONE');
    expect(moduleRequestActor('ENGINEER')).toBe('ENGINEER');
  });

  it('number the steps the customer sees from 0 (received) to 10 (support and warranty)', () => {
    const numbers = Object.fromEntries(MODULE_REQUEST_STAGES.map((stage) => [stage, moduleRequestStepNumber(stage)]));
    expect(numbers).toEqual({
      SUBMITTED: 0,
      CONSULTATION: 1,
      ANALYSIS: 2,
      CONTRACT: 3,
      DEVELOPMENT: 4,
      SANDBOX_TESTING: 5,
      VERIFICATION: 6,
      INSTALLATION: 7,
      TRAINING: 8,
      WARRANTY: 10,
      CLOSED: 10,
      REJECTED: null,
      WITHDRAWN: null,
    });
  });

  it('start the warranty on entering WARRANTY, not on closing', () => {
    expect(MODULE_REQUEST_STAGES.filter(startsModuleRequestWarranty)).toEqual(['WARRANTY']);
    expect(MODULE_REQUEST_STAGES.filter(showsModuleRequestWarranty)).toEqual(['WARRANTY', 'CLOSED']);
  });
});

describe('moduleRequestTransition', () => {
  for (const actor of Object.keys(TABLE) as ModuleRequestActor[]) {
    for (const from of MODULE_REQUEST_STAGES) {
      const allowed = TABLE[actor][from];
      it(`${actor} from ${from}: ${allowed.join(', ') || 'nothing'}`, () => {
        expect(nextModuleRequestStages(from, actor)).toEqual(allowed);
        for (const to of MODULE_REQUEST_STAGES) {
          const result = moduleRequestTransition(from, to, actor, 'a note');
          if (allowed.includes(to)) expect(result).toEqual({ ok: true });
          else expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
        }
      });
    }
  }

  it('refuses a skipped step, a step back and staying put', () => {
    expect(moduleRequestTransition('SUBMITTED', 'ANALYSIS', 'STAFF_ADVANCER')).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'From SUBMITTED the request can only move to CONSULTATION (one step at a time) or be REJECTED.',
    });
    expect(moduleRequestTransition('CONTRACT', 'ANALYSIS', 'STAFF_ADVANCER').ok).toBe(false);
    expect(moduleRequestTransition('CONTRACT', 'CONTRACT', 'STAFF_ADVANCER')).toMatchObject({
      message: 'The request is already CONTRACT.',
    });
  });

  it('needs a note to reject, and none for anything else', () => {
    for (const note of [undefined, null, '']) {
      expect(moduleRequestTransition('ANALYSIS', 'REJECTED', 'STAFF_ADVANCER', note)).toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        field: 'note',
        message: 'A rejection needs a note saying why.',
      });
      expect(moduleRequestTransition('ANALYSIS', 'CONTRACT', 'STAFF_ADVANCER', note)).toEqual({ ok: true });
      expect(moduleRequestTransition('ANALYSIS', 'WITHDRAWN', 'CUSTOMER_ADMIN', note)).toEqual({ ok: true });
    }
  });

  it('sends a request back to DEVELOPMENT from sandbox testing or verification only with a note', () => {
    for (const from of ['SANDBOX_TESTING', 'VERIFICATION'] as const) {
      for (const note of [undefined, null, '']) {
        expect(moduleRequestTransition(from, 'DEVELOPMENT', 'STAFF_ADVANCER', note)).toMatchObject({
          ok: false,
          code: 'INVALID_INPUT',
          field: 'note',
        });
      }
      expect(moduleRequestTransition(from, 'DEVELOPMENT', 'STAFF_ADVANCER', 'Báo cáo tồn kho sai số lượng')).toEqual({
        ok: true,
      });
    }
    expect(moduleRequestTransition('SANDBOX_TESTING', 'DEVELOPMENT', 'ENGINEER', 'Lỗi làm tròn')).toEqual({ ok: true });
    expect(moduleRequestTransition('INSTALLATION', 'DEVELOPMENT', 'STAFF_ADVANCER', 'late')).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(moduleRequestTransition('SANDBOX_TESTING', 'CONTRACT', 'STAFF_ADVANCER', 'x')).toMatchObject({
      message:
        'From SANDBOX_TESTING the request can only move to VERIFICATION (one step at a time), back to DEVELOPMENT or be REJECTED.',
    });
  });

  it('keeps engineers to development and sandbox testing', () => {
    expect(moduleRequestTransition('VERIFICATION', 'INSTALLATION', 'ENGINEER')).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Engineers move a request only through DEVELOPMENT and SANDBOX_TESTING.',
    });
    expect(moduleRequestTransition('DEVELOPMENT', 'REJECTED', 'ENGINEER', 'no')).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('explains a refused withdrawal and a customer trying to advance', () => {
    expect(moduleRequestTransition('DEVELOPMENT', 'WITHDRAWN', 'CUSTOMER_ADMIN')).toMatchObject({
      message: 'A request can only be withdrawn before development starts.',
    });
    expect(moduleRequestTransition('SUBMITTED', 'CONSULTATION', 'CUSTOMER_ADMIN')).toMatchObject({
      message: 'A customer can only withdraw a request; the vendor moves it through its stages.',
    });
    expect(moduleRequestTransition('SUBMITTED', 'WITHDRAWN', 'STAFF_ADVANCER')).toMatchObject({
      message: 'Only the customer can withdraw its request.',
    });
    expect(moduleRequestTransition('CLOSED', 'REJECTED', 'STAFF_ADVANCER')).toMatchObject({
      message: 'The request is CLOSED and can no longer change stage.',
    });
  });
});

describe("the request page's buttons", () => {
  it('staff: the next step and rejecting; sending back from sandbox testing and verification; closing from the warranty', () => {
    expect(moduleRequestActions('ANALYSIS', 'IMPLEMENTATION')).toEqual({
      advanceTo: 'CONTRACT',
      close: false,
      sendBack: false,
      reject: true,
      assign: true,
      setWarranty: false,
    });
    expect(moduleRequestActions('VERIFICATION', 'IMPLEMENTATION')).toMatchObject({
      advanceTo: 'INSTALLATION',
      sendBack: true,
      reject: true,
    });
    expect(moduleRequestActions('WARRANTY', 'CUSTOMER_CARE')).toMatchObject({
      advanceTo: null,
      close: true,
      setWarranty: false,
    });
  });

  it('engineers: only through development and sandbox testing, and the warranty date', () => {
    expect(moduleRequestActions('SANDBOX_TESTING', 'ENGINEER')).toEqual({
      advanceTo: 'VERIFICATION',
      close: false,
      sendBack: true,
      reject: false,
      assign: false,
      setWarranty: false,
    });
    expect(moduleRequestActions('DEVELOPMENT', 'ENGINEER')).toMatchObject({
      advanceTo: 'SANDBOX_TESTING',
      sendBack: false,
    });
    expect(moduleRequestActions('VERIFICATION', 'ENGINEER')).toMatchObject({ advanceTo: null, sendBack: false });
    expect(moduleRequestActions('WARRANTY', 'ENGINEER')).toMatchObject({ close: false, setWarranty: true });
    expect(moduleRequestActions('WARRANTY', 'ADMIN')).toMatchObject({ close: true, setWarranty: true, assign: true });
  });

  it('nothing on a closed request, and nothing for customers', () => {
    const none = { advanceTo: null, close: false, sendBack: false, reject: false, assign: false, setWarranty: false };
    expect(moduleRequestActions('CLOSED', 'ADMIN')).toEqual(none);
    expect(moduleRequestActions('SANDBOX_TESTING', 'CUSTOMER_USER')).toEqual(none);
    expect(moduleRequestActions('CONSULTATION', 'CUSTOMER_ADMIN')).toEqual(none);
  });
});

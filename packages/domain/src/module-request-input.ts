// What a customer may ask for, and the texts people attach to a module request, checked and
// tidied before anything is written. Pure: the caller looks up the module and what is installed.
import type { ModuleRequestKind } from './module-request-stages.ts';

export const MODULE_REQUEST_LIMITS = {
  titleMax: 200,
  descriptionMax: 10_000,
  /** A note on a stage change (a rejection's reason, a consultant's summary). */
  noteMax: 5_000,
  commentMax: 5_000,
  /**
   * Comments and assignments on one request, together: a conversation longer than this belongs in a
   * new request, and it keeps the timeline (these plus at most one event per stage) bounded.
   */
  conversationMax: 300,
} as const;

export interface ModuleRequestInputProblem {
  code: 'INVALID_INPUT' | 'CONFLICT';
  /** The input field at fault, e.g. 'title'. */
  field: string;
  message: string;
}

export type CheckedModuleRequestInput<T> =
  { ok: true; value: T } | { ok: false; problems: ModuleRequestInputProblem[] };

export interface ModuleRequestDraft {
  kind: ModuleRequestKind;
  title: string;
  description: string;
  /** The module the customer named, or null when it named none. */
  module: {
    key: string;
    /** Keys of the modules it requires. */
    requires: readonly string[];
  } | null;
  /** Keys of the modules the customer has installed. */
  installed: ReadonlySet<string>;
  /** Keys of the modules the customer already has an open NEW_MODULE request for. */
  openNewModuleRequests: ReadonlySet<string>;
}

export interface AcceptedModuleRequest {
  title: string;
  description: string;
  /** Keys of required modules the customer lacks: recorded on the request, and told to the customer. */
  missingPrerequisites: string[];
}

/**
 * A request a customer may make: a NEW_MODULE names a module it does not have (and is not asking
 * for already); an EXTENSION names an installed module or none; a title of 1-200 characters and
 * a description of up to 10,000, both trimmed.
 */
export function checkModuleRequestDraft(draft: ModuleRequestDraft): CheckedModuleRequestInput<AcceptedModuleRequest> {
  const problems: ModuleRequestInputProblem[] = [];
  const title = draft.title.trim();
  const description = draft.description.trim();
  if (title.length === 0) problems.push(invalid('title', 'A title is required.'));
  else if ([...title].length > MODULE_REQUEST_LIMITS.titleMax) {
    problems.push(invalid('title', `The title can be at most ${MODULE_REQUEST_LIMITS.titleMax} characters.`));
  }
  if ([...description].length > MODULE_REQUEST_LIMITS.descriptionMax) {
    problems.push(
      invalid('description', `The description can be at most ${MODULE_REQUEST_LIMITS.descriptionMax} characters.`),
    );
  }
  const { module } = draft;
  if (draft.kind === 'NEW_MODULE') {
    if (!module) problems.push(invalid('moduleId', 'A new-module request must name the module wanted.'));
    else if (draft.installed.has(module.key)) {
      problems.push(invalid('moduleId', 'The customer already has this module; request an EXTENSION of it instead.'));
    } else if (draft.openNewModuleRequests.has(module.key)) {
      problems.push({
        code: 'CONFLICT',
        field: 'moduleId',
        message: 'The customer already has an open request for this module.',
      });
    }
  } else if (module && !draft.installed.has(module.key)) {
    problems.push(invalid('moduleId', 'An extension must name a module the customer has installed (or none).'));
  }
  if (problems.length > 0) return { ok: false, problems };
  const missingPrerequisites =
    draft.kind === 'NEW_MODULE' && module ? module.requires.filter((key) => !draft.installed.has(key)) : [];
  return { ok: true, value: { title, description, missingPrerequisites } };
}

/** A note on a stage change or an assignment: optional, trimmed, empty meaning none. */
export function checkStageNote(
  note: string | null | undefined,
  field = 'note',
): CheckedModuleRequestInput<string | null> {
  const trimmed = note?.trim() ?? '';
  if ([...trimmed].length > MODULE_REQUEST_LIMITS.noteMax) {
    return {
      ok: false,
      problems: [invalid(field, `The note can be at most ${MODULE_REQUEST_LIMITS.noteMax} characters.`)],
    };
  }
  return { ok: true, value: trimmed.length > 0 ? trimmed : null };
}

/** A comment in a request's conversation: required, trimmed. */
export function checkComment(body: string, field = 'body'): CheckedModuleRequestInput<string> {
  const trimmed = body.trim();
  if (trimmed.length === 0) return { ok: false, problems: [invalid(field, 'A comment cannot be empty.')] };
  if ([...trimmed].length > MODULE_REQUEST_LIMITS.commentMax) {
    return {
      ok: false,
      problems: [invalid(field, `A comment can be at most ${MODULE_REQUEST_LIMITS.commentMax} characters.`)],
    };
  }
  return { ok: true, value: trimmed };
}

function invalid(field: string, message: string): ModuleRequestInputProblem {
  return { code: 'INVALID_INPUT', field, message };
}

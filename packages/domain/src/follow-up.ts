// The account team's follow-up of a customer: the note of a call about a notice awaiting its
// acknowledgement, and where a customer's window proposal stands. Pure: the callers load the rows.
// (No imports: the portal loads this file in the browser as it is.)

/** A call note is a line or two for colleagues ("Spoke to Ms Lan, she acknowledges today"), not a report. */
export const CALL_NOTE_MAX = 500;

export type CheckedCallNote = { ok: true; note: string } | { ok: false; code: 'INVALID_INPUT'; message: string };

/** The note trimmed, or why it cannot be recorded: empty, or longer than CALL_NOTE_MAX characters. */
export function checkCallNote(note: string): CheckedCallNote {
  const trimmed = note.trim();
  if (!trimmed) return { ok: false, code: 'INVALID_INPUT', message: 'Say what the call was about.' };
  if (trimmed.length > CALL_NOTE_MAX) {
    return { ok: false, code: 'INVALID_INPUT', message: `A call note is at most ${CALL_NOTE_MAX} characters.` };
  }
  return { ok: true, note: trimmed };
}

export const WINDOW_PROPOSAL_STATES = ['OPEN', 'ACCEPTED', 'SUPERSEDED', 'CLOSED'] as const;
export type WindowProposalState = (typeof WINDOW_PROPOSAL_STATES)[number];

interface Window {
  start: Date;
  end: Date;
}

export interface WindowProposalFacts {
  proposed: Window;
  /** The customer's window now: its own override, else the upgrade's. */
  customerWindow: Window;
  /** The upgrade can still be moved (isUpgradeOpen of its status). */
  upgradeOpen: boolean;
  /** The same customer answered the same upgrade again after this proposal. */
  newerFromSameCustomer: boolean;
}

/**
 * Where a proposal stands: ACCEPTED once the customer's window is the one it proposed (whoever
 * moved it), SUPERSEDED by the customer's own later proposal, CLOSED when the upgrade can no
 * longer be moved, else OPEN (the account team still has to answer it).
 */
export function windowProposalState(facts: WindowProposalFacts): WindowProposalState {
  const { proposed, customerWindow } = facts;
  if (
    proposed.start.getTime() === customerWindow.start.getTime() &&
    proposed.end.getTime() === customerWindow.end.getTime()
  ) {
    return 'ACCEPTED';
  }
  if (facts.newerFromSameCustomer) return 'SUPERSEDED';
  if (!facts.upgradeOpen) return 'CLOSED';
  return 'OPEN';
}

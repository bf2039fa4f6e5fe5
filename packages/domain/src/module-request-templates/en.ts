import type { ModuleRequestKind, ModuleRequestStage } from '../module-request-stages.ts';
import { lines, paragraphs } from '../notice-templates/catalog.ts';
import type { ModuleRequestCatalog, StageChangeContext } from './catalog.ts';

// English texts for module requests, for customers whose locale is EN.

const STAGE_NAMES: Readonly<Record<ModuleRequestStage, string>> = {
  SUBMITTED: 'Request received',
  CONSULTATION: 'Consultation',
  ANALYSIS: 'Analysis and design',
  CONTRACT: 'Contract',
  DEVELOPMENT: 'Development',
  SANDBOX_TESTING: 'Sandbox testing',
  VERIFICATION: 'Verification',
  INSTALLATION: 'Installation',
  TRAINING: 'Training',
  WARRANTY: 'Warranty',
  CLOSED: 'Closed',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

const KIND_PHRASE: Readonly<Record<ModuleRequestKind, string>> = {
  NEW_MODULE: 'new module',
  EXTENSION: 'extension',
};

const MEANING: Readonly<Record<ModuleRequestStage, string>> = {
  SUBMITTED: 'We have received your request; a consultant will contact you shortly.',
  CONSULTATION: 'Our consultant will meet you to understand your needs and your current business process.',
  ANALYSIS: 'Your requirements are being analysed, and the database and screens designed.',
  CONTRACT: 'We are negotiating the contract for this work with you.',
  DEVELOPMENT: 'The contract is signed; the database changes, screens and reports are being built.',
  SANDBOX_TESTING: 'The new version is being tested in the sandbox environment.',
  VERIFICATION: 'The correctness of the new functions is being verified.',
  INSTALLATION: 'The new functions are being installed and fine-tuned at your offices.',
  TRAINING: 'Your users are being trained on the new functions.',
  WARRANTY: 'Handed over: the warranty period, with free support for force-majeure cases, has started.',
  CLOSED: 'The request is complete.',
  REJECTED: 'We are sorry: the request has not been accepted.',
  WITHDRAWN: 'The request has been withdrawn at your request.',
};

const GREETING = 'Dear Customer,';
const SIGN_OFF = 'Kind regards,\nCustomer Care team';

function news(c: StageChangeContext): string {
  return paragraphs(
    MEANING[c.stage],
    c.missingPrerequisites?.length
      ? `Please note: this module also needs ${c.missingPrerequisites.join(', ')}, which your company does not use yet; our consultant will discuss this with you.`
      : undefined,
    c.module && c.deliveredVersion
      ? c.warrantyEndsOn
        ? c.kind === 'NEW_MODULE'
          ? `${c.module} is installed (version ${c.deliveredVersion}), under warranty until ${c.warrantyEndsOn}.`
          : `${c.module} is upgraded to version ${c.deliveredVersion}, under warranty until ${c.warrantyEndsOn}.`
        : `${c.module} is recorded at version ${c.deliveredVersion}.`
      : undefined,
    c.note ? `${c.stage === 'REJECTED' ? 'Reason' : 'Note'}: ${c.note}` : undefined,
    lines(
      `Request: ${KIND_PHRASE[c.kind]}${c.module ? ` (${c.module})` : ''} – “${c.title}”`,
      `Stage: ${STAGE_NAMES[c.stage]}`,
      `When: ${c.at}${c.by ? `, by ${c.by}` : ''}`,
    ),
  );
}

export const en: ModuleRequestCatalog = {
  stageNames: STAGE_NAMES,
  stageChanged: (c) => ({ title: `Request “${c.title}”: ${STAGE_NAMES[c.stage]}`, body: news(c) }),
  stageChangedEmail: (c) => ({
    subject: `[Module request] ${c.title}: ${STAGE_NAMES[c.stage]}`,
    text: paragraphs(
      GREETING,
      c.stage === 'SUBMITTED'
        ? `Your request “${c.title}” has reached us.`
        : `Your request “${c.title}” has moved to the stage: ${STAGE_NAMES[c.stage]}.`,
      news(c),
      'You can follow the whole timeline and write to us in the customer portal.',
      SIGN_OFF,
    ),
  }),
};

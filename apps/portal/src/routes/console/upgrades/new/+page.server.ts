import { EMPTY_UPGRADE } from '$lib/console/upgrade-form';
import { loadPlanChoices, previewPlan, saveUpgrade } from '$lib/server/upgrade-plan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ initial: EMPTY_UPGRADE, ...(await loadPlanChoices(event)) });

export const actions: Actions = {
  preview: (event) => previewPlan(event),
  save: (event) => saveUpgrade(event, false),
  publish: (event) => saveUpgrade(event, true),
};

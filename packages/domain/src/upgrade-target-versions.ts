// What an upgrade may move a module to: a version of that very module the vendor has published,
// above the version it moves from when that is stated. Otherwise a typo, or an attacker, could
// announce a version that does not exist ("9.9.9") to every customer, or dress a downgrade up as
// an upgrade. Each module moves to its own target, else to the upgrade's; the upgrade's target is
// also written in every notice, so it must be a published version even when no module uses it.
import { compareModuleVersions, isModuleVersion, moduleVersionProblem } from './module-version.ts';

export type TargetVersionProblem =
  /** Not a published version of the module (of none of the upgrade's modules, for an unused upgrade target). */
  | { kind: 'UNPUBLISHED' }
  /** Equal to or below the version the module moves from. */
  | { kind: 'NOT_ABOVE_FROM' }
  /** The from-version is not a version, so nothing can be said to be above it. */
  | { kind: 'FROM_NOT_A_VERSION'; reason: string };

/** Whether `version` is one of `published` (6.4 and 6.4.0 are the same version). */
export function isPublishedVersion(version: string, published: readonly string[]): boolean {
  return (
    isModuleVersion(version) && published.some((v) => isModuleVersion(v) && compareModuleVersions(v, version) === 0)
  );
}

/** Why a module cannot move from `fromVersion` (null: not stated) to `target`, or null when it can. */
export function targetVersionProblem(
  target: string,
  published: readonly string[],
  fromVersion: string | null,
): TargetVersionProblem | null {
  if (!isPublishedVersion(target, published)) return { kind: 'UNPUBLISHED' };
  if (fromVersion === null) return null;
  const notAVersion = moduleVersionProblem(fromVersion);
  if (notAVersion) return { kind: 'FROM_NOT_A_VERSION', reason: notAVersion };
  return compareModuleVersions(target, fromVersion) > 0 ? null : { kind: 'NOT_ABOVE_FROM' };
}

/** One module of an upgrade and the versions it moves between (null: not stated). */
export interface ModuleMove {
  moduleId: string;
  fromVersion: string | null;
  targetVersion: string | null;
}

export interface TargetVersionIssue {
  /** The module concerned; null for an upgrade target that is a version of none of the modules. */
  moduleId: string | null;
  /** The target judged: the module's own, or the upgrade's (`fromUpgrade`). */
  version: string;
  fromUpgrade: boolean;
  problem: TargetVersionProblem;
}

/**
 * The problems with an upgrade's target versions: each module's target (its own, else the
 * upgrade's) judged against that module's published versions and its from-version; and an
 * upgrade target no module moves to must still be published for one of the modules.
 */
export function upgradeTargetVersionIssues(
  upgradeTarget: string | null,
  modules: readonly ModuleMove[],
  publishedOf: (moduleId: string) => readonly string[],
): TargetVersionIssue[] {
  const issues: TargetVersionIssue[] = [];
  for (const move of modules) {
    const version = move.targetVersion ?? upgradeTarget;
    if (version === null) continue;
    const problem = targetVersionProblem(version, publishedOf(move.moduleId), move.fromVersion);
    if (problem) issues.push({ moduleId: move.moduleId, version, fromUpgrade: move.targetVersion === null, problem });
  }
  const unused = upgradeTarget !== null && modules.every((move) => move.targetVersion !== null);
  if (unused && !modules.some((move) => isPublishedVersion(upgradeTarget, publishedOf(move.moduleId)))) {
    issues.push({ moduleId: null, version: upgradeTarget, fromUpgrade: true, problem: { kind: 'UNPUBLISHED' } });
  }
  return issues;
}

// An upgrade's target versions against the catalog: the rule is the domain's
// (upgradeTargetVersionIssues); this file loads each module's published versions and words the
// issues as problems on the fields of the caller's input.
import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import { upgradeTargetVersionIssues, type ModuleMove, type TargetVersionIssue } from '@upgrade-desk/domain';
import { KNOWN_VERSIONS_SELECT, knownVersions } from '../admin/modules.ts';
import { problem, type Problem } from '../problem.ts';

/** The part of an upgrade form that says which modules move to which versions. */
export interface VersionsInput {
  moduleIds: readonly string[];
  /** Per-module versions; a module given twice keeps the last. */
  moduleVersions: readonly ModuleMove[];
  /** The target of every module without its own. */
  targetVersion: string | null;
}

/** One row per module (each once), with the versions stated for it. */
export function moduleMoves(input: Pick<VersionsInput, 'moduleIds' | 'moduleVersions'>): ModuleMove[] {
  const versions = new Map(input.moduleVersions.map((v) => [v.moduleId, v]));
  return [...new Set(input.moduleIds)].map((moduleId) => ({
    moduleId,
    fromVersion: versions.get(moduleId)?.fromVersion ?? null,
    targetVersion: versions.get(moduleId)?.targetVersion ?? null,
  }));
}

/** The most recent published versions named in a refusal: enough to spot the intended one. */
const NAMED_VERSIONS = 5;

function issueProblem(
  issue: TargetVersionIssue,
  input: VersionsInput,
  modules: ReadonlyMap<string, { key: string; published: readonly string[] }>,
): Problem {
  const entry = issue.moduleId === null ? -1 : input.moduleVersions.findLastIndex((v) => v.moduleId === issue.moduleId);
  const path = (part: 'fromVersion' | 'targetVersion') =>
    part === 'targetVersion' && issue.fromUpgrade ? ['targetVersion'] : ['moduleVersions', String(entry), part];
  const version = issue.version.slice(0, 40);
  const module = issue.moduleId === null ? undefined : modules.get(issue.moduleId);
  const name = module?.key ?? 'this module';
  switch (issue.problem.kind) {
    case 'UNPUBLISHED': {
      if (!module) {
        return problem(
          'UNKNOWN_MODULE_VERSION',
          `Version ${version} is not a published version of any of the upgrade's modules.`,
          path('targetVersion'),
        );
      }
      const recent = module.published.slice(-NAMED_VERSIONS).join(', ');
      return problem(
        'UNKNOWN_MODULE_VERSION',
        `Module ${name} has no published version ${version}` +
          (recent ? ` (its latest: ${recent}); publish it first.` : '; publish it first.'),
        path('targetVersion'),
      );
    }
    case 'NOT_ABOVE_FROM':
      return problem(
        'INVALID_INPUT',
        `Module ${name} cannot move to version ${version}: it must be higher than the version it moves from.`,
        path('targetVersion'),
      );
    case 'FROM_NOT_A_VERSION':
      return problem('INVALID_INPUT', `Module ${name}: ${issue.problem.reason}`, path('fromVersion'));
  }
}

/** Why the form's target versions cannot be announced (none: they can); one query. */
export async function targetVersionProblems(
  db: PrismaClient | Prisma.TransactionClient,
  input: VersionsInput,
): Promise<Problem[]> {
  const moves = moduleMoves(input);
  if (input.targetVersion === null && moves.every((move) => move.targetVersion === null)) return [];
  const rows = await db.module.findMany({
    where: { id: { in: moves.map((move) => move.moduleId) } },
    select: { id: true, key: true, ...KNOWN_VERSIONS_SELECT },
  });
  const modules = new Map(rows.map((row) => [row.id, { key: row.key, published: knownVersions(row) }]));
  return upgradeTargetVersionIssues(input.targetVersion, moves, (id) => modules.get(id)?.published ?? []).map((issue) =>
    issueProblem(issue, input, modules),
  );
}

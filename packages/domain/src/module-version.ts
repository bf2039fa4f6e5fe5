// Module versions follow the vendor's dotted numbers: two to four non-negative integers separated
// by dots (6.4, 6.4.0, 6.4.0.12), no leading zeros. Semantic versions' pre-release and build tags
// (-beta.1, +build) are refused: the vendor never ships them, and ordering them would need rules
// the vendor's staff do not use. Missing trailing parts count as zero, so 6.4 and 6.4.0 are equal.

const DOTTED = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){1,3}$/;

/** Why `text` is not a module version, or null when it is one. */
export function moduleVersionProblem(text: string): string | null {
  if (text.trim() !== text || text.length === 0) return 'Give a version such as 6.4.0.';
  if (!DOTTED.test(text)) {
    return `"${text.slice(0, 40)}" is not a version: use 2 to 4 dot-separated numbers without leading zeros, such as 6.4.0 (no letters, no -beta or +build tags).`;
  }
  return null;
}

export function isModuleVersion(text: string): boolean {
  return moduleVersionProblem(text) === null;
}

function parts(version: string): number[] {
  const numbers = version.split('.').map(Number);
  while (numbers.length < 4) numbers.push(0);
  return numbers;
}

/** Negative when a < b, zero when equal (6.4 = 6.4.0), positive when a > b. Both must be valid. */
export function compareModuleVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 4; i++) {
    if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  }
  return 0;
}

/** The highest of `versions` (valid ones only), or null for none. */
export function highestModuleVersion(versions: readonly string[]): string | null {
  let highest: string | null = null;
  for (const v of versions) {
    if (isModuleVersion(v) && (highest === null || compareModuleVersions(v, highest) > 0)) highest = v;
  }
  return highest;
}

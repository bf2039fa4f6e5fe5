// What a submitted form holds, read the same way by every form: texts trimmed, '' when absent.
// Pure, for the browser and the server alike.

/** A text field's value, trimmed; '' when absent. */
export function textValue(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

/** The text fields `names`, each trimmed. */
export function textValues<Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, textValue(form, name)])) as Record<Name, string>;
}

/** The text fields `names`, each empty: a form before anything is typed. */
export function emptyTexts<Name extends string>(names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, ''])) as Record<Name, string>;
}

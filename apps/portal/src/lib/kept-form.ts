// What a form action answered for its form, split for the page: the values typed (sent back after
// a refusal so the form shows them again), the messages, and the success message. Each is undefined
// when the answer does not carry it (before any submission, `values` and `errors` after a success).

import type { MessageKey } from './i18n/messages';

/** A form's values and its messages: `form` above the form, the others beside their fields. */
export interface FormState<Values> {
  values: Values;
  errors: { form?: MessageKey } & Partial<Record<keyof Values, MessageKey>>;
}

type Part<Answer, Key extends string> = Answer extends Record<Key, infer Value> ? Value : never;

export function keptForm<Answer extends object>(
  answer: Answer | undefined,
): {
  values: Part<Answer, 'values'> | undefined;
  errors: Part<Answer, 'errors'> | undefined;
  done: Part<Answer, 'done'> | undefined;
} {
  const part = (key: string) => (answer && key in answer ? (answer as Record<string, unknown>)[key] : undefined);
  return {
    values: part('values') as Part<Answer, 'values'> | undefined,
    errors: part('errors') as Part<Answer, 'errors'> | undefined,
    done: part('done') as Part<Answer, 'done'> | undefined,
  };
}

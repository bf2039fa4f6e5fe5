import { describe, expect, it } from 'vitest';
import { keptForm } from './kept-form';

type Answer = { values: { name: string }; errors: { form: string; name?: string } } | { done: string };

describe('keptForm', () => {
  it('gives back the typed values and the messages of a refusal', () => {
    const answer: Answer = { values: { name: 'Kho' }, errors: { form: 'x', name: 'y' } };
    expect(keptForm(answer)).toEqual({ values: { name: 'Kho' }, errors: { form: 'x', name: 'y' }, done: undefined });
  });

  it('gives only the success message after a success, and nothing before any submission', () => {
    const answer: Answer = { done: 'saved' };
    expect(keptForm(answer)).toEqual({ values: undefined, errors: undefined, done: 'saved' });
    expect(keptForm<Answer>(undefined)).toEqual({ values: undefined, errors: undefined, done: undefined });
  });
});

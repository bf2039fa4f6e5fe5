// A form's fields declared as data, for FormFields to render: each entry is one field, or a row of
// fields side by side. Labels and help are catalog keys, so a layout holds no text of its own and
// serves both languages; the values and the messages beside the fields are looked up by name.
import type { HTMLInputAttributes } from 'svelte/elements';
import type { MessageKey, MessageParams } from './i18n/messages';
import type { SelectOption } from './select-options';

/** The controls FormField draws: an input of one of these types, or a textarea. */
export type TextFieldType = 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'textarea';

interface FieldBase<Name extends string> {
  id: string;
  name: Name;
  label: MessageKey;
  help?: MessageKey;
  /** Filled into the help text's placeholders. */
  helpParams?: MessageParams;
  required?: boolean;
}

/** How FormField draws a text's control, and what the browser checks of it. */
export interface TextControl {
  type?: TextFieldType;
  required?: boolean;
  maxlength?: number;
  minlength?: number;
  /** Textarea only. */
  rows?: number;
  autocomplete?: HTMLInputAttributes['autocomplete'];
  inputmode?: HTMLInputAttributes['inputmode'];
  spellcheck?: 'true' | 'false';
}

export interface TextFieldSpec<Name extends string = string> extends FieldBase<Name>, TextControl {
  /** Ids of notes outside the field that describe it too. */
  describedBy?: readonly string[];
}

export interface SelectFieldSpec<Name extends string = string> extends FieldBase<Name> {
  type: 'select';
  options: readonly SelectOption[];
  /** The text of an empty first option, if the field offers one. */
  empty?: MessageKey;
}

/** Boxes to tick, any number of them, sent under one name: checked as the field's value (a list) says. */
export interface ChoicesFieldSpec<Name extends string = string> extends Omit<FieldBase<Name>, 'help' | 'helpParams'> {
  type: 'checkboxes';
  options: readonly SelectOption[];
}

export type FieldSpec<Name extends string = string> =
  TextFieldSpec<Name> | SelectFieldSpec<Name> | ChoicesFieldSpec<Name>;

/** A row: fields shown side by side. */
export type FieldRow<Name extends string = string> = readonly FieldSpec<Name>[];

export type FieldLayout<Name extends string = string> = readonly (FieldSpec<Name> | FieldRow<Name>)[];

export function isFieldRow<Name extends string>(entry: FieldSpec<Name> | FieldRow<Name>): entry is FieldRow<Name> {
  return Array.isArray(entry);
}

/**
 * A text asked for in Vietnamese and in English, side by side: the two fields share everything but
 * their id, name and label (and what `en` overrides, e.g. an optional English text).
 */
export function localizedPair<Name extends string>(
  vi: TextFieldSpec<Name>,
  en: Pick<TextFieldSpec<Name>, 'id' | 'name' | 'label'> & Partial<TextFieldSpec<Name>>,
): FieldRow<Name> {
  return [vi, { ...vi, ...en }];
}

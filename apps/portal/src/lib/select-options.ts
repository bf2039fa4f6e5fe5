// The choices of a SelectField from records with an id and a name (modules, customers, staff).

/** One choice of a drop-down: the value sent and the label shown. */
export interface SelectOption {
  value: string;
  label: string;
}

export function namedOptions(records: readonly { id: string; name: string }[]): SelectOption[] {
  return records.map((record) => ({ value: record.id, label: record.name }));
}

/** One drop-down of a list's filter bar: the query parameter it sets, its label, its choices and the current one. */
export interface ListFilter {
  name: string;
  label: string;
  options: SelectOption[];
  value?: string | null;
}

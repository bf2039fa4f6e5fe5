// The choices of a SelectField from records with an id and a name (modules, customers, staff).

/** One choice of a drop-down: the value sent and the label shown. */
export interface SelectOption {
  value: string;
  label: string;
}

export function namedOptions(records: readonly { id: string; name: string }[]): SelectOption[] {
  return records.map((record) => ({ value: record.id, label: record.name }));
}

// A MARC 21 record as its structure gives it: the leader, control fields and data fields with subfields, before any mapping.

export interface ControlField {
  tag: string;
  value: string;
}

export interface Subfield {
  code: string;
  value: string;
}

export interface DataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: Subfield[];
}

export type Field = ControlField | DataField;

export interface MarcRecord {
  /** 24 characters; blanks when the source had none (MARCXML allows that). */
  leader: string;
  fields: Field[];
}

export function isControl(field: Field): field is ControlField {
  return 'value' in field;
}

export function controlValue(record: MarcRecord, tag: string): string | undefined {
  for (const f of record.fields) if (f.tag === tag && isControl(f)) return f.value;
  return undefined;
}

export function dataFields(record: MarcRecord, ...tags: string[]): DataField[] {
  return record.fields.filter((f): f is DataField => !isControl(f) && tags.includes(f.tag));
}

export function subfield(field: DataField, code: string): string | undefined {
  return field.subfields.find((s) => s.code === code)?.value;
}

export function subfields(field: DataField, code: string): string[] {
  return field.subfields.filter((s) => s.code === code).map((s) => s.value);
}

export const BLANK_LEADER = '                        ';

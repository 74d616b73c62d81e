// One LDIF change record (RFC 2849) as the plan writes it and `vigie apply` replays it. Values are text or
// bytes: the rollback restores old hashes exactly as they were stored, trailing bytes included.
import type { ChangeNote } from '../../contract/plan-messages.ts';

export type LdifValue = string | Uint8Array;

export interface Modification {
  op: 'add' | 'delete' | 'replace';
  attribute: string;
  /** delete with no values removes the attribute; replace with none removes it when present. */
  values: LdifValue[];
}

interface RecordBase {
  dn: string;
  /** Control OIDs sent with the operation (critical), e.g. the relax control for pwdChangedTime. */
  controls?: string[];
  /** What the record does, by id: the plan's builders set it, the plan writer says it in the plan's language. */
  note?: ChangeNote;
  /** A comment line written above the record: the note said in a language (ldif-write.ts writes it). */
  comment?: string;
}

export type ChangeRecord =
  | (RecordBase & { change: 'add'; attributes: { attribute: string; values: LdifValue[] }[] })
  | (RecordBase & { change: 'modify'; mods: Modification[] })
  | (RecordBase & { change: 'delete' });

/** OpenLDAP's relax control: lets the rootdn restore operational attributes such as pwdChangedTime. */
export const RELAX_CONTROL = '1.3.6.1.4.1.4203.666.5.12';

/** What an entry must hold for a change to be sent: the attribute's exact values (none: the attribute is absent). */
export interface ValueAssertion {
  attribute: string;
  values: LdifValue[];
}

// Reads back the change records Vigie itself writes (ldif-write.ts): dn, control, changetype add / modify /
// delete, folded lines, base64 values, comments. The lines come from the engine's one LDIF tokeniser
// (engine/ldif/read-lines.ts), with its rules: no URL values, no line quoted in an error. Not a general LDIF
// reader: no modrdn, no version.
import { LdifLines } from '../ldif/read-lines.ts';
import { VigieError } from '../errors.ts';
import type { ChangeRecord, LdifValue, Modification } from './change-record.ts';

export class PlanFileError extends VigieError {
  override readonly name = 'PlanFileError';
  constructor(file: string, lineNumber: number, message: string) {
    super(`${file}, line ${lineNumber}: ${message}`, 'regenerate the plan with vigie plan; do not edit its LDIF by hand beyond deleting whole records.');
  }
}

/** One logical line of a record: "attribute: value", or the "-" that ends a modification. */
type Line = { n: number; name: string; value: LdifValue; dash?: false } | { n: number; dash: true };

export function parseLdif(text: string, file: string): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  let block: Line[] = [];
  const lines: LdifLines = new LdifLines(
    {
      line: (attribute, n) => {
        const value = lines.value();
        // A rollback restores the old hash from this value: one cut short must not be restored as another.
        if (lines.cutShort) throw new PlanFileError(file, n, `the base64 value of "${attribute.name}" is cut short`);
        // Base64 values stay bytes (an old hash, trailing bytes and all); plain ones are text.
        block.push({ n, name: attribute.text, value: lines.base64 ? new Uint8Array(value) : value.toString('utf8') });
      },
      dash: (n) => block.push({ n, dash: true }),
      recordEnd: () => {
        if (block.length > 0) records.push(parseRecord(block, file));
        block = [];
      },
    },
    (n, message) => new PlanFileError(file, n, message),
  );
  lines.push(Buffer.from(text, 'utf8'));
  lines.end();
  return records;
}

function asText(value: LdifValue): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/** An "attribute: value" line: a "-" is only where a modification ends. */
function field(line: Line, file: string): { name: string; value: LdifValue } {
  if (line.dash) throw new PlanFileError(file, line.n, 'a "-" line outside a modification');
  return line;
}

function isNamed(line: Line | undefined, name: string): boolean {
  return line !== undefined && !line.dash && line.name.toLowerCase() === name;
}

function parseRecord(lines: Line[], file: string): ChangeRecord {
  let i = 0;
  const first = lines[i]!;
  if (!isNamed(first, 'dn')) throw new PlanFileError(file, first.n, 'a record must start with dn:');
  const dn = asText(field(first, file).value);
  i++;
  const controls: string[] = [];
  while (isNamed(lines[i], 'control')) {
    const oid = asText(field(lines[i]!, file).value).trim().split(/\s+/)[0]!;
    controls.push(oid);
    i++;
  }
  if (!isNamed(lines[i], 'changetype')) throw new PlanFileError(file, lines[i]?.n ?? first.n, 'expected changetype:');
  const change = asText(field(lines[i]!, file).value).trim().toLowerCase();
  i++;
  const base = { dn, ...(controls.length > 0 ? { controls } : {}) };
  if (change === 'delete') {
    if (i < lines.length) throw new PlanFileError(file, lines[i]!.n, 'a delete record takes no attributes');
    return { ...base, change: 'delete' };
  }
  if (change === 'add') {
    const attributes: { attribute: string; values: LdifValue[] }[] = [];
    for (; i < lines.length; i++) {
      const { name, value } = field(lines[i]!, file);
      const known = attributes.find((a) => a.attribute.toLowerCase() === name.toLowerCase());
      if (known) known.values.push(value);
      else attributes.push({ attribute: name, values: [value] });
    }
    return { ...base, change: 'add', attributes };
  }
  if (change !== 'modify') throw new PlanFileError(file, lines[i - 1]!.n, `unsupported changetype "${change}"`);
  const mods: Modification[] = [];
  while (i < lines.length) {
    const head = field(lines[i]!, file);
    const op = head.name.toLowerCase();
    if (op !== 'add' && op !== 'delete' && op !== 'replace') throw new PlanFileError(file, lines[i]!.n, 'expected add:, delete: or replace:');
    const attribute = asText(head.value).trim();
    const mod: Modification = { op, attribute, values: [] };
    i++;
    for (; i < lines.length && !lines[i]!.dash; i++) {
      const { name, value } = field(lines[i]!, file);
      if (name.toLowerCase() !== attribute.toLowerCase()) throw new PlanFileError(file, lines[i]!.n, `expected a value of ${attribute}, found ${name}`);
      mod.values.push(value);
    }
    if (i >= lines.length) throw new PlanFileError(file, lines[lines.length - 1]!.n, 'a modification must end with "-"');
    i++;
    mods.push(mod);
  }
  return { ...base, change: 'modify', mods };
}

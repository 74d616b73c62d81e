// Reads back the change records Vigie itself writes (ldif-write.ts): dn, control, changetype add / modify /
// delete, folded lines, base64 values, comments. Not a general LDIF reader: no URLs, no modrdn, no version.
import { VigieError } from '../errors.ts';
import type { ChangeRecord, LdifValue, Modification } from './change-record.ts';

export class PlanFileError extends VigieError {
  override readonly name = 'PlanFileError';
  constructor(file: string, lineNumber: number, message: string) {
    super(`${file}, line ${lineNumber}: ${message}`, 'regenerate the plan with vigie plan; do not edit its LDIF by hand beyond deleting whole records.');
  }
}

interface Line {
  n: number;
  text: string;
}

export function parseLdif(text: string, file: string): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  for (const block of blocks(text)) records.push(parseRecord(block, file));
  return records;
}

function blocks(text: string): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t.startsWith(' ') && current.length > 0) {
      current[current.length - 1]!.text += t.slice(1);
      continue;
    }
    if (t.startsWith('#')) continue;
    if (t.trim() === '') {
      if (current.length > 0) out.push(current);
      current = [];
      continue;
    }
    current.push({ n: i + 1, text: t });
  }
  if (current.length > 0) out.push(current);
  return out;
}

function split(l: Line, file: string): { name: string; value: LdifValue; base64: boolean } {
  const m = /^([A-Za-z0-9;.-]+):(:?) ?(.*)$/.exec(l.text);
  if (!m) throw new PlanFileError(file, l.n, `"${l.text.slice(0, 40)}" is not an LDIF line`);
  const base64 = m[2] === ':';
  if (base64 && !/^[A-Za-z0-9+/=]*$/.test(m[3]!)) throw new PlanFileError(file, l.n, 'bad base64 value');
  const value: LdifValue = base64 ? new Uint8Array(Buffer.from(m[3]!, 'base64')) : m[3]!;
  return { name: m[1]!, value, base64 };
}

function asText(value: LdifValue): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

function parseRecord(lines: Line[], file: string): ChangeRecord {
  let i = 0;
  const first = split(lines[i]!, file);
  if (first.name.toLowerCase() !== 'dn') throw new PlanFileError(file, lines[0]!.n, 'a record must start with dn:');
  const dn = asText(first.value);
  i++;
  const controls: string[] = [];
  while (i < lines.length && /^control:/i.test(lines[i]!.text)) {
    const oid = asText(split(lines[i]!, file).value).trim().split(/\s+/)[0]!;
    controls.push(oid);
    i++;
  }
  const ct = lines[i] ? split(lines[i]!, file) : undefined;
  if (!ct || ct.name.toLowerCase() !== 'changetype') throw new PlanFileError(file, lines[i]?.n ?? lines[0]!.n, 'expected changetype:');
  const change = asText(ct.value).trim().toLowerCase();
  i++;
  const base = { dn, ...(controls.length > 0 ? { controls } : {}) };
  if (change === 'delete') {
    if (i < lines.length) throw new PlanFileError(file, lines[i]!.n, 'a delete record takes no attributes');
    return { ...base, change: 'delete' };
  }
  if (change === 'add') {
    const attributes: { attribute: string; values: LdifValue[] }[] = [];
    for (; i < lines.length; i++) {
      const { name, value } = split(lines[i]!, file);
      const known = attributes.find((a) => a.attribute.toLowerCase() === name.toLowerCase());
      if (known) known.values.push(value);
      else attributes.push({ attribute: name, values: [value] });
    }
    return { ...base, change: 'add', attributes };
  }
  if (change !== 'modify') throw new PlanFileError(file, ct ? lines[i - 1]!.n : 0, `unsupported changetype "${change}"`);
  const mods: Modification[] = [];
  while (i < lines.length) {
    const head = split(lines[i]!, file);
    const op = head.name.toLowerCase();
    if (op !== 'add' && op !== 'delete' && op !== 'replace') throw new PlanFileError(file, lines[i]!.n, 'expected add:, delete: or replace:');
    const attribute = asText(head.value).trim();
    const mod: Modification = { op, attribute, values: [] };
    i++;
    for (; i < lines.length && lines[i]!.text !== '-'; i++) {
      const { name, value } = split(lines[i]!, file);
      if (name.toLowerCase() !== attribute.toLowerCase()) throw new PlanFileError(file, lines[i]!.n, `expected a value of ${attribute}, found ${name}`);
      mod.values.push(value);
    }
    if (i >= lines.length) throw new PlanFileError(file, lines[lines.length - 1]!.n, 'a modification must end with "-"');
    i++;
    mods.push(mod);
  }
  return { ...base, change: 'modify', mods };
}

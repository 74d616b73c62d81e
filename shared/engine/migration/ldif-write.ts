// Writes change records as LDIF that `ldapmodify` reads as it is: unsafe values (bytes, non-ASCII, leading
// or trailing spaces) are base64 (`::`), long lines are folded at 76 columns.
import type { ChangeRecord, LdifValue } from './change-record.ts';

const FOLD_AT = 76;

export function writeLdif(records: ChangeRecord[], header: string[] = []): string {
  const blocks: string[] = [];
  if (header.length > 0) blocks.push(header.map((line) => `# ${line}`).join('\n'));
  for (const r of records) {
    const lines: string[] = [];
    if (r.comment) lines.push(...r.comment.split('\n').map((c) => `# ${c}`));
    lines.push(line('dn', r.dn));
    for (const oid of r.controls ?? []) lines.push(`control: ${oid} true`);
    lines.push(`changetype: ${r.change}`);
    if (r.change === 'add') {
      for (const a of r.attributes) for (const v of a.values) lines.push(line(a.attribute, v));
    } else if (r.change === 'modify') {
      for (const m of r.mods) {
        lines.push(`${m.op}: ${m.attribute}`);
        for (const v of m.values) lines.push(line(m.attribute, v));
        lines.push('-');
      }
    }
    // Comments stay whole: a folded comment would read as part of the record.
    blocks.push(lines.map((l) => (l.startsWith('#') ? l : fold(l))).join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

function line(attribute: string, value: LdifValue): string {
  if (typeof value === 'string' && isSafe(value)) return `${attribute}: ${value}`;
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  return `${attribute}:: ${bytes.toString('base64')}`;
}

/** RFC 2849 SAFE-STRING, without a trailing space (which some tools strip). */
function isSafe(value: string): boolean {
  if (value === '') return true;
  if (/^[ :<]/.test(value) || value.endsWith(' ')) return false;
  return /^[\x01-\x09\x0b\x0c\x0e-\x7f]*$/.test(value);
}

function fold(text: string): string {
  if (text.length <= FOLD_AT) return text;
  const parts = [text.slice(0, FOLD_AT)];
  for (let i = FOLD_AT; i < text.length; i += FOLD_AT - 1) parts.push(` ${text.slice(i, i + FOLD_AT - 1)}`);
  return parts.join('\n');
}

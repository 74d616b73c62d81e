// Writes change records as LDIF that `ldapmodify` reads as it is, through the engine's one LDIF line writer
// (engine/ldif/write-lines.ts): unsafe values (bytes, non-ASCII, leading or trailing spaces) are base64 (`::`),
// long lines are folded at 76 columns.
import { foldLine, ldifLine } from '../ldif/write-lines.ts';
import type { ChangeRecord } from './change-record.ts';

export function writeLdif(records: ChangeRecord[], header: string[] = []): string {
  const blocks: string[] = [];
  if (header.length > 0) blocks.push(header.flatMap(comment).join('\n'));
  for (const r of records) {
    const lines: string[] = [];
    if (r.comment) lines.push(...comment(r.comment));
    lines.push(ldifLine('dn', r.dn));
    for (const oid of r.controls ?? []) lines.push(foldLine(`control: ${oid} true`));
    lines.push(foldLine(`changetype: ${r.change}`));
    if (r.change === 'add') {
      for (const a of r.attributes) for (const v of a.values) lines.push(ldifLine(a.attribute, v));
    } else if (r.change === 'modify') {
      for (const m of r.mods) {
        lines.push(foldLine(`${m.op}: ${m.attribute}`));
        for (const v of m.values) lines.push(ldifLine(m.attribute, v));
        lines.push('-');
      }
    }
    // Comments stay whole, one line each, never folded: not every reader takes a comment's continuation for it.
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

/** A comment as lines that each start with '#': a line break inside it must not start a line of the record. */
function comment(text: string): string[] {
  return text.split('\n').map((line) => `# ${line}`);
}

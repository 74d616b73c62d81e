// README.txt of an export folder: what is in it, how to run hashcat and John, how to import the results, and
// that the folder must stay on the DSI's machine.
import type { HashcatExportResult } from './export-hashcat.ts';
import { hashcatMode } from './hashcat-modes.ts';

export function exportReadme(r: HashcatExportResult): string {
  const modeLines = r.modes.map((m) => {
    const mode = hashcatMode(m.mode)!;
    const wordlist = m.scheme === 'LM' ? 'wordlist-lm-halves.txt' : 'wordlist.txt';
    const extra = mode.extraArgs.length > 0 ? ` ${mode.extraArgs.join(' ')}` : '';
    return [
      `  ${m.scheme} — ${m.hashes} hash(es), hashcat mode ${m.mode} (${mode.name})`,
      `    hashcat -m ${m.mode} -a 0 --username${extra} --potfile-path vigie.potfile ${m.hashFile} ${wordlist}`,
      m.johnFile
        ? `    john --format=${mode.johnFormat} --single --pot=vigie.john.pot ${m.johnFile}`
        : mode.johnFormat
          ? '    (no John file: this hash format has colons of its own)'
          : '    (no John file: John has no format for these lines)',
    ].join('\n');
  });
  const skipped = Object.entries(r.notExported).map(([s, n]) => `${s} ${n}`).join(', ');
  return `VIGIE — export for hashcat / John the Ripper
==============================================

THIS FOLDER HOLDS PASSWORD HASHES AND PERSONAL WORDS (names, logins, birth-date
based candidates). Keep it on the DSI's machine or on a cluster you control,
never on a shared drive or in a ticket, and DELETE IT when the import is done.
accounts.map.json links the opaque ids (v…) to the accounts: it never needs to
leave this machine — send only hashcat/, john/ and the wordlists to a cluster.

Accounts exported: ${r.accounts}
Wordlist: ${r.words} candidate(s) (the ones Vigie itself checks)${r.lmWords > 0 ? `\nLM wordlist (7-character upper-case halves): ${r.lmWords}` : ''}
${skipped ? `Not exported (no hashcat mode, or nothing to crack): ${skipped}\n` : ''}
1. Crack, one hash file per mode (add -w 3 -O on a GPU; -D 1 forces the CPU):

${modeLines.join('\n\n')}

   Every hash file is in hashcat's --username format (id:hash), so the potfile
   and "--show --username" name accounts by their opaque id only. Rules widen
   the search: add  -r /usr/share/hashcat/rules/best64.rule  to any command.

2. Bring the results back (the potfile, or the output of
   hashcat -m MODE --username --show --potfile-path vigie.potfile FILE):

   vigie import potfile vigie.potfile --report REPORT.json \\
     --map accounts.map.json --out REPORT-after-cracking.json

   Vigie names the pattern of each cracked password (personal, school, common…)
   and drops the password itself: it is never printed or stored. Then delete the
   potfile too — it holds the passwords in clear.

3. Delete this folder.
`;
}

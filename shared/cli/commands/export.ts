// `vigie export hashcat`: hands the deep audit to hashcat or John the Ripper (a GPU cluster, Hashtopolis). The
// report holds no hash, so the export reads the same source again; the folder it writes stays with the DSI.
import { DEPTHS } from '../../contract/codes.ts';
import { exportHashcat } from '../../engine/export/export-hashcat.ts';
import { readReportFile } from '../report-file.ts';
import type { Command } from '../main.ts';
import { choice, LDAP_SOURCE_HELP, parseReaderHints, parseSource, READER_OPTIONS, SOURCE_OPTIONS } from '../source-options.ts';
import { UsageError } from '../usage-error.ts';

export const exportCommand: Command = {
  name: 'export',
  // Stops itself on Ctrl-C (main.ts): a second one ends the process at once.
  interrupt: 'graceful',
  summary: 'export a scanned directory\'s hashes and targeted wordlist for hashcat / John the Ripper',
  usage: `
Usage: vigie export hashcat --report REPORT.json (--ldif FILE | --url URL --base DN …) --out DIR [options]

Writes to DIR (a new or empty folder, owner-only files): one hash file per hashcat mode, keyed by opaque
account ids (no names); the targeted wordlist Vigie uses (personal, school and common words); John the
Ripper files whose GECOS carries each person's names and login for its single mode; accounts.map.json
(ids → accounts, stays with you); README.txt with the commands to run and how to import the results.

  --report FILE          the report of \`vigie scan --json\` (the export covers its accounts)
Source (the one the report was made from):
  --ldif FILE            an LDIF export
${LDAP_SOURCE_HELP}
Options:
  --out DIR              where to write the export (required)
  --depth D              quick | standard | deep: the wordlist's depth (default: the report's)
  --birth-attr ATTR      inetorgperson: attribute holding the birth date (as given to scan)
  --birth-format FMT     its format (as given to scan)
  --school TEXT          a word about the school, as given to scan; repeatable

The folder holds password hashes and personal words: keep it on your machine, delete it after the import.
`,
  options: {
    report: { type: 'string' },
    ...SOURCE_OPTIONS,
    ...READER_OPTIONS,
    out: { type: 'string' },
    depth: { type: 'string' },
  },
  async run(v, positionals, io) {
    const [target, ...extra] = positionals;
    if (target !== 'hashcat') throw new UsageError(target === undefined ? 'say what to export: vigie export hashcat …' : `unknown export '${target}' (only 'hashcat')`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (v.report === undefined) throw new UsageError('--report REPORT.json is required');
    if (v.out === undefined) throw new UsageError('--out DIR is required');
    const depth = choice(v.depth, DEPTHS, 'depth');
    const report = await readReportFile(String(v.report), io.signal);
    const source = await parseSource(v, io, { missing: 'give the source the report was made from: --ldif FILE or --url URL' });
    const result = await exportHashcat({
      report, source, outDir: String(v.out),
      ...(depth ? { depth } : {}),
      ...parseReaderHints(v),
      signal: io.signal,
    });
    io.stdout.write(`Exported ${result.accounts} account(s) to ${result.dir}\n`);
    for (const m of result.modes) io.stdout.write(`  hashcat -m ${String(m.mode).padEnd(5)} ${m.scheme.padEnd(12)} ${m.hashes} hash(es)  ${m.hashFile}\n`);
    const skipped = Object.entries(result.notExported);
    if (skipped.length > 0) io.stdout.write(`  not exported (no hashcat mode): ${skipped.map(([s, n]) => `${s} ${n}`).join(', ')}\n`);
    io.stdout.write(`  wordlist: ${result.words} word(s)\nRead ${result.dir}/README.txt. The folder holds hashes and personal words: keep it here, delete it after the import.\n`);
    return 0;
  },
};

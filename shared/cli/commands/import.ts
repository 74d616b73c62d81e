// `vigie import potfile`: what hashcat or John cracked, mapped back to the report's accounts as patterns. The
// passwords are classified and dropped: this command never prints or writes one.
import { importPotfile } from '../../engine/export/import-potfile.ts';
import { readReportFile } from '../report-file.ts';
import type { Command } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { writeReport } from './scan.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'bring hashcat\'s cracked results back into a report, as patterns (the passwords are dropped)',
  usage: `
Usage: vigie import potfile FILE --report REPORT.json --map DIR/accounts.map.json [--out NEW_REPORT.json]

  FILE                   hashcat's potfile (hash:plain) or the output of hashcat --show --username
  --report FILE          the report the export was made from
  --map FILE             accounts.map.json of the export folder (the hashcat/ folder must be beside it)
  --out FILE             where to write the updated report (default: REPORT.json, replaced)

Each cracked password is named by its pattern (personal, school, common…) and dropped: it is never
printed or stored. Delete the potfile and the export folder afterwards.
`,
  options: {
    report: { type: 'string' },
    map: { type: 'string' },
    out: { type: 'string' },
  },
  async run(v, positionals, io) {
    const [target, file, ...extra] = positionals;
    if (target !== 'potfile') throw new UsageError(target === undefined ? 'say what to import: vigie import potfile FILE …' : `unknown import '${target}' (only 'potfile')`);
    if (file === undefined) throw new UsageError('give the potfile: vigie import potfile FILE …');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (v.report === undefined) throw new UsageError('--report REPORT.json is required');
    if (v.map === undefined) throw new UsageError('--map DIR/accounts.map.json is required');
    const reportFile = String(v.report);
    const report = await readReportFile(reportFile, io.signal);
    const result = await importPotfile({ potfile: file, report, mapFile: String(v.map) });
    const out = v.out !== undefined ? String(v.out) : reportFile;
    await writeReport(out, result.report);
    io.stdout.write(`${result.cracked} account(s) cracked, ${result.newFindings} new finding(s)`
      + `${result.unmatched > 0 ? `, ${result.unmatched} outside Vigie's patterns (COMMON_PASSWORD, cracked-offline)` : ''}.\n`
      + `Score ${report.summary.score} → ${result.report.summary.score} (${result.report.summary.grade}). Report: ${out}\n`
      + 'Delete the potfile and the export folder now: they hold passwords and hashes.\n');
    return 0;
  },
};

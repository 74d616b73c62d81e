// `vigie breached`: import Have I Been Pwned's Pwned Passwords download into the local index, or say what
// the index holds. Nothing is sent anywhere: the download is read from disk, the index stays on disk.
import { BREACH_HASH_KINDS, kindLabel, type BreachHashKind } from '../../engine/breached/hash-kind.ts';
import { BreachIndex } from '../../engine/breached/breach-index.ts';
import { importBreachCorpus, type ImportProgress, type ImportResult } from '../../engine/breached/import-corpus.ts';
import { defaultBreachIndexDir } from '../../app/breach-index-location.ts';
import type { CliIo, Command } from '../main.ts';
import type { Lang } from '../messages.ts';
import { formatDuration } from '../progress.ts';
import { UsageError } from '../usage-error.ts';
import { statSync } from 'node:fs';
import { VigieError } from '../../engine/errors.ts';

export const breachedCommand: Command = {
  name: 'breached',
  // Stops itself on Ctrl-C (main.ts): a second one ends the process at once.
  interrupt: 'graceful',
  summary: "import Have I Been Pwned's breached passwords (offline) for scans to check against",
  usage: `
Usage: vigie breached import FILE|DIR [options]
       vigie breached status [--index DIR]

  import FILE            HIBP's single ordered file (HASH:COUNT lines, SHA-1 or NTLM)
  import DIR             or the folder of its 1,048,576 range files (00000 … FFFFF)
  status                 what the local index holds

Options:
  --index DIR            where the index is kept (default: the app-data folder's breached/)
  --kind K               sha1 | ntlm: refuse a download of the other kind (detected when absent)
  --restart              start over instead of continuing an interrupted import
  --lang L               fr | en (default fr)
  --quiet                no progress on stderr

An interrupted import (Ctrl-C, a full disk, a cut download) continues where it stopped when run again.
A new import replaces the previous index of the same kind only once it is complete. Every scan then
checks {SHA} and sambaNTPassword values, and every password it recovers, against the index.
`,
  options: {
    index: { type: 'string' },
    kind: { type: 'string' },
    restart: { type: 'boolean' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  async run(v, positionals, io) {
    const lang = v.lang === undefined ? 'fr' : String(v.lang).toLowerCase();
    if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be one of fr, en (got '${String(v.lang)}')`);
    const indexDir = v.index !== undefined ? String(v.index) : defaultBreachIndexDir(io.env);
    const [action, ...rest] = positionals;
    if (action === 'status') {
      if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
      for (const opt of ['kind', 'restart']) if (v[opt] !== undefined) throw new UsageError(`--${opt} goes with import, not status`);
      io.stdout.write(statusText(indexDir, lang));
      return 0;
    }
    if (action !== 'import') throw new UsageError(action === undefined ? 'say what to do: import FILE|DIR, or status' : `unknown action '${action}' (import or status)`);
    if (rest.length === 0) throw new UsageError('import needs the HIBP file or folder');
    if (rest.length > 1) throw new UsageError(`unexpected argument '${rest[1]}'`);
    let kind: BreachHashKind | undefined;
    if (v.kind !== undefined) {
      const k = String(v.kind).toLowerCase();
      if (!(BREACH_HASH_KINDS as readonly string[]).includes(k)) throw new UsageError(`--kind must be one of sha1, ntlm (got '${String(v.kind)}')`);
      kind = k as BreachHashKind;
    }
    refuseSpecialFile(rest[0]!);
    const progress = v.quiet === true ? null : importProgress(io.stderr, lang);
    let result: ImportResult;
    try {
      result = await importBreachCorpus(rest[0]!, {
        indexDir,
        signal: io.signal,
        ...(kind ? { kind } : {}),
        ...(v.restart === true ? { restart: true } : {}),
        ...(progress ? { onProgress: progress.update } : {}),
      });
    } finally {
      progress?.done();
    }
    io.stdout.write(resultText(result, lang));
    return 0;
  },
};

const T = {
  fr: {
    imported: (kind: string, n: string, size: string, file: string) => `Index ${kind} prêt : ${n} empreintes, ${size} — ${file}\n`,
    resumed: 'Import interrompu repris là où il s’était arrêté.\n',
    restarted: (why: string) => `Import interrompu recommencé depuis le début : ${why}.\n`,
    bad: (n: string, where: string) => `${n} lignes illisibles ignorées (${where}).\n`,
    duplicates: (n: string) => `dont ${n} empreintes en double, gardées une fois.\n`,
    missing: (n: string) => `Attention : ${n} fichiers de préfixe manquent au dossier : le téléchargement semble incomplet.\n`,
    statusNone: (dir: string) => `Aucun index des mots de passe divulgués dans ${dir} : les analyses ne les vérifient pas.\nPour en créer un : vigie breached import FICHIER|DOSSIER (téléchargement de haveibeenpwned.com).\n`,
    statusHead: (dir: string) => `Index des mots de passe divulgués (${dir}) :\n`,
    statusKind: (kind: string, n: string, at: string, source: string) => `  ${kind} : ${n} empreintes, importé le ${at} depuis ${source}\n`,
    statusAbsent: (kind: string) => `  ${kind} : absent\n`,
    line: 'ligne',
    progress: (pct: string, lines: string, rate: string, eta: string) => `import ${pct} · ${lines} lignes · ${rate} lignes/s${eta}`,
  },
  en: {
    imported: (kind: string, n: string, size: string, file: string) => `${kind} index ready: ${n} hashes, ${size} — ${file}\n`,
    resumed: 'Continued an interrupted import where it stopped.\n',
    restarted: (why: string) => `Started an interrupted import over: ${why}.\n`,
    bad: (n: string, where: string) => `${n} unreadable lines skipped (${where}).\n`,
    duplicates: (n: string) => `of which ${n} repeated hashes, kept once.\n`,
    missing: (n: string) => `Warning: ${n} range files are missing from the folder: the download looks incomplete.\n`,
    statusNone: (dir: string) => `No breached-password index in ${dir}: scans do not check for breached passwords.\nTo make one: vigie breached import FILE|DIR (a download from haveibeenpwned.com).\n`,
    statusHead: (dir: string) => `Breached-password index (${dir}):\n`,
    statusKind: (kind: string, n: string, at: string, source: string) => `  ${kind}: ${n} hashes, imported ${at} from ${source}\n`,
    statusAbsent: (kind: string) => `  ${kind}: none\n`,
    line: 'line',
    progress: (pct: string, lines: string, rate: string, eta: string) => `import ${pct} · ${lines} lines · ${rate} lines/s${eta}`,
  },
};

function num(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
}

function size(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go', 'To'] : ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 })} ${units[u]}`;
}

function resultText(r: ImportResult, lang: Lang): string {
  const t = T[lang];
  let out = '';
  if (r.resumed) out += t.resumed;
  if (r.restartedBecause) out += t.restarted(r.restartedBecause);
  out += t.imported(kindLabel(r.kind), num(r.entries, lang), size(r.indexBytes, lang), r.indexFile);
  if (r.badLines > 0) {
    const where = r.badSamples.map((p) => `${p.file} ${t.line} ${num(p.line, lang)}`).join(', ');
    out += t.bad(num(r.badLines, lang), r.badLines > r.badSamples.length ? `${where}, …` : where);
    if (r.duplicates > 0) out += t.duplicates(num(r.duplicates, lang));
  }
  if (r.missingPrefixFiles > 0) out += t.missing(num(r.missingPrefixFiles, lang));
  return out;
}

function statusText(dir: string, lang: Lang): string {
  const t = T[lang];
  const index = BreachIndex.open(dir);
  if (!index) return t.statusNone(dir);
  try {
    let out = t.statusHead(dir);
    for (const kind of BREACH_HASH_KINDS) {
      const f = index.files[kind];
      out += f ? t.statusKind(kindLabel(kind), num(f.entries, lang), f.header.meta.importedAt, f.header.meta.source) : t.statusAbsent(kindLabel(kind));
    }
    return out;
  } finally {
    index.close();
  }
}

/** Progress on stderr: one live line on a terminal, a line every few seconds otherwise. */
function importProgress(stream: CliIo['stderr'], lang: Lang, now: () => number = Date.now): { update: (p: ImportProgress) => void; done: () => void } {
  const live = stream.isTTY === true;
  const started = now();
  let last = 0;
  let printed = false;
  let lastDone = -1;
  return {
    update(p) {
      const t = now();
      if (p.done === lastDone || (t - last < (live ? 200 : 5000) && p.done < p.total)) return;
      last = t;
      lastDone = p.done;
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const elapsed = (t - started) / 1000;
      const eta = ratio > 0.001 && ratio < 1 && elapsed > 1 ? ` · ETA ${formatDuration((elapsed / ratio) * (1 - ratio))}` : '';
      const rate = elapsed > 0 ? num(Math.round(p.lines / elapsed), lang) : '…';
      const text = `${kindLabel(p.kind)} ${T[lang].progress(`${Math.floor(ratio * 100)}%`, num(p.lines, lang), rate, eta)}`;
      stream.write(live ? `\r${text}\x1b[K` : `${text}\n`);
      printed = true;
    },
    done() {
      if (live && printed) stream.write('\n');
    },
  };
}

/**
 * A FIFO, a socket or a device is not a download: the import reads its source more than once (to sniff it, then
 * from an offset when it resumes), and opening a FIFO there would wait, deaf to Ctrl-C, for someone to write.
 */
function refuseSpecialFile(given: string): void {
  let stats;
  try {
    stats = statSync(given);
  } catch {
    return; // the import names a missing path itself
  }
  if (!stats.isFile() && !stats.isDirectory()) {
    throw new VigieError(`${given} is not a file or a folder (a FIFO, a socket or a device cannot be imported)`,
      'give the Pwned Passwords file or the folder of range files you downloaded');
  }
}

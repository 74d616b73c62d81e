// Issue #14 §2: the engine produces no French sentence. What a user reads is said by the contract's catalogues
// (fr and en) from the ids and parameters the engine hands over; the engine's own words are English lines of errors
// (their codes pick the UI's sentence) and data: candidate words, name lists, a school kind's word ('lycée').
// This test reads every string the engine's sources hold (literals and template text, never comments) and fails
// on one that reads as a French sentence: an accented letter in a run of words, or French function words.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = path.dirname(fileURLToPath(import.meta.url));

/**
 * Files whose strings are data, not words for a user: French here is what people type or what directories hold.
 * A file goes here only when every French string in it is such data; say why.
 */
const DATA_FILES: Record<string, string> = {
  // Sample entries of each directory flavour, with French names and school names, as a real export has them.
  'directory/flavours/sample-directories.ts': 'sample directory entries',
  // Candidate fixtures: compound French names the candidate tests spell out.
  'candidates/fixtures.ts': 'candidate test fixtures: French names',
};

/** Letters French has and English does not. */
const ACCENTED = /[àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ]/u;

/** Short words that make a run of words French (no English word is spelt like them). */
const FRENCH_WORDS = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'et', 'ou', 'est', 'sont', 'pour', 'par', 'avec',
  'sans', 'dans', 'sur', 'pas', 'ne', 'aucun', 'aucune', 'ce', 'cette', 'ces', 'qui', 'que', 'en', 'son', 'sa', 'ses',
  'leur', 'leurs', 'il', 'elle', 'nous', 'vous', 'ils', 'mot', 'passe', 'compte', 'comptes', 'inconnu', 'clair',
]);

/** An elided article or pronoun: « l'accès », « d'une », « qu'il » (not the English "DSI's"). */
const ELISION = /(?<!\p{L})(?:[ldjnmst]|qu)['’]\p{L}/giu;

/** The words of a string: runs of letters. */
function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * Does this string read as French words for a user? Two words or more, separated by a space, with an accented
 * letter (« bcrypt (coût 8) »), or three words or more of which two are French function words or elisions
 * (« mot de passe en clair »). One data word ('lycée', 'rentrée') is no sentence.
 */
function readsAsFrench(text: string): boolean {
  const all = words(text);
  if (!/\p{L}[^\p{L}]*[ \t\n][^\p{L}]*\p{L}/u.test(text)) return false;
  if (ACCENTED.test(text)) return true;
  const french = all.filter((w) => FRENCH_WORDS.has(w)).length + (text.match(ELISION)?.length ?? 0);
  return all.length >= 3 && french >= 2;
}

/** Every string a source holds: literals, and template literals with each `${…}` read as one word. */
function stringsOf(file: string, source: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { line: number; text: string }[] = [];
  const at = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ line: at(node), text: node.text });
    } else if (ts.isTemplateExpression(node)) {
      found.push({ line: at(node), text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' X ') });
    }
    // An import's path is no sentence.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The engine's production sources, as paths relative to shared/engine/ with '/'. */
function engineSources(dir = ENGINE, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...engineSources(path.join(dir, entry.name), `${rel}/`));
    else if (/\.ts$/.test(entry.name) && !/\.test(-support)?\.ts$|\.d\.ts$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const skipped = (rel: string, table: Record<string, string>): boolean =>
  Object.keys(table).some((key) => (key.endsWith('/') ? rel.startsWith(key) : rel === key));

describe('the engine says nothing in French', () => {
  it('tells a French sentence from data and from English', () => {
    expect(readsAsFrench('bcrypt (coût 8)')).toBe(true);
    expect(readsAsFrench('MD5 salé')).toBe(true);
    expect(readsAsFrench('X et X')).toBe(false);
    expect(readsAsFrench('mot de passe en clair')).toBe(true);
    expect(readsAsFrench('le compte X est verrouillé')).toBe(true);
    expect(readsAsFrench('lycée')).toBe(false);
    expect(readsAsFrench('rentrée')).toBe(false);
    expect(readsAsFrench('the directory refused the bind as X: wrong DN or password')).toBe(false);
    expect(readsAsFrench('ou=people,dc=example')).toBe(false);
    expect(readsAsFrench("l'accès d'un compte")).toBe(true);
    expect(readsAsFrench("keep it on the DSI's machine")).toBe(false);
    expect(readsAsFrench('ldapsearch -x -s base -b "" namingContexts')).toBe(false);
    expect(readsAsFrench('ÇüéâäàåçêëèïîìÄÅÉæÆ░▒▓│┤ÁÂÀ')).toBe(false);
  });

  const sources = engineSources();
  const frenchIn = (rel: string): string[] =>
    stringsOf(rel, readFileSync(path.join(ENGINE, rel), 'utf8'))
      .filter((s) => readsAsFrench(s.text))
      .map((s) => `${rel}:${s.line}: ${JSON.stringify(s.text)}`);

  it('no string of shared/engine/ (outside its data files) is a French sentence', () => {
    const files = sources.filter((rel) => !skipped(rel, DATA_FILES));
    // The walk found the engine (a wrong root would pass with nothing read).
    expect(files).toContain('scan.ts');
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(frenchIn), 'say it in the contract\'s catalogues (messages-fr.ts, messages-en.ts) from an id and its parameters').toEqual([]);
  });

  it('every data file on the list still holds French data (the list does not outlive its reason)', () => {
    for (const key of Object.keys(DATA_FILES)) {
      const files = sources.filter((rel) => skipped(rel, { [key]: '' }));
      expect(files.flatMap(frenchIn).length, key).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Flavour } from '../../contract/codes.ts';
import { SAMPLE_DIRECTORIES } from './flavours/sample-directories.ts';
import { parseLdifText } from './ldif/read-ldif.ts';
import type { DirectoryEntry, SchoolContext } from './model.ts';
import { readDirectory } from './read-directory.ts';
import { SchoolContextCollector } from './school-context.ts';

async function* stream(entries: DirectoryEntry[]): AsyncIterable<DirectoryEntry> {
  yield* entries;
}

describe('school context of each sample directory', () => {
  const expected: Record<Flavour, SchoolContext> = {
    sdet: {
      names: ['ENT Exemple', 'LG-DES GLYCINES-ac-EXEMPLE'],
      towns: ['Valmont-sur-Mer', 'VALMONT SUR MER'],
      uais: ['0990001X'],
      classes: ['TS2', '1S3'],
      extra: ['lycée des glycines'],
    },
    scribe: {
      names: ['Collège Les Tilleuls'],
      towns: ['exemple'],
      uais: ['0990002Y'],
      classes: ['3eme2', '4eme1'],
      extra: ['lycée des glycines'],
    },
    se3: {
      names: ['Collège Les Tilleuls'],
      towns: ['Bourg-Exemple'],
      uais: [],
      classes: ['5A', '4B'],
      extra: ['lycée des glycines'],
    },
    samba3: { names: ['Ecole Exemple'], towns: [], uais: [], classes: [], extra: ['lycée des glycines'] },
    inetorgperson: {
      names: ['Lycée Exemple', 'Comptes du Lycée Exemple - site de Villeneuve'],
      towns: ['Villeneuve-Exemple', 'Finistère'],
      uais: [],
      classes: [],
      extra: ['lycée des glycines'],
    },
  };

  it.each(Object.keys(expected) as Flavour[])('%s', async (flavour) => {
    const result = await readDirectory(stream(parseLdifText(SAMPLE_DIRECTORIES[flavour])), { school: ['lycée des glycines', ' '] });
    expect(result.flavour).toBe(flavour);
    expect(result.school).toEqual(expected[flavour]);
  });
});

describe('SchoolContextCollector', () => {
  const cases: { name: string; ldif: string; field: keyof SchoolContext; values: string[] }[] = [
    { name: 'UAI in any RDN, once', ldif: 'dn: uid=a,ou=eleves,ou=0351234k,dc=x\nuid: a\n\ndn: uid=b,ou=0351234K,dc=x\nuid: b\n', field: 'uais', values: ['0351234K'] },
    { name: 'not a UAI: 6 digits or 2 letters', ldif: 'dn: ou=035123K,dc=x\n\ndn: ou=0351234KK,dc=x\n', field: 'uais', values: [] },
    { name: 'UAI of the home structure', ldif: 'dn: uid=a,dc=x\nENTPersonStructRattach: ENTStructureUAI=0561111Z,ou=structures,dc=x\n', field: 'uais', values: ['0561111Z'] },
    { name: 'ou description naming a school', ldif: 'dn: ou=a,dc=x\nobjectClass: organizationalUnit\ndescription: École élémentaire du Port\n\ndn: ou=b,dc=x\nobjectClass: organizationalUnit\ndescription: Utilisateurs\n\ndn: ou=c,dc=x\nobjectClass: organizationalUnit\nou: LP Jean Exemple\n', field: 'names', values: ['École élémentaire du Port', 'LP Jean Exemple'] },
    { name: 'school words only as whole words', ldif: 'dn: ou=a,dc=x\nobjectClass: organizationalUnit\ndescription: Help desk\n', field: 'names', values: [] },
    { name: 'town from a postal address', ldif: 'dn: ou=e,dc=x\nobjectClass: ENTEtablissement\npostalAddress: 2 place du Marché$BP 12$56000 Ville-Exemple Cedex\n', field: 'towns', values: ['Ville-Exemple'] },
  ];

  it.each(cases)('$name', ({ ldif, field, values }) => {
    const collector = new SchoolContextCollector();
    for (const entry of parseLdifText(ldif)) collector.add(entry);
    expect(collector.finish([])[field]).toEqual(values);
  });
});

import { describe, expect, it } from 'vitest';
import type { Flavour } from '../../../contract/codes.ts';
import { parseLdifText } from '../ldif/read-ldif.ts';
import { DETECTION_SAMPLE_ACCOUNTS, DetectionSample, detectFlavour } from './detect.ts';
import { SAMPLE_DIRECTORIES } from './sample-directories.ts';

describe('detectFlavour', () => {
  it.each(Object.keys(SAMPLE_DIRECTORIES) as Flavour[])('recognises the %s sample', (flavour) => {
    expect(detectFlavour(parseLdifText(SAMPLE_DIRECTORIES[flavour])).flavour).toBe(flavour);
  });

  it.each([
    ['nothing at all', ''],
    ['only a base entry', 'dn: dc=x\nobjectClass: dcObject\ndc: x\n'],
  ])('falls back to inetorgperson for %s', (_, ldif) => {
    expect(detectFlavour(parseLdifText(ldif)).flavour).toBe('inetorgperson');
  });

  it('prefers Scribe over SDET when Scribe entries also carry the ENT classes', () => {
    const ldif = 'dn: uid=a,dc=x\nobjectClass: Eleves\nobjectClass: ENTPerson\nobjectClass: ENTEleve\nuid: a\n';
    const detection = detectFlavour(parseLdifText(ldif));
    expect(detection.scores.sdet).toBeGreaterThan(0);
    expect(detection.flavour).toBe('scribe');
  });

  it('tells SE3 from plain Samba 3 by the gecos birth date alone', () => {
    const ldif = 'dn: uid=a,ou=People,dc=x\nobjectClass: posixAccount\nobjectClass: sambaSamAccount\nuid: a\ngecos: Ana Bel,20100101,F,N\n';
    expect(detectFlavour(parseLdifText(ldif)).flavour).toBe('se3');
    expect(detectFlavour(parseLdifText(ldif.replace(',20100101,F,N', ''))).flavour).toBe('samba3');
  });
});

describe('DetectionSample', () => {
  it('is complete after enough accounts, not before', () => {
    const sample = new DetectionSample();
    const person = parseLdifText('dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\n')[0]!;
    const unit = parseLdifText('dn: ou=a,dc=x\nobjectClass: organizationalUnit\n')[0]!;
    for (let i = 0; i < 50; i += 1) expect(sample.add(unit)).toBe(false);
    for (let i = 1; i < DETECTION_SAMPLE_ACCOUNTS; i += 1) expect(sample.add(person)).toBe(false);
    expect(sample.add(person)).toBe(true);
  });
});

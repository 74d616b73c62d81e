// Gathers what the directory says about the school itself (name, town, UAI, classes) as raw strings;
// turning them into password candidates is the school candidate family's job.
import type { DirectoryEntry, SchoolContext } from './model.ts';
import { distinct, objectClasses, rdns, values } from './flavours/person-entry.ts';

// An établissement's national id: 7 digits and a check letter.
const UAI = /^\d{7}[A-Za-z]$/;
// Words that make a description or an ou name a school's name rather than a branch's.
const SCHOOL_WORDS = /(?<![\p{L}\d])(lyc[ée]e|lgt|legt|lpo|lp|coll[èe]ge|clg|[ée]cole|erea|segpa|groupe scolaire|cit[ée] scolaire|institution|ensemble scolaire)(?![\p{L}\d])/iu;
// The last line of a French postal address: "29200 BREST" or "29200 BREST CEDEX 2".
const POSTCODE_TOWN = /^\s*(?:F-?)?\d{5}\s+(.+?)(?:\s+cedex(?:\s*\d+)?)?\s*$/i;
// Organisation names of the national tree, not of a school (Scribe-NG: o=gouv,c=fr).
const NOT_A_SCHOOL = new Set(['gouv']);

export class SchoolContextCollector {
  // Sets: every person's DN repeats the school's UAI.
  private readonly names = new Set<string>();
  private readonly towns = new Set<string>();
  private readonly uais = new Set<string>();

  add(entry: DirectoryEntry): void {
    this.fromDn(entry.dn);
    for (const dn of values(entry, 'entpersonstructrattach')) this.fromDn(dn);

    const classes = objectClasses(entry);
    if (classes.has('entstructure') || classes.has('entetablissement')) {
      addAll(this.names, values(entry, 'entstructurenomcourant'));
      addAll(this.uais, values(entry, 'entstructureuai').map((u) => u.trim().toUpperCase()));
      this.addPlace(entry);
      return;
    }
    if (classes.has('organization') || classes.has('dcobject')) {
      addAll(this.names, values(entry, 'o').filter((o) => !NOT_A_SCHOOL.has(o.trim().toLowerCase())));
      addAll(this.names, values(entry, 'description'));
      this.addPlace(entry);
      return;
    }
    if (classes.has('organizationalunit')) {
      const names = [...values(entry, 'ou'), ...values(entry, 'description')].filter((text) => SCHOOL_WORDS.test(text));
      addAll(this.names, names);
      // The unit that is the school (named as one, or by its UAI, as Scribe and SE3 do) also says where it is.
      if (names.length > 0 || values(entry, 'ou').some((ou) => UAI.test(ou.trim()))) this.addPlace(entry);
    }
  }

  /** `classes`: every class name the flavour reader found (class groups, then the accounts' own). */
  finish(classes: string[], extra: string[] = []): SchoolContext {
    return {
      names: distinct(this.names),
      towns: distinct(this.towns),
      uais: distinct(this.uais),
      classes: distinct(classes),
      extra: distinct(extra),
    };
  }

  private addPlace(entry: DirectoryEntry): void {
    addAll(this.towns, [...values(entry, 'l'), ...values(entry, 'st')]);
    for (const address of values(entry, 'postaladdress')) {
      for (const line of address.split(/\$|\n/)) {
        const town = POSTCODE_TOWN.exec(line)?.[1];
        if (town) this.towns.add(town);
      }
    }
  }

  /** UAIs in RDNs (ou=0290009C, ENTStructureUAI=…) and académies (ou=ac-rennes → rennes). */
  private fromDn(dn: string): void {
    for (const { attribute, value } of rdns(dn)) {
      if (UAI.test(value)) this.uais.add(value.toUpperCase());
      else if (attribute === 'ou' && /^ac-./i.test(value)) this.towns.add(value.slice(3));
    }
  }
}

function addAll(set: Set<string>, list: string[]): void {
  for (const value of list) set.add(value);
}

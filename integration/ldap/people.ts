// Synthetic people for the LDAP reader's tests: made-up names, never a real person.
const GIVEN = ['Alix', 'Bastien', 'Capucine', 'Dorian', 'Elsa', 'Fantin', 'Garance', 'Hector', 'Iris', 'Jules'];
const SURNAMES = ['Abadie', 'Bellec', 'Carrel', 'Dufau', 'Estève', 'Fouquet', 'Guivarc\'h', 'Hérault', 'Ibarra', 'Jaouen'];

export interface Person {
  uid: string;
  dn: string;
  givenName: string;
  sn: string;
}

export function person(index: number, suffix: string): Person {
  const givenName = GIVEN[index % GIVEN.length] ?? 'Alix';
  const sn = SURNAMES[Math.floor(index / GIVEN.length) % SURNAMES.length] ?? 'Abadie';
  const uid = `p${String(index).padStart(6, '0')}`;
  return { uid, dn: `uid=${uid},ou=people,${suffix}`, givenName, sn };
}

/**
 * LDIF for ou=people and `count` inetOrgPerson entries under it. `passwords` gives some of them a
 * userPassword value (already hashed, e.g. by slappasswd).
 */
/** Entries from `from` on carry a `description` of `bytes` characters: a part of the directory that is slow to send. */
export interface Bulky {
  from: number;
  bytes: number;
}

export function peopleLdif(suffix: string, count: number, passwords: Map<number, string> = new Map(), bulky?: Bulky): string {
  const blocks = [`dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people\n`];
  for (let index = 0; index < count; index += 1) {
    const p = person(index, suffix);
    const lines = [
      `dn: ${p.dn}`,
      'objectClass: inetOrgPerson',
      `uid: ${p.uid}`,
      // base64, since the surnames hold non-ASCII letters
      `cn:: ${Buffer.from(`${p.givenName} ${p.sn}`).toString('base64')}`,
      `sn:: ${Buffer.from(p.sn).toString('base64')}`,
      `givenName: ${p.givenName}`,
    ];
    const password = passwords.get(index);
    if (password !== undefined) lines.push(`userPassword: ${password}`);
    if (bulky && index >= bulky.from) lines.push(`description: ${'x'.repeat(bulky.bytes)}`);
    blocks.push(lines.join('\n') + '\n');
  }
  return blocks.join('\n');
}

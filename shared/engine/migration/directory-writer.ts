// The only place Vigie writes to a directory: `vigie apply`, on the DSI's command, replaying the plan's own
// change records. One bound ldapts connection; TLS is checked as for reading (trust-anchors.ts).
// A change can carry what the entry must still hold (RFC 4528's assertion control): the server then applies
// the whole modify only if every asserted value is there, else refuses it with assertionFailed (122) and
// changes nothing. ldapts sends one ModifyRequest with all of a record's modifications, in order.
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { AndFilter, Attribute, BerWriter, Change, Client, Control, EqualityFilter, NotFilter, PresenceFilter, type Filter } from 'ldapts';
import { explainLdapFailure } from '../directory/ldap/explain-failure.ts';
import { LdapError, singleLine } from '../directory/ldap/ldap-error.ts';
import { trustAnchors } from '../directory/ldap/trust-anchors.ts';
import type { Credentials } from '../posture/directory-posture.ts';
import type { ChangeRecord, LdifValue, ValueAssertion } from './change-record.ts';

export interface WriterTarget {
  url: string;
  startTls?: boolean;
  caFile?: string;
}

export interface DirectoryWriter {
  /** Sends the record; with `assert`, only if the entry still holds exactly those values (else assertionFailed). */
  write(record: ChangeRecord, assert?: ValueAssertion[]): Promise<void>;
  /** The entry's values of `attributes` (lower-case names, bytes as stored), or null when there is no entry. */
  read(dn: string, attributes: string[]): Promise<Map<string, Buffer[]> | null>;
  close(): Promise<void>;
}

/** RFC 4528's assertion control. */
export const ASSERTION_CONTROL = '1.3.6.1.1.12';
/** The result code of a change whose assertion did not hold. */
export const ASSERTION_FAILED = 122;

const TIMEOUT_MS = 30_000;

export async function openWriter(target: WriterTarget, who: Credentials): Promise<DirectoryWriter> {
  let parsed: URL;
  try {
    parsed = new URL(target.url);
  } catch {
    throw new LdapError('bad-option', `"${target.url}" is not an LDAP URL.`, 'write it as ldap://host[:port] or ldaps://host[:port].', { code: 'BAD_LDAP_URL', params: { url: target.url } });
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'ldap' && scheme !== 'ldaps') throw new LdapError('bad-option', `"${target.url}" is not an LDAP URL.`, 'write it as ldap://host[:port] or ldaps://host[:port].', { code: 'BAD_LDAP_URL', params: { url: target.url } });
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port ? Number(parsed.port) : scheme === 'ldaps' ? 636 : 389;
  const server = `${parsed.hostname}:${port}`;
  const tlsOptions: ConnectionOptions = { ca: await trustAnchors(target.caFile), rejectUnauthorized: true, ...(isIP(host) ? {} : { servername: host }) };
  const client = new Client({ url: `${scheme}://${parsed.hostname}:${port}`, timeout: TIMEOUT_MS, connectTimeout: 10_000, ...(scheme === 'ldaps' ? { tlsOptions } : {}) });
  let phase: 'connect' | 'starttls' | 'bind' = 'connect';
  try {
    if (target.startTls) {
      phase = 'starttls';
      await client.startTLS({ ...tlsOptions, host });
    }
    phase = 'bind';
    await client.bind(who.dn, who.password);
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw explainLdapFailure(error, { phase, server, bindDn: who.dn, entriesRead: 0, timeoutMs: TIMEOUT_MS });
  }
  return {
    async write(record, assert) {
      const controls = (record.controls ?? []).map((oid) => new Control(oid, { critical: true }));
      if (assert && assert.length > 0) controls.push(new AssertionControl(assertionFilter(assert)));
      if (record.change === 'add') {
        await client.add(record.dn, record.attributes.map((a) => new Attribute({ type: a.attribute, values: buffers(a.values) })), controls);
      } else if (record.change === 'delete') {
        await client.del(record.dn, controls);
      } else {
        await client.modify(record.dn, record.mods.map((m) => new Change({
          operation: m.op,
          modification: new Attribute({ type: m.attribute, values: buffers(m.values) }),
        })), controls);
      }
    },
    async read(dn, attributes) {
      try {
        const { searchEntries } = await client.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes, explicitBufferAttributes: attributes });
        const entry = searchEntries[0];
        if (!entry) return null;
        const values = new Map<string, Buffer[]>();
        for (const [name, value] of Object.entries(entry)) {
          if (name === 'dn') continue;
          values.set(name.toLowerCase(), (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'))));
        }
        return values;
      } catch (e) {
        if ((e as { code?: number }).code === 32) return null;
        throw e;
      }
    },
    async close() {
      await client.unbind().catch(() => undefined);
    },
  };
}

/** Critical: a server that cannot check the assertion refuses the change instead of making it unchecked. */
class AssertionControl extends Control {
  constructor(private readonly filter: Filter) {
    super(ASSERTION_CONTROL, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    this.filter.write(value);
    writer.writeBuffer(value.buffer, 0x04);
  }
}

/** Every asserted value present; an attribute asserted with no values must be absent. */
function assertionFilter(assert: ValueAssertion[]): Filter {
  const parts: Filter[] = [];
  for (const a of assert) {
    if (a.values.length === 0) parts.push(new NotFilter({ filter: new PresenceFilter({ attribute: a.attribute }) }));
    for (const v of buffers(a.values)) parts.push(new EqualityFilter({ attribute: a.attribute, value: v }));
  }
  return parts.length === 1 ? parts[0]! : new AndFilter({ filters: parts });
}

/** True when the server refused a change because its assertion no longer held. */
export function assertionFailed(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === ASSERTION_FAILED;
}

function buffers(values: LdifValue[]): Buffer[] {
  return values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v)));
}

/** The server's refusal in one line: result name and its text, never a value. */
export function refusal(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: number };
  const text = singleLine(e.message ?? String(error));
  return e.code !== undefined ? `${text} (LDAP ${e.code})` : text;
}

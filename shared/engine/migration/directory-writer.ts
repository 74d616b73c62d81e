// The only place Vigie writes to a directory: `vigie apply`, on the DSI's command, replaying the plan's own
// change records. One bound ldapts connection; TLS is checked as for reading (trust-anchors.ts).
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Attribute, Change, Client, Control } from 'ldapts';
import { explainLdapFailure } from '../directory/ldap/explain-failure.ts';
import { LdapError, singleLine } from '../directory/ldap/ldap-error.ts';
import { trustAnchors } from '../directory/ldap/trust-anchors.ts';
import type { Credentials } from '../posture/directory-posture.ts';
import type { ChangeRecord, LdifValue } from './change-record.ts';

export interface WriterTarget {
  url: string;
  startTls?: boolean;
  caFile?: string;
}

export interface DirectoryWriter {
  write(record: ChangeRecord): Promise<void>;
  close(): Promise<void>;
}

const TIMEOUT_MS = 30_000;

export async function openWriter(target: WriterTarget, who: Credentials): Promise<DirectoryWriter> {
  let parsed: URL;
  try {
    parsed = new URL(target.url);
  } catch {
    throw new LdapError('bad-option', `"${target.url}" is not an LDAP URL.`, 'write it as ldap://host[:port] or ldaps://host[:port].');
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'ldap' && scheme !== 'ldaps') throw new LdapError('bad-option', `"${target.url}" is not an LDAP URL.`, 'write it as ldap://host[:port] or ldaps://host[:port].');
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
    async write(record) {
      const controls = (record.controls ?? []).map((oid) => new Control(oid, { critical: true }));
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
    async close() {
      await client.unbind().catch(() => undefined);
    },
  };
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

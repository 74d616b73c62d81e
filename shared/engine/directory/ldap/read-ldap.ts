// The live reader: one bound, read-only LDAP connection that yields entries page by page.
// Only binds and searches are ever sent: Vigie never writes to a directory nor tries passwords by binding.
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, FilterParser } from 'ldapts';
import { CancelledError } from '../../errors.ts';
import type { DirectoryEntry } from '../model.ts';
import { explainLdapFailure, type ConnectionPhase } from './explain-failure.ts';
import { LdapError } from './ldap-error.ts';
import { pageSourceFor } from './paged-search.ts';
import { PASSWORD_ATTRIBUTE_SPELLINGS, toDirectoryEntry } from './to-directory-entry.ts';
import { trustAnchors } from './trust-anchors.ts';

export type Transport = 'ldaps' | 'starttls' | 'none';

export interface LdapSourceOptions {
  /** ldap://host[:port] or ldaps://host[:port]; a path or query is ignored. */
  url: string;
  /** Absent: anonymous bind. */
  bindDn?: string;
  /** From a file, VIGIE_BIND_PASSWORD or a prompt; never from argv. */
  password?: string;
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  startTls?: boolean;
  /** PEM file of the authority that signed the server's certificate; added to the public roots. */
  caFile?: string;
  /** Entries per page (default 1,000). */
  pageSize?: number;
  /** Longest wait for any one answer, page included (default 30 s); connecting waits at most 10 s. */
  timeoutMs?: number;
  /** Also ask for operational attributes ('+'), e.g. pwdChangedTime (default false). */
  operationalAttributes?: boolean;
}

export interface EntriesOptions {
  signal?: AbortSignal;
  /** RFC 4515 filter (default `(objectClass=*)`). */
  filter?: string;
}

/** A small, unpaged search: the root DSE, cn=config, a policy entry. */
export interface LookupOptions {
  scope?: 'base' | 'one' | 'sub';
  /** RFC 4515 filter (default `(objectClass=*)`). */
  filter?: string;
  /** Default: the connection's own ('*', and '+' when operational attributes were asked for). */
  attributes?: string[];
  /** At most this many entries (0: the server's own limit). */
  sizeLimit?: number;
}

export interface DirectoryConnection {
  /** How the connection is protected, for the report and the NO_TLS finding. */
  readonly transport: Transport;
  /** True when TLS is on and the server's certificate was checked (always, when TLS is on). */
  readonly tlsVerified: boolean;
  /** host:port, for messages and the report. */
  readonly server: string;
  /** Every entry under baseDn (subtree), paged. Any failure closes the connection. */
  entries(baseDn: string, options?: EntriesOptions): AsyncIterable<DirectoryEntry>;
  /** One unpaged search; a failure is explained but leaves the connection open. */
  lookup(baseDn: string, options?: LookupOptions): Promise<DirectoryEntry[]>;
  /** Unbind and close the socket. Safe to call more than once. */
  close(): Promise<void>;
}

// slapd spends less per entry on large pages (100,000 entries: 0.44 s of its CPU at 1,000 a page, 0.68 s at
// 200), and Vigie's own decoding (paged-search.ts) no longer makes large pages costly to collect: 1,000, as
// ldapsearch's pr=1000. Each page arriving asks for the next, so the server works while Vigie hands entries over.
const DEFAULT_PAGE_SIZE = 1_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;
// How long a polite unbind may take before the socket is simply dropped.
const UNBIND_GRACE_MS = 2_000;

export async function connectDirectory(options: LdapSourceOptions): Promise<DirectoryConnection> {
  const target = parseLdapUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new LdapError('bad-option', `The page size must be a positive whole number, not ${pageSize}.`);
  }
  if (!(timeoutMs > 0)) {
    throw new LdapError('bad-option', `The timeout must be a positive number of milliseconds, not ${timeoutMs}.`);
  }
  if (options.startTls && target.scheme === 'ldaps') {
    throw new LdapError('bad-option', 'StartTLS and ldaps:// cannot be combined.', 'use ldaps:// alone, or ldap:// with StartTLS.', { code: 'STARTTLS_WITH_LDAPS' });
  }
  if (options.bindDn && !options.password) {
    // An empty password makes an "unauthenticated bind": some servers accept it with anonymous rights.
    throw new LdapError('bad-option', `No password given for ${options.bindDn}.`,
      'give it by file, VIGIE_BIND_PASSWORD or the prompt; leave out the bind DN to read anonymously.', { code: 'PASSWORD_NEEDED', params: { who: options.bindDn } });
  }

  const tlsOptions: ConnectionOptions = {
    ca: await trustAnchors(options.caFile),
    rejectUnauthorized: true,
    // SNI takes a host name, never an address.
    ...(isIP(target.host) ? {} : { servername: target.host }),
  };
  const connectTimeoutMs = Math.min(timeoutMs, CONNECT_TIMEOUT_MS);
  const client = new Client({
    url: target.clientUrl,
    timeout: timeoutMs,
    connectTimeout: connectTimeoutMs,
    // ldapts switches to TLS as soon as tlsOptions is set, so plain ldap:// (StartTLS included) gets none.
    ...(target.scheme === 'ldaps' ? { tlsOptions } : {}),
  });
  const pagesOf = pageSourceFor(client);

  let phase: ConnectionPhase = 'connect';
  try {
    await withinDeadline(
      (async () => {
        if (options.startTls) {
          phase = 'starttls';
          await client.startTLS({ ...tlsOptions, host: target.host });
        }
        phase = 'bind';
        await client.bind(options.bindDn ?? '', options.password ?? '');
      })(),
      connectTimeoutMs + timeoutMs,
      () => new LdapError('unreachable', `Cannot reach the directory at ${target.server}: no answer within ${Math.round((connectTimeoutMs + timeoutMs) / 1000)} s.`,
        'check the URL and port, that the server runs, and that no firewall stands between.', { params: { server: target.server } }),
    );
  } catch (error) {
    await closeClient(client);
    throw explainLdapFailure(error, { phase, server: target.server, bindDn: options.bindDn, entriesRead: 0, timeoutMs, connectTimeoutMs });
  }

  const transport: Transport = target.scheme === 'ldaps' ? 'ldaps' : options.startTls ? 'starttls' : 'none';
  const attributes = options.operationalAttributes ? ['*', '+'] : ['*'];
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= closeClient(client));

  async function* entries(baseDn: string, entriesOptions: EntriesOptions = {}): AsyncGenerator<DirectoryEntry> {
    const { signal } = entriesOptions;
    if (signal?.aborted) throw new CancelledError();
    // ldapts would silently reconnect without binding; an unbound read would miss what the account may see.
    if (closing || !client.isBound) {
      throw new LdapError('connection-lost', `The connection to ${target.server} is closed.`, 'connect again.', { params: { server: target.server } });
    }
    const filter = entriesOptions.filter ?? '(objectClass=*)';
    try {
      FilterParser.parseString(filter);
    } catch {
      throw new LdapError('bad-option', `"${filter}" is not a valid LDAP filter.`, 'write it as in RFC 4515, e.g. (objectClass=inetOrgPerson).');
    }
    let entriesRead = 0;
    const onAbort = (): void => void close();
    signal?.addEventListener('abort', onAbort, { once: true });
    const pages = pagesOf(baseDn, { scope: 'sub', filter, attributes, pageSize });
    try {
      for await (const page of pages) {
        for (const entry of page) {
          if (signal?.aborted) throw new CancelledError();
          entriesRead += 1;
          yield entry;
        }
      }
    } catch (error) {
      await close();
      if (signal?.aborted || error instanceof CancelledError) throw new CancelledError();
      throw explainLdapFailure(error, { phase: 'search', server: target.server, bindDn: options.bindDn, baseDn, entriesRead, timeoutMs });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function lookup(baseDn: string, lookupOptions: LookupOptions = {}): Promise<DirectoryEntry[]> {
    if (closing || !client.isBound) {
      throw new LdapError('connection-lost', `The connection to ${target.server} is closed.`, 'connect again.', { params: { server: target.server } });
    }
    try {
      const { searchEntries } = await client.search(baseDn, {
        scope: lookupOptions.scope ?? 'base',
        filter: lookupOptions.filter ?? '(objectClass=*)',
        attributes: lookupOptions.attributes ?? attributes,
        explicitBufferAttributes: PASSWORD_ATTRIBUTE_SPELLINGS,
        sizeLimit: lookupOptions.sizeLimit ?? 0,
      });
      return searchEntries.map(toDirectoryEntry);
    } catch (error) {
      throw explainLdapFailure(error, { phase: 'search', server: target.server, bindDn: options.bindDn, baseDn, entriesRead: 0, timeoutMs });
    }
  }

  return { transport, tlsVerified: transport !== 'none', server: target.server, entries, lookup, close };
}

/** Connect, yield every entry under baseDn, close, whatever happens. */
export async function* readLdap(options: LdapSourceOptions, baseDn: string, signal?: AbortSignal): AsyncGenerator<DirectoryEntry> {
  const connection = await connectDirectory(options);
  try {
    yield* connection.entries(baseDn, { signal });
  } finally {
    await connection.close();
  }
}

interface LdapTarget {
  scheme: 'ldap' | 'ldaps';
  host: string;
  port: number;
  /** host:port as the user would write it. */
  server: string;
  clientUrl: string;
}

function parseLdapUrl(url: string): LdapTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LdapError('bad-option', `"${url}" is not an LDAP URL.`, 'write it as ldap://host[:port] or ldaps://host[:port].', { code: 'BAD_LDAP_URL', params: { url } });
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'ldap' && scheme !== 'ldaps') {
    throw new LdapError('bad-option', `"${url}" is not an LDAP URL.`, 'write it as ldap://host[:port] or ldaps://host[:port].', { code: 'BAD_LDAP_URL', params: { url } });
  }
  if (parsed.username || parsed.password) {
    throw new LdapError('bad-option', 'The LDAP URL must not hold credentials.', 'give the bind DN and the password separately.', { code: 'LDAP_URL_CREDENTIALS' });
  }
  if (!parsed.hostname) {
    throw new LdapError('bad-option', `"${url}" names no host.`, 'write it as ldap://host[:port] or ldaps://host[:port].', { code: 'BAD_LDAP_URL', params: { url } });
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port ? Number(parsed.port) : scheme === 'ldaps' ? 636 : 389;
  const hostInUrl = parsed.hostname;
  return { scheme, host, port, server: `${hostInUrl}:${port}`, clientUrl: `${scheme}://${hostInUrl}:${port}` };
}

async function withinDeadline<T>(work: Promise<T>, ms: number, lateError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(lateError()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function closeClient(client: Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.unbind().catch(() => undefined),
    new Promise<void>((done) => {
      timer = setTimeout(done, UNBIND_GRACE_MS);
    }),
  ]);
  clearTimeout(timer);
}

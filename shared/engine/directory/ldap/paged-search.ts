// The paged subtree search (RFC 2696) that reads a whole directory, page by page.
// Vigie runs it itself on the connection ldapts opened, protected and bound: ldapts still writes each request,
// times it out, parses the final result and its controls, and reports errors and lost connections as usual.
// Only the SearchResultEntry messages of these searches are taken out of ldapts's parse path and read by
// SearchEntryDecoder (search-entry.ts): 100,000 entries cost the reader ~0.45 s of CPU instead of ~1.1 s.
// The hook uses members ldapts 8 keeps private, and Buffer methods Node does not document; both are checked
// at run time, and without them the same pages are read through ldapts's own searchPaginated.
import { FilterParser, MessageParser, PagedResultsControl, SearchRequest, StatusCodeParser, type Client, type SearchResponse } from 'ldapts';
import type { DirectoryEntry } from '../model.ts';
import { BER_INTEGER, BER_SEQUENCE, MalformedBerError, lengthFieldSize, readLength } from './ber.ts';
import { SearchEntryDecoder } from './search-entry.ts';
import { PASSWORD_ATTRIBUTE_SPELLINGS, toDirectoryEntry } from './to-directory-entry.ts';

export interface PagedSearchRequest {
  scope: 'base' | 'one' | 'sub';
  /** RFC 4515, already checked by the caller. */
  filter: string;
  attributes: string[];
  pageSize: number;
}

/** Every page of one search, each handed over once its SearchResultDone says the server succeeded. */
export type PageSource = (baseDn: string, request: PagedSearchRequest) => AsyncGenerator<DirectoryEntry[]>;

const SEARCH_RESULT_ENTRY = 0x64;
const SUCCESS = 0;
const NO_COOKIE = Buffer.alloc(0);

type MessageDetails = Parameters<MessageParser['read']>[1];

/** The members of ldapts 8's Client this file uses; private in its types. */
interface ClientInternals {
  messageParser: MessageParser;
  _send(message: SearchRequest): Promise<SearchResponse | undefined>;
  _nextMessageId(): number;
}

function internalsOf(client: Client): ClientInternals | undefined {
  if (!SearchEntryDecoder.supported()) return undefined;
  const internals = client as unknown as Partial<ClientInternals>;
  if (!(internals.messageParser instanceof MessageParser)) return undefined;
  if (typeof internals.messageParser.read !== 'function') return undefined;
  if (typeof internals._send !== 'function' || typeof internals._nextMessageId !== 'function') return undefined;
  return internals as ClientInternals;
}

/**
 * The page source for `client`: Vigie's own when ldapts's internals are as expected, else ldapts's.
 * Call it once per client, while no answer is on its way (before connecting, or between operations).
 */
export function pageSourceFor(client: Client): PageSource {
  const internals = internalsOf(client);
  if (!internals) return (baseDn, request) => ldaptsPages(client, baseDn, request);
  const router = new EntryRouter(internals.messageParser);
  return (baseDn, request) => ownPages(internals, router, baseDn, request);
}

interface Page {
  entries: DirectoryEntry[];
  /** Empty on the last page. */
  cookie: Buffer;
}

// Each page asks for the next as soon as it is in, so the server never idles while Vigie hands entries over,
// until this many have arrived unread: then the next waits for the reader (memory stays a few pages).
const READ_AHEAD = 2;

async function* ownPages(client: ClientInternals, router: EntryRouter, baseDn: string, request: PagedSearchRequest): AsyncGenerator<DirectoryEntry[]> {
  const control = new PagedResultsControl({ value: { size: request.pageSize } });
  const search = new SearchRequest({
    messageId: 0,
    baseDN: baseDn,
    scope: request.scope,
    filter: FilterParser.parseString(request.filter),
    attributes: request.attributes,
    controls: [control],
  });
  // Requested pages, in order; one at a time is in flight, as RFC 2696's cookie requires.
  const queue: Promise<Page>[] = [];
  let arrived = 0;
  let sentCookie: Buffer | undefined;
  // The cookie of an arrived page whose successor waits for room.
  let parked: Buffer | undefined;
  let stopped = false;

  const ask = (cookie?: Buffer): void => {
    sentCookie = cookie;
    // ldapts writes the request at once, so the control may change for the next one afterwards.
    control.value = cookie ? { size: request.pageSize, cookie } : { size: request.pageSize };
    const next = page(client, router, search).then((arrival) => {
      arrived += 1;
      // A server that answers an empty page with the cookie it was given would loop forever: that ends the search.
      const more = arrival.cookie.length > 0
        && !(arrival.entries.length === 0 && sentCookie !== undefined && arrival.cookie.equals(sentCookie));
      if (more && !stopped) {
        if (arrived < READ_AHEAD) ask(arrival.cookie);
        else parked = arrival.cookie;
      }
      return arrival;
    });
    // Its failure is rethrown when it is awaited; a reader that stops early never awaits it.
    next.catch(() => undefined);
    queue.push(next);
  };

  ask();
  try {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { entries } = await next;
      arrived -= 1;
      if (parked) {
        const cookie = parked;
        parked = undefined;
        ask(cookie);
      }
      yield entries;
    }
  } finally {
    stopped = true;
  }
}

async function page(client: ClientInternals, router: EntryRouter, search: SearchRequest): Promise<Page> {
  const messageId = client._nextMessageId();
  search.messageId = messageId;
  const entries: DirectoryEntry[] = [];
  router.collect(messageId, entries);
  try {
    // Settles on SearchResultDone, after every entry before it went through the router.
    const result = await client._send(search);
    if (result?.status !== SUCCESS) throw StatusCodeParser.parse(result);
    for (const control of result.controls ?? []) {
      if (control instanceof PagedResultsControl) return { entries, cookie: control.value?.cookie ?? NO_COOKIE };
    }
    return { entries, cookie: NO_COOKIE };
  } finally {
    router.release(messageId);
  }
}

/** ldapts's own paged search and entry objects, for an ldapts whose internals moved. */
export async function* ldaptsPages(client: Client, baseDn: string, request: PagedSearchRequest): AsyncGenerator<DirectoryEntry[]> {
  const pages = client.searchPaginated(baseDn, {
    scope: request.scope,
    filter: request.filter,
    attributes: request.attributes,
    explicitBufferAttributes: PASSWORD_ATTRIBUTE_SPELLINGS,
    paged: { pageSize: request.pageSize },
  });
  let finished = false;
  try {
    let next = pages.next();
    for (;;) {
      const current = await next;
      if (current.done) break;
      next = pages.next();
      next.catch(() => undefined);
      yield current.value.searchEntries.map(toDirectoryEntry);
    }
    finished = true;
  } finally {
    // A reader that stops early leaves a page in flight: the search ends with it, unawaited.
    if (!finished) pages.return(undefined).catch(() => undefined);
  }
}

/**
 * Sits in ldapts's MessageParser.read: splits the socket's bytes into LDAP messages, decodes the entries of
 * the searches it collects for, and hands every other message to ldapts, in order, whole.
 */
export class EntryRouter {
  private readonly decoder = new SearchEntryDecoder();
  private readonly collecting = new Map<number, DirectoryEntry[]>();
  private readonly passOn: (data: Buffer, details: MessageDetails) => void;
  // A message cut across socket reads waits here until `needed` bytes are in.
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private needed = 0;
  // After bytes that are not an LDAP message, ldapts alone sees the stream and reports it, as it always did.
  private lost = false;
  // Set by entriesFor for decodeInto.
  private messageId = 0;
  private opAt = 0;

  constructor(private readonly parser: MessageParser) {
    this.passOn = parser.read.bind(parser);
    parser.read = (data, details) => this.read(data, details);
  }

  collect(messageId: number, entries: DirectoryEntry[]): void {
    this.collecting.set(messageId, entries);
  }

  release(messageId: number): void {
    this.collecting.delete(messageId);
  }

  private read(data: Buffer, details: MessageDetails): void {
    if (this.lost) return this.passOn(data, details);
    let bytes = data;
    if (this.pending.length > 0) {
      this.pending.push(data);
      this.pendingBytes += data.length;
      if (this.pendingBytes < this.needed) return;
      bytes = Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      this.needed = 0;
    }
    let at = 0;
    // Messages for ldapts are handed over in runs: bytes[passFrom, at).
    let passFrom = 0;
    while (at < bytes.length) {
      let length: number;
      try {
        if (bytes[at] !== BER_SEQUENCE) throw new MalformedBerError('not an LDAP message');
        length = readLength(bytes, at + 1, bytes.length);
      } catch {
        this.lost = true;
        return this.passOn(bytes.subarray(passFrom), details);
      }
      if (length < 0) break;
      const contentStart = at + 1 + lengthFieldSize(bytes[at + 1] as number);
      const end = contentStart + length;
      if (end > bytes.length) {
        this.needed = end - at;
        break;
      }
      const entries = this.collecting.size > 0 ? this.entriesFor(bytes, contentStart, end) : undefined;
      if (entries) {
        if (passFrom < at) this.passOn(bytes.subarray(passFrom, at), details);
        this.decodeInto(entries, bytes, end);
        passFrom = end;
      }
      at = end;
    }
    if (passFrom < at) this.passOn(bytes.subarray(passFrom, at), details);
    if (at < bytes.length) {
      const rest = bytes.subarray(at);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
  }

  /**
   * The list collecting this message's entry, when it is a SearchResultEntry of a search Vigie runs;
   * its message ID and where its protocolOp starts are left in `messageId` and `opAt`.
   */
  private entriesFor(bytes: Buffer, start: number, end: number): DirectoryEntry[] | undefined {
    // messageID INTEGER (1 to 4 bytes, positive), then the protocolOp's tag.
    const size = bytes[start + 1] as number;
    if (bytes[start] !== BER_INTEGER || size < 1 || size > 4 || start + 2 + size >= end) return undefined;
    const opAt = start + 2 + size;
    if (bytes[opAt] !== SEARCH_RESULT_ENTRY) return undefined;
    let messageId = 0;
    for (let i = start + 2; i < opAt; i++) messageId = messageId * 256 + (bytes[i] as number);
    this.messageId = messageId;
    this.opAt = opAt;
    return this.collecting.get(messageId);
  }

  private decodeInto(entries: DirectoryEntry[], bytes: Buffer, end: number): void {
    const { messageId, opAt } = this;
    try {
      const length = readLength(bytes, opAt + 1, end);
      const opStart = opAt + 1 + lengthFieldSize(bytes[opAt + 1] as number);
      if (length < 0 || opStart + length > end) throw new MalformedBerError('a search entry runs past its message');
      entries.push(this.decoder.decode(bytes, opStart, opStart + length));
    } catch (error) {
      // As ldapts does with a message it cannot parse: the request it answers fails with this error.
      this.collecting.delete(messageId);
      const reported = error instanceof Error ? error : new MalformedBerError(String(error));
      this.parser.emit('error', Object.assign(reported, { messageDetails: { messageId } }));
    }
  }
}

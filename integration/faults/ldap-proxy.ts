// A TCP proxy between a client and slapd that reads the client's LDAP messages as they pass: it records every
// write request (add, modify, delete: operation and DN) that reaches the server, and can hold one back — the
// client then waits for that answer, with its change "in flight" — until the test releases it. Lets a test
// interrupt `vigie apply` at an exact change, without sleeping or racing the scheduler. For scans: it can hold
// back the paged search that reads the accounts (so slapd can be frozen before it gets it), and cut the
// server's answers after a number of entries (the client has read those, and waits for the rest).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LdapWrite {
  op: 'add' | 'modify' | 'delete';
  dn: string;
}

export interface LdapProxy {
  /** ldap://127.0.0.1:PORT/ */
  url: string;
  /** Write requests forwarded to the server, in order. */
  writes: LdapWrite[];
  /** Hold back the first write request for which `when` is true; resolves once it is held (not yet sent). */
  hold(when: (write: LdapWrite) => boolean): Promise<LdapWrite>;
  /** Hold back the first paged search (how a scan reads the accounts); resolves once it is held. */
  holdPagedSearch(): Promise<void>;
  /** Send the held request and everything queued behind it; stop holding. */
  release(): void;
  /** Drop the held request and everything queued behind it (its client is gone); stop holding. */
  discard(): void;
  /**
   * Forward `n` entries of the paged search (the accounts a scan reads) to the client, then hold back everything
   * the server sends on that connection; resolves once the n-th has been forwarded.
   */
  cutAnswersAfter(n: number): Promise<void>;
  /** Close every connection (client and server side), dropping whatever is held. */
  dropConnections(): void;
  close(): Promise<void>;
}

const WRITE_OPS: Record<number, LdapWrite['op']> = { 0x66: 'modify', 0x68: 'add', 0x4a: 'delete' };
const SEARCH_REQUEST = 0x63;
const SEARCH_RESULT_ENTRY = 0x64;
/** The simple paged results control (RFC 2696). */
const PAGED_RESULTS_OID = Buffer.from('1.2.840.113556.1.4.319');

/** The protocolOp tag of one LDAPMessage. */
function opTag(message: Buffer): number {
  const outer = element(message, 0)!;
  const id = element(message, outer.header)!;
  return message[outer.header + id.header + id.length]!;
}

/** Length of a BER element's header and content at `at`, or undefined while incomplete. */
function element(buffer: Buffer, at: number): { header: number; length: number } | undefined {
  if (buffer.length < at + 2) return undefined;
  const first = buffer[at + 1]!;
  if (first < 0x80) return { header: 2, length: first };
  const n = first & 0x7f;
  if (buffer.length < at + 2 + n) return undefined;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + buffer[at + 2 + i]!;
  return { header: 2 + n, length };
}

/** The write request inside one LDAPMessage (SEQUENCE { messageID, protocolOp, … }), if it is one. */
export function writeRequest(message: Buffer): LdapWrite | undefined {
  const outer = element(message, 0)!;
  let at = outer.header;
  const id = element(message, at)!;
  at += id.header + id.length;
  const op = WRITE_OPS[message[at]!];
  if (!op) return undefined;
  const body = element(message, at)!;
  if (op === 'delete') return { op, dn: message.subarray(at + body.header, at + body.header + body.length).toString('utf8') };
  const dnAt = at + body.header;
  const dn = element(message, dnAt)!;
  return { op, dn: message.subarray(dnAt + dn.header, dnAt + dn.header + dn.length).toString('utf8') };
}

export async function startLdapProxy(target: string): Promise<LdapProxy> {
  const upstream = new URL(target);
  const writes: LdapWrite[] = [];
  const sockets = new Set<Socket>();
  let rule: { when: (w: LdapWrite) => boolean; held: (w: LdapWrite) => void } | undefined;
  let searchRule: (() => void) | undefined;
  let holding = false;
  const waiting: (() => void)[] = [];
  let cut: { after: number; forwarded: number; reached: () => void } | undefined;

  const server: Server = createServer((client) => {
    const server = connect(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(server);
    let pending = Buffer.alloc(0);
    /** This connection sent a paged search: it reads the accounts. */
    let paged = false;
    const forward = (message: Buffer): void => {
      const w = writeRequest(message);
      if (w) writes.push(w);
      server.write(message);
    };
    const pump = (): void => {
      for (;;) {
        const e = element(pending, 0);
        if (!e || pending.length < e.header + e.length) return;
        const message = pending.subarray(0, e.header + e.length);
        pending = pending.subarray(e.header + e.length);
        const w = writeRequest(message);
        if (opTag(message) === SEARCH_REQUEST && message.includes(PAGED_RESULTS_OID)) paged = true;
        if (holding) {
          waiting.push(() => forward(message));
        } else if (searchRule && opTag(message) === SEARCH_REQUEST && message.includes(PAGED_RESULTS_OID)) {
          holding = true;
          const held = searchRule;
          searchRule = undefined;
          waiting.push(() => forward(message));
          held();
        } else if (w && rule?.when(w)) {
          holding = true;
          const r = rule;
          rule = undefined;
          waiting.push(() => forward(message));
          r.held(w);
        } else {
          forward(message);
        }
      }
    };
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      pump();
    });
    // The server's answers, message by message: a cut counts the entries of the accounts' (paged) search only.
    let answers = Buffer.alloc(0);
    let cutHere = false;
    server.on('data', (chunk: Buffer) => {
      if (cutHere) return; // held back for good: dropConnections() ends the connection
      answers = Buffer.concat([answers, chunk]);
      for (;;) {
        const e = element(answers, 0);
        if (!e || answers.length < e.header + e.length) return;
        const message = answers.subarray(0, e.header + e.length);
        answers = answers.subarray(e.header + e.length);
        client.write(message);
        if (cut && paged && opTag(message) === SEARCH_RESULT_ENTRY && ++cut.forwarded >= cut.after) {
          cutHere = true;
          const reached = cut.reached;
          cut = undefined;
          reached();
          return;
        }
      }
    });
    const end = (): void => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('close', end).on('error', end);
    server.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;

  return {
    url: `ldap://127.0.0.1:${port}/`,
    writes,
    hold(when) {
      return new Promise((resolve) => {
        rule = { when, held: resolve };
      });
    },
    holdPagedSearch() {
      return new Promise((resolve) => {
        searchRule = resolve;
      });
    },
    release() {
      holding = false;
      for (const send of waiting.splice(0)) send();
    },
    discard() {
      holding = false;
      waiting.length = 0;
    },
    cutAnswersAfter(n) {
      return new Promise((resolve) => {
        cut = { after: n, forwarded: 0, reached: resolve };
      });
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

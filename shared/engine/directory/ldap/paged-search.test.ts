import { MessageParser, SearchEntry, SearchResponse } from 'ldapts';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../model.ts';
import { EntryRouter } from './paged-search.ts';

// LDAP messages as a server writes them (RFC 4511 §4.2), built by hand.
function tlv(tag: number, ...parts: (Buffer | string)[]): Buffer {
  const body = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}
const message = (id: number, op: Buffer): Buffer => tlv(0x30, tlv(0x02, Buffer.from(id > 255 ? [id >> 8, id & 0xff] : [id])), op);
const entry = (id: number, dn: string, cn: string, password = '{SSHA}x'): Buffer => message(id, tlv(0x64, tlv(0x04, dn), tlv(0x30,
  tlv(0x30, tlv(0x04, 'cn'), tlv(0x31, tlv(0x04, cn))),
  tlv(0x30, tlv(0x04, 'userPassword'), tlv(0x31, tlv(0x04, password))))));
const done = (id: number): Buffer => message(id, tlv(0x65, tlv(0x0a, Buffer.from([0])), tlv(0x04, ''), tlv(0x04, '')));

interface Seen {
  collected: DirectoryEntry[];
  /** What ldapts itself parsed and emitted, in order. */
  emitted: string[];
  errors: { message: string; messageId?: number }[];
}

function routerFor(...ids: number[]): { parser: MessageParser; seen: Seen } {
  const parser = new MessageParser();
  const seen: Seen = { collected: [], emitted: [], errors: [] };
  parser.on('message', (m) => {
    if (m instanceof SearchEntry) seen.emitted.push(`entry ${m.messageId} ${m.name}`);
    else if (m instanceof SearchResponse) seen.emitted.push(`done ${m.messageId} ${m.status}`);
    else seen.emitted.push(`other ${m.messageId}`);
  });
  parser.on('error', (error: Error & { messageDetails?: { messageId?: number } }) => {
    seen.errors.push({ message: error.message, messageId: error.messageDetails?.messageId });
  });
  const router = new EntryRouter(parser);
  for (const id of ids) router.collect(id, seen.collected);
  return { parser, seen };
}

function feed(parser: MessageParser, stream: Buffer, cuts: number[]): void {
  let from = 0;
  for (const cut of [...cuts, stream.length]) {
    // A fresh Buffer per read, as a socket gives.
    parser.read(Buffer.from(stream.subarray(from, cut)), new Map());
    from = cut;
  }
}

describe('EntryRouter', () => {
  const stream = Buffer.concat([
    entry(5, 'uid=a,dc=t', 'Anne'),
    entry(7, 'uid=b,dc=t', 'Bruno'),
    entry(300, 'uid=c,dc=t', 'Céline'),
    done(7),
    entry(5, 'uid=d,dc=t', 'Dédé', '{SSHA}y\0\0'),
    done(5),
  ]);

  it('decodes the entries of collected searches and hands ldapts every other message, in order, wherever reads are cut', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const { parser, seen } = routerFor(5, 300);
      feed(parser, stream, [cut]);
      expect(seen.collected.map((e) => [e.dn, e.attrs.get('cn')?.[0], Buffer.from(e.bytes.get('userpassword')?.[0] ?? []).toString()]))
        .toEqual([['uid=a,dc=t', 'Anne', '{SSHA}x'], ['uid=c,dc=t', 'Céline', '{SSHA}x'], ['uid=d,dc=t', 'Dédé', '{SSHA}y']]);
      expect(seen.emitted).toEqual(['entry 7 uid=b,dc=t', 'done 7 0', 'done 5 0']);
      expect(seen.errors).toEqual([]);
    }
  });

  it('copes with one byte per read, and with a message far larger than a read', () => {
    const { parser, seen } = routerFor(5);
    feed(parser, stream, Array.from({ length: stream.length - 1 }, (_, i) => i + 1));
    expect(seen.collected).toHaveLength(2);
    expect(seen.emitted).toEqual(['entry 7 uid=b,dc=t', 'entry 300 uid=c,dc=t', 'done 7 0', 'done 5 0']);

    const big = Buffer.concat([entry(5, 'uid=big,dc=t', 'x'.repeat(200_000)), done(5)]);
    const large = routerFor(5);
    feed(large.parser, big, Array.from({ length: Math.floor(big.length / 65_536) }, (_, i) => (i + 1) * 65_536));
    expect(large.seen.collected[0]?.attrs.get('cn')?.[0]).toHaveLength(200_000);
    expect(large.seen.emitted).toEqual(['done 5 0']);
  });

  it('fails the search whose entry is malformed, as ldapts fails a message it cannot parse, and reads on', () => {
    const { parser, seen } = routerFor(5, 6);
    const broken = message(5, tlv(0x64, tlv(0x04, 'uid=x'), tlv(0x30, tlv(0x30, tlv(0x04, 'cn'), tlv(0x31, tlv(0x02, '1'))))));
    feed(parser, Buffer.concat([broken, entry(5, 'uid=after,dc=t', 'z'), entry(6, 'uid=e,dc=t', 'Eve'), done(5)]), []);
    expect(seen.errors).toEqual([{ message: expect.stringMatching(/tag 0x2 where 0x4 belongs/), messageId: 5 }]);
    // The failed search collects no more; its later messages go to ldapts, which drops them with the request.
    expect(seen.collected.map((e) => e.dn)).toEqual(['uid=e,dc=t']);
    expect(seen.emitted).toEqual(['entry 5 uid=after,dc=t', 'done 5 0']);
  });

  it('leaves bytes that are not an LDAP message to ldapts, which reports them', () => {
    const { parser, seen } = routerFor(5);
    feed(parser, Buffer.concat([entry(5, 'uid=a,dc=t', 'Anne'), Buffer.from([0x30, 0x80, 0x01])]), []);
    expect(seen.collected).toHaveLength(1);
    expect(seen.errors.map((e) => e.message)).toEqual(['Indefinite length not supported']);
  });
});

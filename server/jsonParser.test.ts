import * as parser from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { jsonParser } from './jsonParser';

describe('the JSON-only packet encoder', () => {
  it('writes exactly what the default encoder writes for every kind of text packet', () => {
    const packets: parser.Packet[] = [
      { type: parser.PacketType.EVENT, nsp: '/', data: ['node:patch', { base: 7, version: 8, delta: { o: { t: { r: 60320 } } } }] },
      { type: parser.PacketType.EVENT, nsp: '/', data: ['console:events', [{ seq: 1, type: 'mark', label: 'é "quoted" \n' }]] },
      { type: parser.PacketType.ACK, nsp: '/', id: 12, data: [{ ok: true, data: null }] },
      { type: parser.PacketType.ACK, nsp: '/', id: 0, data: [{ ok: false, error: { code: 'x', message: 'y' } }] },
      { type: parser.PacketType.EVENT, nsp: '/admin', id: 3, data: ['ping'] },
      { type: parser.PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
      { type: parser.PacketType.CONNECT, nsp: '/admin' },
      { type: parser.PacketType.DISCONNECT, nsp: '/' },
      { type: parser.PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } },
    ];
    const ours = new jsonParser.Encoder();
    const theirs = new parser.Encoder();
    for (const p of packets) expect(ours.encode(p)).toEqual(theirs.encode(p));
  });

  it('is read back by the default decoder', () => {
    const decoder = new jsonParser.Decoder();
    const got: unknown[] = [];
    decoder.on('decoded', (p: unknown) => got.push(p));
    const [text] = new jsonParser.Encoder().encode({
      type: parser.PacketType.EVENT,
      nsp: '/',
      id: 5,
      data: ['node:act', { action: { type: 'send' } }],
    });
    decoder.add(text!);
    expect(got).toEqual([{ type: parser.PacketType.EVENT, nsp: '/', id: 5, data: ['node:act', { action: { type: 'send' } }] }]);
  });
});

import { describe, expect, it } from 'vitest';
import { readSse, sseEvents } from './sse';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('sseEvents', () => {
  it('keeps a half-received event for the next chunk and names each event', () => {
    expect(sseEvents('event: clone\ndata: {"a":1}\n\nevent: clone\ndata: {"a"')).toEqual({
      events: [{ event: 'clone', data: '{"a":1}' }], rest: 'event: clone\ndata: {"a"',
    });
  });

  it('drops comments, joins data lines, and calls a nameless event a message', () => {
    expect(sseEvents(': keep-alive\n\n').events).toEqual([]);
    expect(sseEvents('data: one\r\ndata: two\r\n\r\n').events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});

describe('readSse', () => {
  it('gives the events of a stream as they arrive, whatever the chunks cut', async () => {
    const events = [];
    for await (const e of readSse(streamOf('event: progress\nda', 'ta: {"percent":5}\n\n: keep-alive\n\nevent: done\ndata: {}\n\n'))) {
      events.push(e);
    }
    expect(events).toEqual([{ event: 'progress', data: '{"percent":5}' }, { event: 'done', data: '{}' }]);
  });
});

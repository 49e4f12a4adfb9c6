// Server-sent events read from a fetch body (a clone's progress, a streamed fetch, pull or push):
// fetch rather than EventSource, because these streams are POSTs or need the app's own headers.

/** One event: its `event:` name (`message` when it has none) and its `data:` lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Splits an SSE body into its events, keeping a partial event for the next chunk; comments and empty events are dropped. */
export function sseEvents(buffer: string): { events: SseEvent[]; rest: string } {
  const parts = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = parts.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of parts) {
    const lines = block.split('\n');
    const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
    if (data.length === 0) continue;
    const name = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
    events.push({ event: name || 'message', data });
  }
  return { events, rest };
}

/** The events of a stream as they arrive, until it ends (or the fetch that gave it is aborted: then it throws). */
export async function* readSse(body: NonNullable<Response['body']>): AsyncGenerator<SseEvent> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const parsed = sseEvents(buffer + value);
      buffer = parsed.rest;
      yield* parsed.events;
    }
  } finally {
    reader.releaseLock();
  }
}

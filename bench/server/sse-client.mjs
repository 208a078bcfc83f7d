// Holds SSE streams for the load generator. Parsing is minimal on purpose: a stream nobody inspects only has
// its bytes drained; a stream with `onFrame` is split into frames at blank lines and nothing more.
import http from 'node:http';

/** Streams hold one connection each, as a browser tab does; no limit on how many. */
const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/**
 * Opens `GET path` as an event stream. Resolves once the response head arrived with status 200 (the moment
 * a client knows its stream is open), with `close()`; rejects on another status or a network error.
 * `onFrame(frame)` gets every complete SSE frame as text, without its trailing blank line.
 */
export function openEventStream(server, path, headers, onFrame) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        agent: streamAgent,
        hostname: server.hostname,
        port: server.port,
        method: 'GET',
        path,
        headers: { ...headers, Accept: 'text/event-stream' },
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${path} answered ${response.statusCode}`));
          return;
        }
        const stream = { closed: false, close: () => outgoing.destroy() };
        response.on('close', () => {
          stream.closed = true;
        });
        response.on('error', () => {});
        if (onFrame) {
          let buffered = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            buffered += chunk;
            let end = buffered.indexOf('\n\n');
            while (end !== -1) {
              onFrame(buffered.slice(0, end));
              buffered = buffered.slice(end + 2);
              end = buffered.indexOf('\n\n');
            }
          });
        } else {
          response.resume();
        }
        resolve(stream);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

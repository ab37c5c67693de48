/** A recorded call to the fake `fetch`. */
export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

type Answer = Response | ((call: Call) => Response | Promise<Response>);

/**
 * A `fetch` stand-in that records each call and answers with the given responses in turn.
 * Like the real one, it rejects with the signal's reason when the request is aborted.
 */
export function fakeFetch(...answers: Answer[]): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    call.signal?.throwIfAborted();
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request to ${call.url}`);
    const response = typeof answer === 'function' ? answer(call) : answer;
    if (!call.signal) return response;
    const signal = call.signal;
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve(response).then(resolve, reject);
    });
  };
  return Object.assign(fake, { calls });
}

/** A JSON response, as the server sends them. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A response that never arrives (until the request is aborted). */
export function never(): Promise<Response> {
  return new Promise(() => {});
}

/** An unsigned JWT with the given payload (the client does not verify signatures yet). */
export function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    const base64 = btoa(String.fromCharCode(...bytes));
    return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part(payload)}.c2lnbmF0dXJl`;
}

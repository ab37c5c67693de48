import { base64url } from 'jose';

/** A recorded call to the fake `fetch`. */
export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

type Answer = Response | ((call: Call) => Response | Promise<Response>);

/** The call `fetch(input, init)`, as the fakes record it (a JSON body parsed). */
export function recordCall(input: RequestInfo | URL, init: RequestInit = {}): Call {
  return {
    url: String(input),
    method: init.method ?? 'GET',
    headers: new Headers(init.headers),
    body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    signal: init.signal ?? undefined,
  };
}

/**
 * A `fetch` stand-in that records each call and answers with the given responses in turn.
 * Like the real one, it rejects with the signal's reason when the request is aborted.
 */
export function fakeFetch(...answers: Answer[]): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = recordCall(input, init);
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

/**
 * A JWT with the given payload and a signature that is not one: for `decodeJwtPayload`,
 * `verifyIdToken: false`, and tokens the client must refuse.
 */
export function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part(payload)}.c2lnbmF0dXJl`;
}

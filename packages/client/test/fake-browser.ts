import { vi } from 'vitest';
import { mapStorage } from './map-storage.js';

/**
 * What the fake tenant page in the iframe posts back before its `load`, `undefined` to load
 * without posting (a refused frame), or `'no load'` for a frame that never finishes loading.
 */
type FrameAnswer = Record<string, unknown> | undefined | 'no load';
export type FramePage = (url: URL) => FrameAnswer | Promise<FrameAnswer>;

interface FakeIframe {
  hidden: boolean;
  src: string;
  contentWindow: object;
  removed: boolean;
  onload: (() => void) | null;
  remove(): void;
}

/**
 * Stubs `window`, `document`, `location` and `sessionStorage` with the little the cross-origin
 * transport uses. Each iframe "loads" its `src` on the next task: `page` says what the tenant's
 * page posts to the parent (from the tenant's origin, with the iframe as `source`).
 */
export function fakeBrowser(tenantOrigin: string, page: FramePage) {
  const window = new EventTarget();
  const frames: FakeIframe[] = [];
  const session = mapStorage();
  const post = (data: unknown, origin = tenantOrigin, source?: object) =>
    window.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  const document = {
    createElement: (tag: string) => {
      if (tag !== 'iframe') throw new Error(`unexpected <${tag}>`);
      const iframe: FakeIframe = {
        hidden: false,
        src: '',
        contentWindow: {},
        removed: false,
        onload: null,
        remove: () => void (iframe.removed = true),
      };
      return iframe;
    },
    body: {
      append: (iframe: FakeIframe) => {
        frames.push(iframe);
        setTimeout(async () => {
          const data = await page(new URL(iframe.src));
          if (data === 'no load') return;
          if (data) post(data, tenantOrigin, iframe.contentWindow);
          iframe.onload?.();
        });
      },
    },
  };
  const location = { origin: 'https://app.example.com', assign: vi.fn() };
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', location);
  vi.stubGlobal('sessionStorage', session);
  return { frames, location, storage: session.map, post };
}

/** An `authorization_response` message, as the tenant's web_message page posts it. */
export function authorizationResponse(response: Record<string, unknown>) {
  return { type: 'authorization_response', response };
}

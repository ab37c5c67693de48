import type { InjectOptions, LightMyRequestResponse } from 'fastify';

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** What a browser on the confirm page sends with its POST (the page is on the issuer). */
export const SAME_ORIGIN_HEADERS = {
  origin: 'null',
  'sec-fetch-site': 'same-origin',
  accept: 'text/html,application/xhtml+xml',
} as const;

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The hidden fields of the confirm page's form, as the browser would post them. */
export function formFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(decode(match[1]!), decode(match[2]!));
  }
  return fields;
}

/** POSTs `fields` to the confirm endpoint as a form, with `headers` over a browser's own. */
export function postConfirm(
  inject: Inject,
  fields: URLSearchParams,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return inject({
    method: 'POST',
    url: '/passwordless/verify_redirect',
    headers: {
      ...SAME_ORIGIN_HEADERS,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    payload: fields.toString(),
  });
}

/** What a person does with a magic link: opens it, then presses the page's button. */
export async function clickLink(inject: Inject, link: URL): Promise<LightMyRequestResponse> {
  const page = await inject({ url: link.pathname + link.search });
  if (page.statusCode !== 200) return page;
  return postConfirm(inject, formFields(page.body));
}

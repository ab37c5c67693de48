import { describe, expect, it } from 'vitest';
import { preferredLanguage, requestLanguage } from '../src/language.js';
import { startTestServer } from './helpers.js';

describe('email language', () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.5', 'fr-CA'],
    ['en;q=0.5, de;q=0.9', 'de'],
    ['*', undefined],
    ['*;q=1, es;q=0.1', 'es'],
    ['de;q=0, it', 'it'],
    ['ja;q=abc, pt-BR', 'pt-BR'],
    ['en;q=2', undefined],
    [';;,,, ', undefined],
    ['<script>', undefined],
    ['x'.repeat(5000), undefined],
    ['', undefined],
  ])('Accept-Language %j → %s', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });

  it('prefers X-Request-Language, then Accept-Language, then the tenant default', () => {
    expect(requestLanguage({ 'x-request-language': 'es', 'accept-language': 'fr' }, 'en')).toBe(
      'es',
    );
    expect(
      requestLanguage({ 'x-request-language': 'bad value', 'accept-language': 'fr' }, 'en'),
    ).toBe('fr');
    expect(requestLanguage({ 'accept-language': '*' }, 'de')).toBe('de');
  });

  it('renders the template of the chosen language with every documented variable', async () => {
    const server = await startTestServer({
      default_language: 'en',
      connections: {
        email: {
          email: {
            subject: {
              en: 'Code for {{ application.name }}',
              es: 'Código para {{ application.name }}',
            },
            text: '{{ code }}|{{ send }}|{{ request_language }}|{{ operation }}|{{ application.name }}|{{ connection.name }}|{{ user.email }}|{{ link }}',
          },
        },
      },
    });
    const response = await server.start(
      'lang@example.com',
      {},
      { 'accept-language': '*;q=1, es-MX;q=0.8' },
    );
    expect(response.statusCode).toBe(200);
    await server.mailSettled();
    const [mail] = (await server.inject({ url: '/dev/inbox.json?to=lang@example.com' })).json()
      .messages;
    expect(mail.subject).toBe('Código para Passwordless Demo');
    expect(mail.text).toMatch(
      /^\d{6}\|code\|es-MX\|login\|Passwordless Demo\|email\|lang@example\.com\|$/,
    );
  });
});

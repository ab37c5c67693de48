import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import * as base64 from 'nodemailer/lib/base64';
import * as mime from 'nodemailer/lib/mime-funcs';
import * as qp from 'nodemailer/lib/qp';
import type { OutgoingEmail } from './mailer.js';

/** A mail as SMTP carries it: the envelope, and the message as one buffer. */
export interface ComposedMessage {
  envelope: { from: string; to: string[] };
  message: Buffer;
}

const CRLF = '\r\n';
const LINE_LENGTH = 76;
/** What a header cannot carry as it is (CR and LF never get here: the templates strip them). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * The verification mail as a `multipart/alternative` MIME message, in one pass over strings.
 * nodemailer's MailComposer builds the same message through a tree of streams, which cost more
 * CPU per mail than the whole SMTP exchange; its encoders (RFC 2047 words, quoted-printable,
 * base64, header folding) are used here as they are, so the bytes follow its choices. Only the
 * given strings go in: nothing is read from a file or URL.
 */
export function composeMessage(email: OutgoingEmail, date: Date): ComposedMessage {
  const from = withAsciiDomain(email.from.address);
  const boundary = `--_pl-${randomUUID()}`;
  const lines = [
    header('From', email.from.name ? `${addressName(email.from.name)} <${from}>` : from),
    header('To', email.to),
    header('Subject', headerText(email.subject)),
    `Message-ID: <${randomUUID()}@${from.slice(from.lastIndexOf('@') + 1)}>`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
    '',
    `--${boundary}`,
    textPart('text/plain', email.text),
    `--${boundary}`,
    textPart('text/html', email.html),
    `--${boundary}--`,
    '',
  ];
  return {
    envelope: { from, to: [email.to] },
    message: Buffer.from(lines.join(CRLF)),
  };
}

function header(key: string, value: string): string {
  return mime.foldLines(`${key}: ${value}`, LINE_LENGTH);
}

/** A body part: as is when it is short-lined ASCII, else quoted-printable or base64; CRLF lines. */
function textPart(contentType: string, content: string): string {
  let encoding = '7bit';
  let body = content;
  if (!mime.isPlainText(content) || mime.hasLongerLines(content, LINE_LENGTH)) {
    const quoted = wordEncoding(content) === 'Q';
    encoding = quoted ? 'quoted-printable' : 'base64';
    body = quoted
      ? qp.wrap(qp.encode(content), LINE_LENGTH)
      : base64.wrap(base64.encode(content), LINE_LENGTH);
  }
  return [
    `Content-Type: ${contentType}; charset=utf-8`,
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    body.replace(/\r?\n/g, CRLF),
  ].join(CRLF);
}

/** An unstructured header's value: encoded words where it is not printable ASCII. */
function headerText(value: string): string {
  return CONTROL.test(value)
    ? mime.encodeWord(value, wordEncoding(value), 52)
    : mime.encodeWords(value, wordEncoding(value), 52, true);
}

/** The display name of an address: as is, quoted, or encoded, as nodemailer writes it. */
function addressName(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return mime.quoteString(name);
  return mime.encodeWord(name, wordEncoding(name), 52);
}

/** Quoted-printable for mostly Latin text, base64 otherwise (nodemailer's rule). */
function wordEncoding(value: string): 'Q' | 'B' {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80 || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) other++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return other < latin ? 'Q' : 'B';
}

/** An internationalized domain as punycode, which every SMTP server takes. */
function withAsciiDomain(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  return /^[\x20-\x7e]*$/.test(domain)
    ? address
    : `${address.slice(0, at)}@${domainToASCII(domain) || domain}`;
}

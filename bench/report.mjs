// results → a compact Markdown report (formatted with the repository's Prettier config).
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { int, kb, mib, ms, table, times } from './report-format.mjs';
import { serverSection, serverSummary } from './report-server.mjs';

/** `1369` → `1,369 ms`; `29.71` → `29.7 ms` (under 100 ms a tenth still means something). */
const msShort = (x) => (x >= 100 ? `${int(x)} ms` : `${x.toFixed(1)} ms`);
/** A peer over ours, as the README prints it: `8.8×`, `30×`. */
const timesShort = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)}×`;
const major = (version) => version?.split('.')[0] ?? '?';

export const README_START =
  '<!-- bench:start: written by `pnpm bench` from bench/results.json (bench/report.mjs), do not edit -->';
export const README_END = '<!-- bench:end -->';

/**
 * The root README's "Size and speed" summary, from `results` alone, so the table cannot drift
 * from results.json: the widget, the CDN module, the script-tag file and the client beside Auth0
 * Lock and Hanko, then time to open, memory and the server.
 */
export function renderReadmeSummary(results) {
  const { meta, sizes, open, memory, server, carriedOver = {} } = results;
  const row = (id) => sizes.rows.find((r) => r.id === id && !r.error);
  const ours = row('ours-widget');
  const lock = row('auth0-lock-passwordless');
  const hanko = row('hanko-elements');
  const vs = (peer, base) =>
    peer && base ? `${kb(peer.gzip)} (${timesShort(peer.gzip / base.gzip)})` : '–';
  const locales = sizes.locales.filter((l) => !l.error).map((l) => l.gzip);
  const client = row('ours-client');
  const auth0js = row('auth0-js');
  const rows = [
    [
      'Widget with its dependencies, English (ESM)',
      kb(ours?.gzip),
      vs(lock, ours),
      vs(hanko, ours),
    ],
    ['From a CDN: `cdn/define.js`, first load', kb(row('ours-cdn')?.gzip), '', ''],
    ['Script-tag file (IIFE, English, others lazily)', kb(row('ours-script-tag')?.gzip), '', ''],
    [
      'Each extra language',
      `${kb(Math.min(...locales)).replace(' KB', '')} – ${kb(Math.max(...locales))}`,
      '',
      '',
    ],
    ['Protocol client (Lock: auth0-js)', kb(client?.gzip), vs(auth0js, client), ''],
  ];
  if (open) {
    const [a, b] = [open.ours, open['auth0-lock']];
    const first = (d) => d.firstOpen.visible.median;
    const warm = (d) => `${d.open.visible.median.toFixed(1)} / ${msShort(d.open.visible.p95)}`;
    rows.push(
      [
        'First open, `show()` → email field painted',
        msShort(first(a)),
        `${msShort(first(b))} (${timesShort(first(b) / first(a))})`,
        '',
      ],
      [
        'Later opens, median / p95',
        warm(a),
        `${warm(b)} (${timesShort(b.open.visible.median / a.open.visible.median)})`,
        '',
      ],
    );
  }
  if (open?.mainThread) {
    const [a, b] = [open.mainThread.ours, open.mainThread['auth0-lock']];
    const busy = (d) => `${msShort(d.firstOpen.total.median)} / ${msShort(d.open.total.median)}`;
    rows.push([
      'Main thread during an open (script, style, layout), first / later',
      busy(a),
      `${busy(b)} (${timesShort(b.firstOpen.total.median / a.firstOpen.total.median)})`,
      '',
    ]);
  }
  if (memory) {
    const [a, b] = [memory.ours.afterAll.usedSize, memory['auth0-lock'].afterAll.usedSize];
    rows.push([
      `JS heap after ${memory.ours.cycles} open/close cycles`,
      mib(a),
      `${mib(b)} (${timesShort(b / a)})`,
      '',
    ]);
  }
  const version = meta.versions;
  const hankoVersion = version['@teamhanko/hanko-elements']?.split('.').slice(0, 2).join('.');
  const head = [
    '',
    'passwordless-lock',
    `Auth0 Lock ${major(version['auth0-lock'])} (passwordless)`,
    `Hanko Elements ${hankoVersion ?? '?'}`,
  ];
  const day = (date) => date.slice(0, 10);
  const older = Object.entries(carriedOver);
  const when = older.length
    ? `${results.sections.join(', ')} ${day(meta.date)}; ${older.map(([section, from]) => `${section} ${day(from.date)}`).join(', ')}`
    : day(meta.date);
  const parts = [
    `From \`pnpm bench\` ([bench/results.md](bench/results.md): method, machine, versions; ` +
      `${meta.machine.cores}-core ${meta.machine.cpu}, Node ${major(meta.node.replace(/^v/, ''))}, ` +
      `headless Chromium ${major(meta.chromium ?? carriedOver.open?.chromium)}, ${when}). ` +
      'Every bundle is built by the same Vite settings and counted as what a page loads on import ' +
      '(min+gzip); the CDN line is the published `dist/cdn/` folder.',
    table(head, rows),
  ];
  if (server) {
    parts.push(
      `The server (autocannon, loopback, ${server.connections} connections): \`/passwordless/start\` ` +
        `${int(server.start.rps)} req/s with every mail going over SMTP, \`/oauth/token\` ` +
        `${int(server.token.rps)} req/s (${Math.round(server.token.ratio * 100)}% of a bare jose RS256 ` +
        `signing loop)` +
        (server.tokenReturning
          ? ` for first logins, ${int(server.tokenReturning.rps)} req/s ` +
            `(${Math.round(server.tokenReturning.ratio * 100)}%) for returning users`
          : '') +
        (server.refresh ? ` and ${int(server.refresh.rps)} req/s with the refresh grant` : '') +
        `, JWKS ${int(server.jwks.rps)} req/s (${Math.round(server.jwks.ratio * 100)}% of a ` +
        'bare Fastify route).' +
        (server.startup
          ? ` Started from its built package (\`node dist/cli.js --dev\`), it listens ` +
            `${int(server.startup.ours.listenMs)} ms after the process starts ` +
            `(bare Fastify ${int(server.startup.bare.listenMs)} ms) with ${mib(server.startup.ours.rss)} RSS, ` +
            `and holds ${mib(server.rss.afterRun?.rss)} after the load.`
          : ''),
    );
  }
  return parts.join('\n\n');
}

/** `readme` with the text between the bench markers replaced by the summary of `results`. */
export function withReadmeSummary(readme, results) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README has no ${README_START} … ${README_END}`);
  return (
    readme.slice(0, start + README_START.length) +
    `\n\n${renderReadmeSummary(results)}\n\n` +
    readme.slice(end)
  );
}

/** The report as Markdown. */
export function renderMarkdown(results) {
  const { meta, mode } = results;
  const out = [];
  out.push(`# passwordless-lock bench results${mode === 'quick' ? ' (quick mode: noisy)' : ''}`);
  out.push(
    [
      `- Date: ${meta.date} (${meta.elapsedS} s, \`node bench/run.mjs${mode === 'quick' ? ' --quick' : ''}\`)`,
      `- Machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memoryGiB} GiB, ${meta.machine.os}; load average at start ${meta.machine.loadAverageAtStart.join(' / ')}`,
      `- Node ${meta.node}; Chromium ${meta.chromium ?? '–'} (headless); git ${meta.git.commit ?? '–'}${meta.git.dirty ? ' (uncommitted changes)' : ''}`,
      `- Versions: ${Object.entries(meta.versions)
        .map(([name, v]) => `${name} ${v ?? '?'}`)
        .join(', ')}`,
      ...Object.entries(results.carriedOver ?? {}).map(
        ([section, from]) =>
          `- ${section}: not rerun, kept from the run of ${from.date} (git ${from.git ?? '–'}, Chromium ${from.chromium ?? '–'})`,
      ),
    ].join('\n'),
  );
  const summary = summarySection(results);
  if (summary) out.push(summary);
  for (const [section, message] of Object.entries(results.failures ?? {})) {
    out.push(`**${section}: failed** — ${message}`);
  }
  if (results.sizes) out.push(sizesSection(results.sizes));
  if (results.open) out.push(openSection(results.open, results.counts.open));
  if (results.open?.mainThread) out.push(mainThreadSection(results.open.mainThread));
  if (results.memory) out.push(memorySection(results.memory));
  if (results.server) out.push(serverSection(results.server));
  const { offlineRequests = [], pageErrors = [] } = results.browser ?? {};
  if (results.browser) {
    out.push(
      `Requests that left 127.0.0.1 during the browser runs: ${offlineRequests.length ? offlineRequests.join(', ') : 'none'}. ` +
        `Page errors: ${pageErrors.length ? pageErrors.join('; ') : 'none'}.`,
    );
  }
  out.push('How these are measured: [bench/README.md](README.md). Raw numbers: results.json.');
  return out.join('\n\n') + '\n';
}

/** The short "Size and speed" table the main README quotes: ours, Auth0 Lock, Lock / ours. */
function summarySection(results) {
  const rows = [];
  const widget = (id) => results.sizes?.rows.find((r) => r.id === id && !r.error);
  const ours = widget('ours-widget');
  const lock = widget('auth0-lock-passwordless');
  if (ours && lock) {
    rows.push(['Widget, min+gzip', kb(ours.gzip), kb(lock.gzip), times(lock.gzip / ours.gzip)]);
  }
  const client = widget('ours-client');
  const auth0js = widget('auth0-js');
  if (client && auth0js) {
    rows.push([
      'Protocol client, min+gzip (Lock: auth0-js)',
      kb(client.gzip),
      kb(auth0js.gzip),
      times(auth0js.gzip / client.gzip),
    ]);
  }
  const open = results.open;
  if (open) {
    const pair = (label, pick) => {
      const a = pick(open.ours);
      const b = pick(open['auth0-lock']);
      rows.push([label, ms(a), ms(b), times(b / a)]);
    };
    pair('First open, show() → email input painted', (d) => d.firstOpen.visible.median);
    pair('Open (median), show() → email input painted', (d) => d.open.visible.median);
    pair('Open (p95)', (d) => d.open.visible.p95);
  }
  const busy = open?.mainThread;
  if (busy) {
    const [a, b] = [busy.ours, busy['auth0-lock']];
    for (const [label, key] of [
      ['Main thread, first open (script + style + layout)', 'firstOpen'],
      ['Main thread, later open (median)', 'open'],
    ]) {
      rows.push([
        label,
        ms(a[key].total.median),
        ms(b[key].total.median),
        times(b[key].total.median / a[key].total.median),
      ]);
    }
  }
  const memory = results.memory;
  if (memory) {
    const a = memory.ours.afterAll.usedSize;
    const b = memory['auth0-lock'].afterAll.usedSize;
    rows.push([`JS heap after ${memory.ours.cycles} open/close`, mib(a), mib(b), times(b / a)]);
  }
  if (!rows.length && !results.server) return null;
  const parts = ['## Summary'];
  if (rows.length)
    parts.push(table(['', 'passwordless-lock', 'Auth0 Lock 14', 'Lock / ours'], rows));
  if (results.server) parts.push(serverSummary(results.server));
  return parts.join('\n\n');
}

function sizesSection({ rows, locales }) {
  const body = rows.map((r) =>
    r.error
      ? [r.name, 'build failed', '', '', '', '']
      : [
          r.group === 'ours' ? `**${r.name}**` : r.name,
          kb(r.bytes),
          kb(r.gzip),
          kb(r.brotli),
          r.ratio ? `${times(r.ratio.gzip)} / ${times(r.ratio.brotli)}` : '',
          r.budget ? `${kb(r.budget.gzip)} ${r.budget.within ? '✓' : '✗ over'}` : '',
        ],
  );
  for (const l of locales) {
    body.push(
      l.error
        ? [`locale ${l.locale}`, 'build failed', '', '', '', '']
        : [
            `locale chunk \`${l.locale}\`${l.lazyChunk ? '' : ' (bundled alone)'}`,
            kb(l.bytes),
            kb(l.gzip),
            kb(l.brotli),
            '',
            `${kb(l.budget.gzip)} ${l.budget.within ? '✓' : '✗ over'}`,
          ],
    );
  }
  return [
    '## Size',
    'Minified with Vite (ESM, es2022, NODE_ENV=production, every dependency inlined); the entry plus the chunks it imports statically, each compressed on its own and summed; gzip -9 and brotli -11. ' +
      'Ratios are each peer over our line of the same kind (widgets over our widget ESM, auth0-js over our client).',
    table(
      ['Bundle', 'min', 'min+gzip', 'min+brotli', 'vs ours (gzip / brotli)', 'budget (gzip)'],
      body,
    ),
  ].join('\n\n');
}

function openSection(open, counts) {
  const ours = open.ours;
  const lock = open['auth0-lock'];
  const focus = (d) =>
    d.focusedCount === 0
      ? `never (0 of ${d.focusProbed} checked)`
      : `${ms(d.focused.median)} (${d.focusedCount} of ${d.focusProbed})`;
  const row = (name, d) => [
    name,
    ms(d.firstOpen.visible.median),
    ms(d.open.visible.median),
    ms(d.open.visible.p95),
    focus(d.firstOpen),
    focus(d.open),
  ];
  const ratio = (pick) => times(pick(lock) / pick(ours));
  return [
    '## Time to open',
    `Headless Chromium, 1280×800. From \`show()\` until the email input is visible, then a frame painted after it ` +
      `(rAF inside rAF), measured with performance marks in the page; "focused" also waits for the input to have focus. ` +
      `First open: a fresh page, the widget created and shown at once (median of ${counts.firstLoads}). ` +
      `Warm: ${ours.open.count} opens per widget on one page, each closed and settled before the next.`,
    table(
      [
        'Widget',
        'first open',
        'warm median',
        'warm p95',
        'first open, focused',
        'warm, focused (median)',
      ],
      [
        row('**passwordless-lock** (`LockPasswordless.show()`)', ours),
        row('auth0-lock (`Auth0LockPasswordless.show()`)', lock),
        [
          'Lock / ours',
          ratio((d) => d.firstOpen.visible.median),
          ratio((d) => d.open.visible.median),
          ratio((d) => d.open.visible.p95),
          '',
          '',
        ],
      ],
    ),
  ].join('\n\n');
}

function mainThreadSection(busy) {
  const cells = (d) => [ms(d.total.median), `${ms(d.script)} / ${ms(d.style)} / ${ms(d.layout)}`];
  const row = (name, d) => [name, ...cells(d.firstOpen), ...cells(d.open)];
  const [ours, lock] = [busy.ours, busy['auth0-lock']];
  return [
    '### Main-thread time of an open',
    "What the renderer's main thread spent (Chrome DevTools Protocol `Performance.getMetrics`, thread time: " +
      '`ScriptDuration`, `RecalcStyleDuration`, `LayoutDuration`) from just before the widget is created and ' +
      `shown (first open, a fresh page, median of ${ours.firstOpen.total.n}) or shown (later opens, median of ` +
      `${ours.open.total.n}) until the email input is visible and a frame has painted. Frames come every ~16 ms ` +
      "whatever the work, so this says how much of the frame-quantized time above is the widget's own.",
    table(
      ['Widget', 'first open', 'script / style / layout', 'later open', 'script / style / layout'],
      [
        row('**passwordless-lock**', ours),
        row('auth0-lock', lock),
        [
          'Lock / ours',
          times(lock.firstOpen.total.median / ours.firstOpen.total.median),
          '',
          times(lock.open.total.median / ours.open.total.median),
          '',
        ],
      ],
    ),
  ].join('\n\n');
}

function memorySection(memory) {
  const ours = memory.ours;
  const lock = memory['auth0-lock'];
  const row = (name, m) => [
    name,
    mib(m.loaded.usedSize),
    mib(m.afterFirst.usedSize),
    mib(m.afterAll.usedSize),
    `${(m.growth / 1024).toFixed(1)} KB`,
    `${(m.growthPerCycle / 1024).toFixed(2)} KB`,
  ];
  return [
    '## Memory',
    `JS heap (\`Runtime.getHeapUsage\` after two forced GCs) in a fresh page: after load, after the first open and close, ` +
      `and after ${ours.cycles} open/close cycles. Growth is from the first cycle to the last (the leak check).`,
    table(
      ['Widget', 'after load', 'after 1 cycle', `after ${ours.cycles}`, 'growth', 'per cycle'],
      [
        row('**passwordless-lock**', ours),
        row('auth0-lock', lock),
        [
          'Lock / ours',
          times(lock.loaded.usedSize / ours.loaded.usedSize),
          times(lock.afterFirst.usedSize / ours.afterFirst.usedSize),
          times(lock.afterAll.usedSize / ours.afterAll.usedSize),
          '',
          '',
        ],
      ],
    ),
  ].join('\n\n');
}

/** Text formatted with the repository's Prettier config, so `prettier --check` passes. */
export async function formatted(text, parser) {
  const file = fileURLToPath(
    new URL(`results.${parser === 'json' ? 'json' : 'md'}`, import.meta.url),
  );
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, parser });
}

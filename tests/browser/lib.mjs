// Helpers for the browser suite: build the demo site, serve it on loopback, start Debian's
// Chromium through playwright-core, and a few page probes shared by the tests.

import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE_DIR = process.env.MENTORBOOK_BROWSER_SITE ?? path.join(REPO, 'target', 'browser-site');
export const SHOTS_DIR = process.env.MENTORBOOK_SCREENSHOTS ?? path.join(REPO, 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every launch uses: no sandbox (CI runs as root), and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Builds the demo program's site with the debug binary (`.ci/run` has just built it for
 * `cargo test`, so `cargo build` is a no-op there). MENTORBOOK_BIN skips cargo altogether.
 */
export function buildSite() {
  let bin = process.env.MENTORBOOK_BIN;
  if (!bin) {
    execFileSync('cargo', ['build', '--locked', '--quiet'], { cwd: REPO, stdio: 'inherit' });
    bin = path.join(REPO, 'target', 'debug', 'mentorbook');
  }
  execFileSync(bin, ['build', '--records', 'records', '--out', SITE_DIR], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return JSON.parse(readFileSync(path.join(SITE_DIR, 'data.json'), 'utf8'));
}

/** The rule ids `mentorbook rules` lists, in order. */
export function ruleIds() {
  const bin = process.env.MENTORBOOK_BIN ?? path.join(REPO, 'target', 'debug', 'mentorbook');
  const out = execFileSync(bin, ['rules'], { cwd: REPO, encoding: 'utf8' });
  return out
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/)[0])
    .filter(Boolean);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * A static file server for `root` on 127.0.0.1 and a free port. Records every path asked for
 * in `hits`, so a test can tell what a page loaded.
 */
export async function serve(root) {
  const hits = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    hits.push(url.pathname);
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(r)) };
}

/** Headless Debian Chromium with a fresh profile; never a browser downloaded by a test tool. */
export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see README, "Browser tests")`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'mentorbook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'America/Chicago',
  });
  // The pages are small local files: anything slower than this is a failure, not a wait.
  context.setDefaultTimeout(5_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collapses runs of whitespace, as a reader sees text. */
export const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Presses Tab until focus wraps round (bounded), and reports for every element it reached
 * whether it showed a focus indicator. Returns the reached links' indexes among `a[href]`.
 */
export async function tabThrough(page, limit) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const links = [...document.querySelectorAll('a[href]')];
      return {
        link: links.indexOf(el),
        what: `${el.tagName.toLowerCase()}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`,
        focusVisible: el.matches(':focus-visible'),
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        outlineColor: cs.outlineColor,
        boxShadow: cs.boxShadow,
        onScreen:
          r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
          r.left < window.innerWidth && r.top < window.innerHeight,
      };
    });
    if (stop === null) break; // wrapped back to the document
    if (stops.length && stop.what === stops[0].what && stop.link === stops[0].link) break;
    stops.push(stop);
  }
  return stops;
}

/** Whether a focused element's indicator can be seen: an outline of 2px or more, or a box-shadow. */
export function indicatorVisible(stop) {
  const outline =
    stop.outlineStyle !== 'none' &&
    stop.outlineWidth >= 2 &&
    !/rgba\([^)]*,\s*0\)$/.test(stop.outlineColor) &&
    stop.outlineColor !== 'transparent';
  const shadow = stop.boxShadow && stop.boxShadow !== 'none';
  return stop.focusVisible && stop.onScreen && (outline || shadow);
}

/** The accessible role and name Chromium itself computes for each node matching `selector`. */
export async function accessibleNames(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const out = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes.find((n) => !n.ignored) ?? nodes[0];
      out.push({ role: node?.role?.value ?? '', name: squash(node?.name?.value ?? '') });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** The label → value pairs of the definition lists matching `selector`, with their visibility. */
export function pairs(page, selector) {
  return page.locator(selector).evaluateAll((dls) =>
    Object.fromEntries(
      dls.flatMap((dl) =>
        [...dl.querySelectorAll(':scope > div')].map((div) => {
          const dt = div.querySelector('dt');
          const dd = div.querySelector('dd');
          const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
          return [text(dt), { value: text(dd), visible: dd?.checkVisibility() ?? false }];
        }),
      ),
    ),
  );
}

export function expectPairs(actual, expected, what) {
  for (const [label, value] of Object.entries(expected)) {
    assert.ok(actual[label], `${what}: no "${label}"`);
    assert.equal(actual[label].value, String(value), `${what}: "${label}"`);
    assert.ok(actual[label].visible, `${what}: "${label}" is not visible`);
  }
}

export async function tableRows(page, selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
  );
}

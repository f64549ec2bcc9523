// The dashboard in a real browser (issue 7): every kind of page at a phone's and a laptop's
// width, in Debian's headless Chromium driven by playwright-core, with axe-core.
//
// Run with `bash tests/browser/run` (or `npm test` here once the site's binary is built).

import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import {
  SHOTS_DIR,
  SITE_DIR,
  REPO,
  accessibleNames,
  buildSite,
  expectPairs,
  indicatorVisible,
  launch,
  pairs,
  ruleIds,
  serve,
  squash,
  tabThrough,
  tableRows,
} from './lib.mjs';
import { printedReport, readCsv, reportChart, reportFacts } from './report.mjs';

const WIDTHS = [375, 1280];
const BUDGET = 100_000; // bytes: one HTML page plus the stylesheet

const data = buildSite();
const rules = ruleIds();
const { program, counts } = data;
const cssBytes = statSync(path.join(SITE_DIR, 'style.css')).size;
const report = readCsv(readFileSync(path.join(SITE_DIR, 'report.csv'), 'utf8'));
const guidelinesTitle = readFileSync(path.join(REPO, 'records', 'guidelines.md'), 'utf8')
  .split('\n')
  .find((l) => l.startsWith('# '))
  ?.slice(2)
  .trim();

// A relationship in data.json: read through these so the suite holds for its compact form (a
// label string per person, meetings as [date, mode]) as well as for a fuller one.
const hrefOf = (r) => r.href ?? `relationships/${r.id}/index.html`;
const loaded = (r) => r.loaded ?? r.start != null;
const labelOf = (p) => (typeof p === 'string' ? p : p?.label);
const meetingDates = (r) => r.meetings.map((m) => (Array.isArray(m) ? m[0] : m.date));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthLabel = (date) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** The published status a reader sees: an active relationship that has not started is upcoming. */
const shownStatus = (r) => (r.status === 'active' && r.start > program.as_of ? 'upcoming' : r.status);

const kinds = ['active', 'completed', 'dissolved', 'upcoming'];
const sample = Object.fromEntries(kinds.map((k) => [k, data.relationships.find((r) => loaded(r) && shownStatus(r) === k)]));

const PAGES = [
  { key: 'overview', path: 'index.html', name: 'Overview', charts: 1, facts: overviewFacts },
  { key: 'relationships', path: 'relationships/index.html', name: 'Relationships', charts: 0, facts: relationshipsFacts },
  ...kinds
    .filter((k) => sample[k])
    .map((k) => ({
      key: `relationship-${k}`,
      path: hrefOf(sample[k]),
      name: `Relationship ${sample[k].id}`,
      charts: 1,
      facts: (page) => relationshipFacts(page, sample[k], k),
    })),
  { key: 'mentors', path: 'mentors/index.html', name: 'Mentors', charts: 0, facts: mentorsFacts },
  { key: 'compliance', path: 'compliance/index.html', name: 'Compliance', charts: 0, facts: complianceFacts },
  { key: 'guidelines', path: 'guidelines/index.html', name: 'Guidelines', charts: 0, facts: guidelinesFacts },
  { key: 'rules', path: 'rules/index.html', name: 'Rules', charts: 0, facts: rulesFacts },
  { key: 'report', path: 'report/index.html', name: 'Program report', charts: 2, facts: (page) => reportFacts(page, report, data) },
];

let server;
let browser;

before(async () => {
  rmSync(SHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SHOTS_DIR, { recursive: true });
  server = await serve(SITE_DIR);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  const shots = readdirSync(SHOTS_DIR).filter((f) => f.endsWith('.png'));
  console.log(`screenshots: ${shots.length} in ${SHOTS_DIR}`);
});

it('the demo program has a relationship of every status', () => {
  for (const k of kinds) assert.ok(sample[k], `no ${k} relationship in records/ to open`);
});

// ---------------------------------------------------------------------------------------------
// Every page at every width.

for (const spec of PAGES) {
  for (const width of WIDTHS) {
    describe(`${spec.key} at ${width}px`, () => {
      // Each test names the page and the width, so the summary of failing tests does too.
      const it = (name, fn) => test(`${name} [${spec.path} at ${width}px]`, fn);
      let v;
      before(async () => {
        v = await open(spec, width);
      });
      after(async () => v?.page.close());

      it('loads with no console errors and no failed requests', () => {
        assert.equal(v.status, 200, `GET /${spec.path}`);
        assert.deepEqual(v.problems, []);
      });

      it('loads nothing but the page and the stylesheet, with no script, under the weight budget', () => {
        const loaded = v.requests.map((u) => new URL(u).pathname).sort();
        assert.deepEqual(loaded, ['/' + spec.path, '/style.css'].sort());
        assert.doesNotMatch(v.html, /<script\b/i, 'a <script> element');
        assert.doesNotMatch(v.html, /\son[a-z]+\s*=/i, 'an inline event handler');
        assert.doesNotMatch(v.html, /javascript:/i, 'a javascript: URL');
        const bytes = Buffer.byteLength(v.html) + cssBytes;
        assert.ok(bytes < BUDGET, `${spec.path} + style.css = ${bytes} bytes, budget ${BUDGET}`);
      });

      it('names the page in its title and its one h1', async () => {
        assert.equal(await v.page.title(), `${spec.name} · ${program.name}`);
        const h1s = await v.page.locator('h1').allInnerTexts();
        assert.deepEqual(h1s.map(squash), [spec.name], 'exactly one h1, naming the page');
        assert.ok(await v.page.locator('main h1').isVisible(), 'the h1 is visible, inside <main>');
        const levels = await v.page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => +h.tagName[1]));
        levels.forEach((l, i) => {
          if (i > 0) assert.ok(l <= levels[i - 1] + 1, `heading level jumps from h${levels[i - 1]} to h${l}`);
        });
      });

      it('shows the program, the as-of date and the key facts', async () => {
        const header = squash(await v.page.locator('body > header').innerText());
        assert.ok(header.includes(program.name), `header: ${header}`);
        const footer = squash(await v.page.locator('body > footer').innerText());
        assert.ok(footer.includes(`As of ${program.as_of_long}`), `footer: ${footer}`);
        if (program.last_changed) assert.ok(footer.includes(`Records last changed ${program.last_changed}`), `footer: ${footer}`);
        await spec.facts(v.page);
      });

      it('every link resolves', async () => {
        const hrefs = await v.page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.ok(hrefs.length > 0, 'no links at all');
        const bad = [];
        for (const href of hrefs) {
          if (href.startsWith('mailto:')) {
            if (!/^mailto:[^@\s]+@[^@\s]+$/.test(href)) bad.push(`${href}: not an address`);
            continue;
          }
          if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // off-site: not fetched, the machine is offline
          if (href.startsWith('/')) bad.push(`${href}: not relative, breaks under a host path and file://`);
          const url = new URL(href, v.url);
          const target = await fetchOnce(url.origin + url.pathname);
          if (target.status !== 200) bad.push(`${href}: HTTP ${target.status}`);
          else if (url.hash && !target.ids.has(decodeURIComponent(url.hash.slice(1))))
            bad.push(`${href}: no id="${url.hash.slice(1)}" on ${url.pathname}`);
        }
        assert.deepEqual(bad, []);
      });

      it('fits the width: nothing makes the page scroll sideways', async () => {
        const { scrollWidth, innerWidth } = await v.page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`);
        // Only the wide lists and the timeline are meant to scroll sideways; the narrow tables fit.
        const scrolling = await v.page.evaluate(() =>
          [...document.querySelectorAll('.table-wrap')]
            .filter((w) => w.checkVisibility() && !w.querySelector('table.list') && w.scrollWidth > w.clientWidth)
            .map((w) => `"${w.querySelector('caption')?.textContent}" is ${w.scrollWidth}px in ${w.clientWidth}px`),
        );
        assert.deepEqual(scrolling, [], 'tables that scroll sideways without need');
      });

      it('every sideways scroller can be reached and named by keyboard users', async () => {
        await v.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const bad = await v.page.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
            .filter((el) => el.tabIndex !== 0 || el.getAttribute('role') !== 'region' || !(el.getAttribute('aria-labelledby') || el.getAttribute('aria-label')))
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        await v.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
        assert.deepEqual(bad, [], 'scroll containers without tabindex="0", role="region" and a label');
      });

      it('Tab reaches every link, each with a visible focus indicator', async () => {
        const links = await v.page.locator('a[href]').evaluateAll((as) => as.map((a) => a.checkVisibility()));
        const stops = await tabThrough(v.page, links.length + 40);
        const reached = new Set(stops.map((s) => s.link).filter((i) => i >= 0));
        const missed = links.flatMap((shown, i) => (shown && !reached.has(i) ? [i] : []));
        assert.deepEqual(missed, [], `links Tab never reached (indexes among a[href]; ${stops.length} stops)`);
        const invisible = stops
          .filter((s) => !indicatorVisible(s))
          .map(
            (s) =>
              `${s.what}: outline ${s.outlineStyle} ${s.outlineWidth}px ${s.outlineColor}, box-shadow ${s.boxShadow}` +
              `${s.focusVisible ? '' : ', not :focus-visible'}${s.onScreen ? '' : ', off screen'}`,
          );
        assert.deepEqual(invisible, [], 'focused without a visible indicator');
      });

      it('charts have accessible names and a data-table fallback', async () => {
        const named = await accessibleNames(v.page, 'svg:not([aria-hidden="true"])');
        assert.equal(named.length, spec.charts, 'charts on the page (every other svg is aria-hidden)');
        for (const { role, name } of named) {
          assert.equal(role, 'image', 'chart role');
          assert.ok(name.length > 10, `chart accessible name: "${name}"`);
        }
        const charts = v.page.locator('figure.chart');
        assert.equal(await charts.count(), spec.charts);
        for (let i = 0; i < spec.charts; i++) {
          const figure = charts.nth(i);
          if (spec.key === 'report') {
            await reportChart(figure, i);
            continue;
          }
          const details = figure.locator('xpath=following-sibling::details[1]');
          assert.equal(await details.count(), 1, 'a <details> with the data right after the chart');
          const table = details.locator('table');
          assert.equal(await table.isVisible(), false, 'the table starts folded away');
          await details.locator('summary').click(); // native disclosure: no script involved
          assert.ok(await table.isVisible(), 'the table shows once its summary is clicked');
          assert.ok(squash(await table.locator('caption').innerText()).length > 0, 'the table has a caption');
          assert.ok((await table.locator('thead th[scope="col"]').count()) >= 2, 'column headers');
          const rows = await table.locator('tbody tr').evaluateAll((trs) =>
            trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
          );
          if (spec.key === 'overview') {
            const bars = await figure.locator('svg text.count').allTextContents();
            assert.equal(rows.length, bars.length, 'one table row per bar');
            assert.deepEqual(rows.map((r) => r[1]), bars, 'the table holds the bars\' numbers');
          } else {
            const r = sample[spec.key.replace('relationship-', '')];
            const state = { met: 'Met', missed: 'Missed', 'not-yet-due': 'Not yet due' };
            // The table says what the chart draws, month by month...
            const drawn = await figure
              .locator('svg.timeline')
              .evaluate((svg) =>
                [...svg.querySelectorAll('circle.met, rect.missed, circle.pending')].map((el) =>
                  el.matches('.met') ? 'met' : el.matches('.missed') ? 'missed' : 'not-yet-due',
                ),
              );
            assert.deepEqual(rows.map((row) => row[1]), drawn.map((d) => state[d]), 'the table and the chart agree');
            const numbers = await figure.locator('svg.timeline text.n').allTextContents();
            assert.deepEqual(rows.filter((row) => row[1] === 'Met').map((row) => row[2]), numbers, 'met months carry their count');
            // ...and both agree with the meetings in data.json.
            assert.equal(rows[0]?.[0], monthLabel(r.start), 'the timeline starts in the starting month');
            const held = {};
            for (const d of meetingDates(r)) held[monthLabel(d)] = (held[monthLabel(d)] ?? 0) + 1;
            for (const [label, shown, count] of rows) {
              assert.equal(count, String(held[label] ?? 0), `${label}: meetings in data.json`);
              assert.equal(shown === 'Met', count !== '0', `${label}: "${shown}" with ${count} meetings`);
            }
          }
        }
      });

      it('axe-core finds no serious or critical violation', async (t) => {
        // Unfold every <details> so the checks see the data tables too.
        await v.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const results = await new AxeBuilder({ page: v.page }).analyze();
        const lesser = results.violations.filter((x) => !['serious', 'critical'].includes(x.impact));
        for (const x of lesser) t.diagnostic(`axe ${x.impact}: ${x.id} (${x.nodes.length}) ${x.help}`);
        const blocking = results.violations
          .filter((x) => ['serious', 'critical'].includes(x.impact))
          .map((x) => `${x.impact} ${x.id}: ${x.help} — ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(blocking, []);
        assert.deepEqual(v.problems, [], 'console errors or failed requests after the interactions');
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The report on paper.

describe('the report, printed', () => {
  it('is a clean black-and-white document on A4 and US Letter, tables whole', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.goto(`${server.origin}/report/index.html`);
      await printedReport(page, SHOTS_DIR);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Without a server.

describe('from file://, without a server', () => {
  it('the overview is styled and relative links lead from page to page', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      const home = pathToFileURL(path.join(SITE_DIR, 'index.html')).href;
      await page.goto(home);
      assert.equal(await page.title(), `Overview · ${program.name}`);
      const display = await page.locator('body > nav ul').evaluate((ul) => getComputedStyle(ul).display);
      assert.equal(display, 'flex', 'style.css applied (the main navigation is a flex row)');

      await page.locator('body > nav').getByRole('link', { name: 'Relationships', exact: true }).click();
      await page.waitForURL(pathToFileURL(path.join(SITE_DIR, 'relationships', 'index.html')).href);
      assert.equal(squash(await page.locator('h1').innerText()), 'Relationships');

      const first = data.relationships[0];
      await page.locator('main table').getByRole('link', { name: first.id, exact: true }).click();
      await page.waitForURL(pathToFileURL(path.join(SITE_DIR, hrefOf(first))).href);
      assert.equal(squash(await page.locator('h1').innerText()), `Relationship ${first.id}`);

      await page.getByRole('link', { name: 'All relationships' }).click();
      await page.waitForURL(pathToFileURL(path.join(SITE_DIR, 'relationships', 'index.html')).href);
      await page.locator('body > header').getByRole('link', { name: program.name }).click();
      await page.waitForURL(home);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Opening a page, and fetching link targets once.

/** Collects console errors, uncaught exceptions, failed requests and HTTP errors of a page. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    // Chromium asks every new host for /favicon.ico by itself; the site never refers to it, and
    // on a real host that address belongs to the host, not to the dashboard under its path.
    if (m.type() !== 'error' || /^https?:\/\/[^/]+\/favicon\.ico$/.test(m.location().url)) return;
    problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

async function open(spec, width) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
  const problems = watch(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = `${server.origin}/${spec.path}`;
  const response = await page.goto(url, { waitUntil: 'load' });
  const html = await response.text();
  // A full-page bitmap of a long page can take seconds on a busy machine: that is no fault of the page.
  await page.screenshot({ path: path.join(SHOTS_DIR, `${spec.key}-${width}.png`), fullPage: true, timeout: 30_000 });
  return { page, url, html, problems, requests, status: response.status() };
}

const fetched = new Map();
function fetchOnce(url) {
  if (!fetched.has(url)) {
    fetched.set(
      url,
      fetch(url).then(async (res) => {
        const body = await res.text();
        return { status: res.status, ids: new Set([...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])) };
      }),
    );
  }
  return fetched.get(url);
}

// ---------------------------------------------------------------------------------------------
// The key facts of each page, against data.json.

async function overviewFacts(page) {
  const lead = squash(await page.locator('main .lead').innerText());
  assert.ok(lead.startsWith(`${counts.relationships} mentoring relationship`), `lead: ${lead}`);
  expectPairs(
    await pairs(page, 'main dl.stats'),
    {
      Active: counts.active,
      Upcoming: counts.upcoming,
      Completed: counts.completed,
      Dissolved: counts.dissolved,
      Mentors: counts.mentors,
      Mentees: counts.mentees,
      'In good standing': counts.good_standing,
      'With warnings': counts.with_warnings,
      'With errors': counts.with_errors,
    },
    'overview counts',
  );
  const due = await tableRows(page, '#due ~ .table-wrap table');
  assert.deepEqual(
    due.map((r) => [r[0], r[1], r[2].split(' ')[0]]),
    data.due.map((d) => [d.relationship, d.what, d.due]),
    'the due-soon table matches data.json',
  );
  if (data.due.length) assert.ok(await page.locator('#due ~ .table-wrap table').isVisible());
}

async function relationshipsFacts(page) {
  const rows = await tableRows(page, 'main table.list');
  assert.equal(rows.length, data.relationships.length, 'one row per relationship in data.json');
  data.relationships.forEach((r, i) => {
    const row = rows[i];
    assert.equal(row[0], r.id, `row ${i + 1}: id`);
    if (!loaded(r)) return;
    assert.equal(row[1], labelOf(r.mentor) ?? 'record could not be read', `${r.id}: mentor`);
    assert.equal(row[2], labelOf(r.mentee) ?? 'record could not be read', `${r.id}: mentee`);
    assert.equal(row[3], `${r.start} – ${r.end}`, `${r.id}: period`);
    assert.ok(row[4].startsWith(shownStatus(r)), `${r.id}: status "${row[4]}"`);
    assert.equal(row[5], String(r.meetings.length), `${r.id}: meetings held`);
    assert.equal(row[8], String(r.evaluations.length), `${r.id}: evaluations`);
  });
  const hrefs = await page.locator('main table.list tbody th a').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(hrefs, data.relationships.map((r) => new URL(hrefOf(r), new URL('..', page.url())).href));
  assert.ok(await page.locator('main table.list').isVisible());
}

async function relationshipFacts(page, r, kind) {
  const badges = squash(await page.locator('main .badges').innerText());
  assert.ok(badges.startsWith(kind), `status badge: "${badges}"`);
  const people = squash(await page.locator('main .people').innerText());
  for (const p of [r.mentor, r.mentee].map(labelOf)) if (p) assert.ok(people.includes(p), `participant ${p}: ${people}`);
  const expected = {
    Start: r.start,
    [r.status === 'completed' ? 'End' : 'Planned end']: r.end,
    'Meetings held': r.meetings.length,
    'Last meeting': r.last_meeting ?? '—',
  };
  if (r.dissolved_on) expected['Dissolved on'] = r.dissolved_on;
  if (r.agreement) {
    expected['Signed by the mentor'] = r.agreement.signed_mentor;
    expected['Signed by the mentee'] = r.agreement.signed_mentee;
    expected['Meeting frequency'] = r.agreement.meeting_frequency;
  }
  expectPairs(await pairs(page, 'main dl.facts'), expected, `relationship ${r.id}`);
  const meetings = await tableRows(page, '#meetings ~ .table-wrap table');
  assert.deepEqual(meetings.map((m) => m[0]), meetingDates(r), 'one row per meeting');
  const evaluations = await tableRows(page, '#evaluations ~ .table-wrap table');
  assert.deepEqual(evaluations.map((e) => e[0]), r.evaluations.map((e) => e.quarter), 'one row per evaluation');
}

async function mentorsFacts(page) {
  const rows = await tableRows(page, 'main table.list');
  const heads = await page.locator('main table.list thead th').allInnerTexts();
  const col = (name) => {
    const i = heads.map(squash).indexOf(name);
    assert.ok(i >= 0, `the mentors table has a "${name}" column: ${heads}`);
    return i;
  };
  const cols = ['Name', 'Years in libraries', 'Years in field', 'Active mentees', 'Eligible now'].map(col);
  const interests = col('Interests');
  assert.deepEqual(
    rows.map((r) => r[interests]),
    data.mentors.map((m) => (m.interests?.length ? m.interests.join(', ') : '—')),
    'the interests column matches data.json',
  );
  assert.deepEqual(
    rows.map((r) => cols.map((i) => r[i])),
    data.mentors.map((m) => [
      m.name,
      String(m.years_in_libraries ?? '—'),
      String(m.years_in_field ?? '—'),
      String(m.active_mentees),
      m.eligible ? 'Yes' : 'No',
    ]),
    'the mentors table matches data.json',
  );
  const intro = squash(await page.locator('main h1 + p').innerText());
  assert.ok(intro.includes(`${data.mentors.length} of the program’s ${counts.mentors} mentor`), `intro: ${intro}`);
  if (data.mentors.length) assert.ok(await page.locator('main table.list').isVisible());
}

async function complianceFacts(page) {
  if (data.diagnostics.length === 0) {
    assert.ok(await page.locator('main .ok').isVisible(), 'the all-clear message');
    assert.match(await page.locator('main .ok').innerText(), /No problems found/);
    return;
  }
  const total = squash(await page.locator('main tfoot tr').innerText());
  assert.ok(total.includes(`${counts.errors}`) && total.includes(`${counts.warnings}`), `totals: ${total}`);
  assert.equal(await page.locator('main ul.diagnostics > li').count(), data.diagnostics.length, 'one item per problem');
}

async function guidelinesFacts(page) {
  const prose = page.locator('main article.prose');
  assert.ok(await prose.isVisible(), 'the guidelines text');
  if (guidelinesTitle) assert.equal(squash(await prose.locator('h2').first().innerText()), guidelinesTitle);
  assert.ok((await prose.innerText()).length > 500, 'the guidelines are there in full');
}

async function rulesFacts(page) {
  const ids = await page.locator('main section.rule > h2').allInnerTexts();
  assert.deepEqual(ids.map(squash), rules, 'one section per rule of `mentorbook rules`, in order');
  const toc = await page.locator('main nav.toc a').allInnerTexts();
  assert.deepEqual(toc.map(squash), rules, 'the table of contents lists every rule');
  assert.equal(await page.locator('main section.rule .badge').count(), rules.length, 'each rule shows its level');
}

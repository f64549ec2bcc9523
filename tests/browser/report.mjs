// The program report in the browser: its figures against report.csv (and data.json's counts),
// its charts against the tables beside them, and the page as printed — print media at A4
// width, and a PDF on A4 and on US Letter.

import assert from 'node:assert/strict';
import path from 'node:path';
import { expectPairs, pairs, squash, tableRows } from './lib.mjs';

/** RFC 4180 text as rows of cells (quoted cells, doubled quotes, CRLF). */
export function readCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

const sum = (cohorts, column) => cohorts.reduce((n, c) => n + Number(c[column]), 0);
/** What a cohort section says of a share when nothing was due yet; `null` otherwise. */
const noneDue = (whole) => (whole === '0' ? 'none due yet' : null);

/** The report's key facts: each cohort's section and the comparison tables, as report.csv says. */
export async function reportFacts(page, cohorts, data) {
  const { counts } = data;
  // Every relationship of the demo loads, so the cohorts hold them all.
  for (const [column, count] of [
    ['relationships', 'relationships'],
    ['completed', 'completed'],
    ['dissolved', 'dissolved'],
    ['active', 'active'],
    ['upcoming', 'upcoming'],
  ])
    assert.equal(sum(cohorts, column), counts[count], `report.csv's ${column} add up to data.json's`);
  const lead = squash(await page.locator('main .lead').innerText());
  assert.ok(lead.startsWith(`${counts.relationships} mentoring relationships in ${cohorts.length} cohort`), `lead: ${lead}`);
  for (const c of cohorts) {
    const expected = {
      Started: c.started,
      Completed: c.completed,
      Dissolved: c.dissolved,
      'Still active': c.active,
      'Months met': noneDue(c.months_due) ?? `${c.months_met} of ${c.months_due} months due (${c.months_met_percent}%)`,
      Ratings: `${c.rated_on_track} on track, ${c.rated_needs_attention} needs attention, ${c.rated_at_risk} at risk`,
    };
    if (c.median_months_before_dissolving) expected['Months before dissolving (median)'] = c.median_months_before_dissolving;
    if (c.upcoming !== '0') expected.Upcoming = c.upcoming;
    const shown = await pairs(page, `#facts-${c.cohort}`);
    expectPairs(shown, expected, `cohort ${c.cohort}`);
    const evaluations = shown['Evaluations on time'].value;
    const due = noneDue(c.quarters_due) ?? `${c.evaluations_on_time} of ${c.quarters_due} quarters due (${c.evaluations_on_time_percent}%)`;
    assert.ok(evaluations.startsWith(due), `cohort ${c.cohort}: evaluations "${evaluations}"`);
    assert.ok(shown.Meetings.value.startsWith(`${c.meetings}: `), `cohort ${c.cohort}: meetings "${shown.Meetings.value}"`);
  }
  const columns = (rows, label) => rows.find((r) => r[0] === label)?.slice(1);
  const all = (column) => [...cohorts.map((c) => c[column]), String(sum(cohorts, column))];
  const outcomes = await tableRows(page, '#outcomes-table');
  for (const [label, column] of [['Started', 'started'], ['Completed', 'completed'], ['Dissolved', 'dissolved'], ['Still active', 'active'], ['Upcoming', 'upcoming']])
    assert.deepEqual(columns(outcomes, label), all(column), `outcomes table: ${label}`);
  const regularity = await tableRows(page, '#regularity-table');
  for (const [label, column] of [['Months due', 'months_due'], ['Months met', 'months_met'], ['Quarters due', 'quarters_due'], ['Evaluated on time', 'evaluations_on_time'], ['Evaluated late', 'evaluations_late'], ['Not evaluated', 'evaluations_missing']])
    assert.deepEqual(columns(regularity, label), all(column), `meetings and evaluations table: ${label}`);
  const ratings = await tableRows(page, '#ratings-table');
  for (const [label, column] of [['On track', 'rated_on_track'], ['Needs attention', 'rated_needs_attention'], ['At risk', 'rated_at_risk']])
    assert.deepEqual(columns(ratings, label), all(column), `ratings table: ${label}`);
  const modes = await tableRows(page, '#modes-table');
  const modeColumns = Object.keys(cohorts[0] ?? {}).filter((k) => k.startsWith('mode_'));
  assert.equal(modes.length, modeColumns.length, 'one row per mode column of report.csv');
  modeColumns.forEach((column, i) => assert.deepEqual(modes[i].slice(1), all(column), `modes table: ${column}`));
  assert.ok(await page.locator('#outcomes-table').isVisible());
}

/** A report chart: its table stands beside it, unfolded, and says what the chart draws. */
export async function reportChart(figure, index) {
  const table = figure.locator('xpath=following-sibling::div[contains(@class, "table-wrap")][1]//table');
  assert.equal(await table.count(), 1, 'a data table right beside the chart');
  assert.ok(await table.isVisible(), 'the table is shown, not folded away: the report is printed');
  assert.ok(squash(await table.locator('caption').innerText()).length > 0, 'the table has a caption');
  const years = (await table.locator('thead th[scope="col"]').allInnerTexts()).map(squash).slice(1, -1);
  const rows = await table.locator('tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
  );
  const cell = (label, year) => rows.find((r) => r[0] === label)?.[1 + years.indexOf(year)];
  // What the chart writes, in drawing order: each label belongs to the year drawn before it.
  const drawn = await figure.locator('svg[role="img"]').evaluate((svg) => {
    let year = null;
    return [...svg.querySelectorAll('text')].flatMap((t) => {
      if (t.classList.contains('year')) return (year = t.textContent), [];
      return [{ year, kind: [...t.classList].join(' '), text: t.textContent }];
    });
  });
  assert.ok(drawn.length > 0, 'the chart writes its numbers');
  const outcome = { completed: 'Completed', dissolved: 'Dissolved', active: 'Still active', upcoming: 'Upcoming' };
  for (const { year, kind, text } of drawn) {
    if (index === 0 && kind === 'total') assert.equal(text, cell('In the cohort', year), `${year}: total`);
    else if (index === 0) assert.equal(text, cell(outcome[kind.replace('segment-count ', '')], year), `${year}: ${kind}`);
    else if (kind === 'percent') continue; // checked with its caption below
    else {
      const [, what, part, whole] = text.match(/^(Months met|Evaluations on time): (\d+) of (\d+)$/) ?? text.match(/^(Months met|Evaluations on time): (none due yet)$/);
      const labels = what === 'Months met' ? ['Months met', 'Months due'] : ['Evaluated on time', 'Quarters due'];
      if (part === 'none due yet') assert.equal(cell(labels[1], year), '0', `${year}: ${what}`);
      else assert.deepEqual([part, whole], labels.map((l) => cell(l, year)), `${year}: ${what}`);
    }
  }
  if (index === 1) {
    const percents = drawn.filter((d) => d.kind === 'percent').map((d) => `${d.year} ${d.text}`);
    const shares = years.flatMap((y) =>
      ['Months met, share', 'On time, share'].map((l) => cell(l, y)).filter((v) => v !== '—').map((v) => `${y} ${v}`),
    );
    assert.deepEqual(percents, shares, 'the percentages drawn are the table\'s shares');
  }
}

/** The report as printed: a clean black-and-white document, whole tables, on A4 and US Letter. */
export async function printedReport(page, shots) {
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['body > nav', '.skip'])
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  const lines = await page.locator('body > header a, body > footer a').evaluateAll((as) =>
    as.map((a) => getComputedStyle(a).textDecorationLine),
  );
  assert.deepEqual([...new Set(lines)], ['none'], 'header and footer links print as plain text');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `the printed page is ${scrollWidth}px wide on ${innerWidth}px of paper`);
  const split = await page.evaluate(() =>
    [...document.querySelectorAll('main tr, main table.cohorts, main section.cohort, main section.part')]
      .filter((el) => getComputedStyle(el).breakInside !== 'avoid')
      .map((el) => el.outerHTML.slice(0, 60)),
  );
  assert.deepEqual(split, [], 'rows, tables and sections that a page break may split');
  // Black and white: every fill and stroke of the charts is a grey or a pattern, and the four
  // outcomes differ in shape, not colour alone.
  const paints = await page.evaluate(() =>
    [...document.querySelectorAll('main svg :is(rect, line, circle, text)')].flatMap((el) => {
      const cs = getComputedStyle(el);
      return [cs.fill, cs.stroke].filter((p) => p !== 'none' && !p.startsWith('url('));
    }),
  );
  const colours = paints.filter((p) => {
    const [r, g, b] = (p.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return !(r === g && g === b);
  });
  assert.deepEqual([...new Set(colours)], [], 'chart paint that is not a grey');
  // Each outcome looks one way, in the chart and its legend alike, and no two look the same.
  const looks = await page.locator('rect.segment').evaluateAll((rects) => {
    const seen = {};
    for (const r of rects) {
      const cs = getComputedStyle(r);
      const outcome = [...r.classList].find((c) => c !== 'segment');
      (seen[outcome] ??= new Set()).add(`${cs.fill} ${cs.strokeDasharray}`);
    }
    return Object.entries(seen).map(([outcome, set]) => [outcome, [...set]]);
  });
  for (const [outcome, set] of looks) assert.equal(set.length, 1, `${outcome} is drawn in ${set.length} ways: ${set.join(' | ')}`);
  const distinct = new Set(looks.map(([, [look]]) => look));
  assert.equal(distinct.size, 4, `outcomes that look alike in black and white: ${JSON.stringify(looks)}`);
  await page.screenshot({ path: path.join(shots, 'report-print-a4.png'), fullPage: true, timeout: 30_000 });
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, path: path.join(shots, `report-${format.toLowerCase()}.pdf`) });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 6, `${format}: ${pages} pages`);
  }
}

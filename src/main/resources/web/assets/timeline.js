// Timeline: every deadline and every dated commitment on a time axis, one row per action,
// coloured by the action's status, with the report's date marked; a deadline a later edition moved
// is drawn as an arrow from its old date to its new one.
import { t, formatDate, lang } from './i18n.js';
import { query, localName, localPath, STATUSES, statusColour, chart, draw, fillTable, el, escapeHtml, asOfEdition, loadEcharts, downloads } from './api.js';
import { editions } from './editions.js';
import { param, setParams } from './state.js';

// Shapes tell the kinds apart (colour tells the status): a circle is a deadline, a diamond a
// commitment, a triangle a deadline that had passed, unmet, on the report's date.
const KINDS = { deadline: 'circle', verlopen: 'triangle', toezegging: 'diamond' };

export async function init() {
  const rapporten = query('rapporten');
  // Overdue as on the report's own date: what had slipped when it was written. Asked as soon as that
  // date is known, not after the other answers (and ECharts) have come in.
  const overdue = rapporten.then((r) => query('deadlines', (r[0] || {}).datum ? { verlopenOp: r[0].datum } : {}));
  const moving = editions().then(movedDeadlines);
  const [[rapport = {}], deadlines, moved, toezeggingen, acties, alle] = await Promise.all([
    rapporten, overdue, moving, query('toezeggingen'), query('acties-per-thema'), editions(), loadEcharts()]);
  const rapportdatum = rapport.datum;
  const status = new Map(acties.map((a) => [a.actie, localName(a.status)]));
  // One series: "Actie 12"; several: "Actie pok/12", so equal numbers of two series stay apart.
  const oneSeries = new Set(alle.map((e) => e.reeks)).size <= 1;
  const rowOf = (actie, nummer) => `${t('common.actie')} ${oneSeries ? nummer : localPath(actie).replace('/id/actie/', '')}`;
  const items = [
    ...deadlines.map((d) => ({ kind: d.isVerlopen === true || d.isVerlopen === 'true' ? 'verlopen' : 'deadline', id: d.deadline,
      datum: d.datum, vanaf: d.vanaf, tekst: d.tekst, zin: d.zin, nummer: d.nummer, actie: d.actie })),
    ...toezeggingen.filter((z) => z.datum)
      .map((z) => ({ kind: 'toezegging', id: z.toezegging, datum: z.datum, tekst: z.tekst, nummer: z.nummer, actie: z.actie })),
  ].map((item) => ({ ...item, status: status.get(item.actie) || 'Onbekend', row: rowOf(item.actie, item.nummer) }))
    .sort((a, b) => a.datum.localeCompare(b.datum) || a.nummer - b.nummer);
  const shifts = moved.map((m) => ({ ...m, row: rowOf(m.actie, m.nummer) }));

  const byRow = new Map([...items, ...shifts].map((i) => [i.row, i.nummer]));
  const rows = [...byRow.keys()].sort((a, b) => byRow.get(b) - byRow.get(a) || b.localeCompare(a));
  const timeline = chart(document.getElementById('chart-tijdlijn'));
  const kinds = Object.keys(KINDS).filter((kind) => items.some((i) => i.kind === kind));
  const series = kinds.map((kind, index) => ({
    name: t(`tijdlijn.soorten.${kind}`), type: 'scatter', symbol: KINDS[kind], symbolSize: kind === 'toezegging' ? 14 : 12,
    color: '#4d5560',
    itemStyle: kind === 'verlopen' ? { borderColor: '#b00020', borderWidth: 2 } : { borderColor: '#fff', borderWidth: 1 },
    data: items.filter((i) => i.kind === kind).map((item) => ({
      value: [item.datum, item.row], item, itemStyle: { color: statusColour(item.status) },
    })),
    markLine: index === 0 && rapportdatum ? {
      symbol: 'none', silent: true, lineStyle: { color: '#1b1f24', type: 'solid', width: 2 },
      label: { formatter: `${t('tijdlijn.rapportdatum')} ${formatDate(rapportdatum)}`, position: 'end' },
      data: [{ xAxis: rapportdatum }],
    } : undefined,
  }));
  if (shifts.length) {
    series.push({
      name: t('tijdlijn.verschoven'), type: 'lines', coordinateSystem: 'cartesian2d', color: '#a35200',
      symbol: ['circle', 'arrow'], symbolSize: [6, 10], lineStyle: { width: 2, type: 'dashed' },
      tooltip: { formatter: (p) => escapeHtml(`${p.data.shift.row}: ${shiftText(p.data.shift)}`) },
      data: shifts.map((shift) => ({ coords: [[shift.oudeWaarde, shift.row], [shift.nieuweWaarde, shift.row]], shift })),
    });
  }
  const zoom = { startValue: param('tijdlijnVan') || undefined, endValue: param('tijdlijnTot') || undefined };
  const drawn = draw(timeline, {
    aria: { enabled: false },
    legend: { top: 0 },
    tooltip: { formatter: (p) => (p.data.item ? tooltip(p.data.item) : '') },
    grid: { left: 8, right: 32, top: 40, bottom: 64, containLabel: true },
    // Zoom by the slider (not by wheel or touch on the drawing, so the page still scrolls).
    dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 12, filterMode: 'weakFilter', ...zoom }],
    xAxis: { type: 'time', splitLine: { show: true },
      axisLabel: { hideOverlap: true, formatter: (value) => new Date(value).toLocaleDateString(lang, { month: 'short', year: 'numeric' }) } },
    yAxis: { type: 'category', data: rows, axisLabel: { fontSize: 11 } },
    series,
  });
  timeline.on('click', (p) => p.data && p.data.item && window.location.assign(localPath(p.data.item.actie)));
  // The zoom goes into the address (replacing, not adding, history entries while the slider moves).
  timeline.on('datazoom', () => {
    const [{ startValue, endValue }] = timeline.getOption().dataZoom;
    const day = (v) => (v == null ? null : new Date(v).toISOString().substring(0, 10));
    setParams({ tijdlijnVan: day(startValue), tijdlijnTot: day(endValue) }, { push: false });
  });
  legend(STATUSES.filter((s) => items.some((i) => i.status === s)));
  const dated = new Set(items.map((i) => i.actie));
  const undated = acties.filter((a) => !dated.has(a.actie)).length;
  document.getElementById('tijdlijn-zonder').textContent = t('tijdlijn.zonderDatum', { aantal: undated, totaal: acties.length });
  const count = (kind) => items.filter((i) => i.kind === kind).length;
  document.getElementById('desc-tijdlijn').textContent = t('tijdlijn.beschrijving', {
    deadlines: count('deadline') + count('verlopen'), verlopen: count('verlopen'), toezeggingen: count('toezegging'),
    acties: dated.size, eerste: formatDate(items[0]?.datum), laatste: formatDate(items[items.length - 1]?.datum),
    rapportdatum: formatDate(rapportdatum), zonder: undated,
  });
  downloads(document.querySelector('#tijdlijn .downloads'), rapportdatum ? { params: { verlopenOp: rapportdatum } } : {});

  fillTable(document.getElementById('tabel-tijdlijn'),
    [t('tijdlijn.datum'), t('common.actie'), t('tijdlijn.soort'), t('tijdlijn.tekst'), t('tijdlijn.zin'), t('tijdlijn.status')],
    [...items.map((i) => [formatDate(i.datum),
      el('a', { href: localPath(i.actie) }, i.row),
      el('a', { href: localPath(i.id) }, t(`tijdlijn.soorten.${i.kind}`)),
      i.tekst || '',
      el('span', { lang: 'nl' }, i.zin || (i.kind === 'toezegging' ? i.tekst || '' : '')),
      el('span', { class: `status status-${i.status}` }, t(`status.${i.status}`))]),
    ...shifts.map((s) => [formatDate(s.nieuweWaarde),
      el('a', { href: localPath(s.actie) }, s.row),
      t('tijdlijn.verschoven'),
      el('span', { class: 'verschoven' }, shiftText(s)),
      '', ''])]);
  await drawn;
  return {
    shown: () => timeline.resize(),
    restore: () => timeline.dispatchAction({ type: 'dataZoom', startValue: param('tijdlijnVan') || items[0]?.datum,
      endValue: param('tijdlijnTot') || items[items.length - 1]?.datum }),
  };
}

/** The status colours, written out: the chart's own legend shows the shapes. */
function legend(statuses) {
  document.getElementById('legenda-tijdlijn').replaceChildren(
    ...Object.entries(KINDS).map(([kind, shape]) => el('li', {}, el('span', { class: `swatch shape-${shape}`, 'aria-hidden': 'true' }), t(`tijdlijn.soorten.${kind}`))),
    ...statuses.map((s) => el('li', {}, el('span', { class: 'swatch', style: `background:${statusColour(s)}`, 'aria-hidden': 'true' }), t(`status.${s}`))));
}

/** The deadlines later editions moved (up to the edition the page shows), from the stored changes. */
async function movedDeadlines(alle) {
  if (alle.length <= 1) {
    return [];
  }
  const oldest = [...alle].sort((a, b) => a.datum.localeCompare(b.datum))[0];
  const params = { soort: 'DeadlineVerschoven', van: oldest.rapport };
  if (asOfEdition()) {
    params.naar = asOfEdition();
  }
  return query('wijzigingen', params);
}

function shiftText(shift) {
  return t('tijdlijn.verschovenUitleg', { oud: formatDate(shift.oudeWaarde), nieuw: formatDate(shift.nieuweWaarde) });
}

function tooltip(item) {
  const period = item.vanaf ? ` (${t('tijdlijn.vanaf')} ${formatDate(item.vanaf)})` : '';
  return `<strong>${escapeHtml(item.row)}</strong> · ${escapeHtml(t(`tijdlijn.soorten.${item.kind}`))}<br>`
    + `${escapeHtml(formatDate(item.datum))}${escapeHtml(period)} · ${escapeHtml(t(`status.${item.status}`))}<br>`
    + `<em>${escapeHtml(item.tekst || '')}</em>`;
}

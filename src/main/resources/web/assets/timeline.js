// Timeline: every deadline and every dated commitment on a time axis, one row per action,
// coloured by the action's status, with the report's date marked; a deadline a later edition moved
// is drawn as an arrow from its old date to its new one.
import { t, formatDate } from './i18n.js';
import { query, localName, localPath, STATUSES, statusColour, chart, draw, fillTable, el, escapeHtml, asOfEdition } from './api.js';
import { editions } from './editions.js';

export async function init() {
  const [deadlines, toezeggingen, acties, rapporten, alle] = await Promise.all([
    query('deadlines'), query('toezeggingen'), query('acties-per-thema'), query('rapporten'), editions()]);
  const moved = await movedDeadlines(alle);
  const status = new Map(acties.map((a) => [a.actie, localName(a.status)]));
  // One series: "Actie 12"; several: "Actie pok/12", so equal numbers of two series stay apart.
  const oneSeries = new Set(alle.map((e) => e.reeks)).size <= 1;
  const rowOf = (actie, nummer) => `${t('common.actie')} ${oneSeries ? nummer : localPath(actie).replace('/id/actie/', '')}`;
  const rapportdatum = (rapporten[0] || {}).datum;
  const items = [
    ...deadlines.map((d) => ({ kind: 'deadline', id: d.deadline, datum: d.datum, vanaf: d.vanaf, tekst: d.tekst, nummer: d.nummer, actie: d.actie })),
    ...toezeggingen.filter((z) => z.datum)
      .map((z) => ({ kind: 'toezegging', id: z.toezegging, datum: z.datum, tekst: z.tekst, nummer: z.nummer, actie: z.actie })),
  ].map((item) => ({ ...item, status: status.get(item.actie) || 'Onbekend', row: rowOf(item.actie, item.nummer) }))
    .sort((a, b) => a.datum.localeCompare(b.datum) || a.nummer - b.nummer);
  const shifts = moved.map((m) => ({ ...m, row: rowOf(m.actie, m.nummer) }));

  const byRow = new Map([...items, ...shifts].map((i) => [i.row, i.nummer]));
  const rows = [...byRow.keys()].sort((a, b) => byRow.get(b) - byRow.get(a) || b.localeCompare(a));
  const timeline = chart(document.getElementById('chart-tijdlijn'));
  const series = STATUSES.filter((s) => items.some((i) => i.status === s)).map((s, index) => ({
    name: t(`status.${s}`), type: 'scatter', color: statusColour(s), symbolSize: 11,
    data: items.filter((i) => i.status === s).map((item) => ({
      value: [item.datum, item.row], item,
      symbol: item.kind === 'deadline' ? 'circle' : 'diamond',
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
  const drawn = draw(timeline, {
    aria: { enabled: true },
    legend: { top: 0 },
    tooltip: { formatter: (p) => (p.data.item ? tooltip(p.data.item) : '') },
    grid: { left: 8, right: 32, top: 40, bottom: 64, containLabel: true },
    dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 12 }, { type: 'inside', xAxisIndex: 0 }],
    xAxis: { type: 'time', splitLine: { show: true } },
    yAxis: { type: 'category', data: rows, axisLabel: { fontSize: 11 } },
    series,
  });
  timeline.on('click', (p) => p.data && p.data.item && window.location.assign(localPath(p.data.item.id)));

  fillTable(document.getElementById('tabel-tijdlijn'),
    [t('tijdlijn.datum'), t('common.actie'), t('tijdlijn.soort'), t('tijdlijn.tekst'), t('tijdlijn.status')],
    [...items.map((i) => [formatDate(i.datum),
      el('a', { href: localPath(i.actie) }, i.row),
      el('a', { href: localPath(i.id) }, t(`tijdlijn.${i.kind}`)),
      i.tekst || '',
      el('span', { class: `status status-${i.status}` }, t(`status.${i.status}`))]),
    ...shifts.map((s) => [formatDate(s.nieuweWaarde),
      el('a', { href: localPath(s.actie) }, s.row),
      t('tijdlijn.verschoven'),
      el('span', { class: 'verschoven' }, shiftText(s)),
      ''])]);
  await drawn;
  return { shown: () => timeline.resize() };
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
  return `<strong>${escapeHtml(item.row)}</strong> · ${escapeHtml(t(`tijdlijn.${item.kind}`))}<br>`
    + `${escapeHtml(formatDate(item.datum))}${escapeHtml(period)} · ${escapeHtml(t(`status.${item.status}`))}<br>`
    + `<em>${escapeHtml(item.tekst || '')}</em>`;
}

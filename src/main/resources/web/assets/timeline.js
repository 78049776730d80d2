// Timeline: every deadline and every dated commitment on a time axis, one row per action,
// coloured by the action's status, with the report's date marked.
import { t, formatDate } from './i18n.js';
import { query, localName, localPath, STATUSES, statusColour, chart, draw, fillTable, el, escapeHtml } from './api.js';

export async function init() {
  const [deadlines, toezeggingen, acties, rapporten] = await Promise.all([
    query('deadlines'), query('toezeggingen'), query('acties-per-thema'), query('rapporten')]);
  const status = new Map(acties.map((a) => [a.nummer, localName(a.status)]));
  const rapportdatum = (rapporten[0] || {}).datum;
  const items = [
    ...deadlines.map((d) => ({ kind: 'deadline', id: d.deadline, datum: d.datum, vanaf: d.vanaf, tekst: d.tekst, nummer: d.nummer })),
    ...toezeggingen.filter((z) => z.datum)
      .map((z) => ({ kind: 'toezegging', id: z.toezegging, datum: z.datum, tekst: z.tekst, nummer: z.nummer })),
  ].map((item) => ({ ...item, status: status.get(item.nummer) || 'Onbekend' }))
    .sort((a, b) => a.datum.localeCompare(b.datum) || a.nummer - b.nummer);

  const numbers = [...new Set(items.map((i) => i.nummer))].sort((a, b) => b - a);
  const rows = numbers.map((n) => `${t('common.actie')} ${n}`);
  const timeline = chart(document.getElementById('chart-tijdlijn'));
  const drawn = draw(timeline, {
    aria: { enabled: true },
    legend: { top: 0 },
    tooltip: { formatter: (p) => tooltip(p.data.item) },
    grid: { left: 8, right: 32, top: 40, bottom: 64, containLabel: true },
    dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 12 }, { type: 'inside', xAxisIndex: 0 }],
    xAxis: { type: 'time', splitLine: { show: true } },
    yAxis: { type: 'category', data: rows, axisLabel: { fontSize: 11 } },
    series: STATUSES.filter((s) => items.some((i) => i.status === s)).map((s, index) => ({
      name: t(`status.${s}`), type: 'scatter', color: statusColour(s), symbolSize: 11,
      data: items.filter((i) => i.status === s).map((item) => ({
        value: [item.datum, `${t('common.actie')} ${item.nummer}`], item,
        symbol: item.kind === 'deadline' ? 'circle' : 'diamond',
      })),
      markLine: index === 0 && rapportdatum ? {
        symbol: 'none', silent: true, lineStyle: { color: '#1b1f24', type: 'solid', width: 2 },
        label: { formatter: `${t('tijdlijn.rapportdatum')} ${formatDate(rapportdatum)}`, position: 'end' },
        data: [{ xAxis: rapportdatum }],
      } : undefined,
    })),
  });
  timeline.on('click', (p) => p.data && p.data.item && window.location.assign(localPath(p.data.item.id)));

  fillTable(document.getElementById('tabel-tijdlijn'),
    [t('tijdlijn.datum'), t('common.actie'), t('tijdlijn.soort'), t('tijdlijn.tekst'), t('tijdlijn.status')],
    items.map((i) => [formatDate(i.datum),
      el('a', { href: `/id/actie/${i.nummer}` }, `${t('common.actie')} ${i.nummer}`),
      el('a', { href: localPath(i.id) }, t(`tijdlijn.${i.kind}`)),
      i.tekst || '',
      el('span', { class: `status status-${i.status}` }, t(`status.${i.status}`))]));
  await drawn;
  return { shown: () => timeline.resize() };
}

function tooltip(item) {
  const period = item.vanaf ? ` (${t('tijdlijn.vanaf')} ${formatDate(item.vanaf)})` : '';
  return `<strong>${escapeHtml(t('common.actie'))} ${item.nummer}</strong> · ${escapeHtml(t(`tijdlijn.${item.kind}`))}<br>`
    + `${escapeHtml(formatDate(item.datum))}${escapeHtml(period)} · ${escapeHtml(t(`status.${item.status}`))}<br>`
    + `<em>${escapeHtml(item.tekst || '')}</em>`;
}

// Overview: the headline numbers (one request) and the actions by theme, status and organisation.
// Every number and every bar leads to the actions behind it, in the table view with the filter set.
import { t, formatDate, formatNumber } from './i18n.js';
import { query, localName, STATUSES, statusColour, chart, draw, fillTable, el, localPath, loadEcharts, downloads, shortNames } from './api.js';
import { viewHref } from './state.js';

/** Bars of the organisation chart; the rest are in its table. */
const TOP = 12;

export async function init() {
  const [[kern = {}], acties, perOrganisatie, namen] = await Promise.all([
    query('kerncijfers'), query('acties-per-thema'), query('tellingen', { per: 'organisatie' }), query('namen'), loadEcharts(),
  ]);
  if (kern.titel) {
    document.getElementById('rapport').replaceChildren(
      t('overzicht.rapport', { titel: kern.titel, uitgever: kern.uitgever || '', datum: formatDate(kern.datum) }), ' ',
      el('a', { href: localPath(kern.rapport) }, localPath(kern.rapport).replace(/\?.*/, '')));
  }
  kpi('kpi-acties', kern.acties, viewHref('tabel'), t('overzicht.toonActies'));
  kpi('kpi-moties', kern.moties, viewHref('tabel', { motie: 'ja' }), t('overzicht.toonMoties'));
  kpi('kpi-toezeggingen', kern.toezeggingenMetDatum, viewHref('tijdlijn'), t('overzicht.toonToezeggingen'));
  document.getElementById('kpi-toezeggingen-van').textContent = t('overzicht.toezeggingenVan', { totaal: formatNumber(kern.toezeggingen || 0) });
  kpi('kpi-verlopen', kern.verlopen || 0, viewHref('tabel', { verlopen: 'ja' }), t('overzicht.toonVerlopen'));
  document.getElementById('kpi-verlopen-van').textContent = t('overzicht.verlopenVan', { totaal: formatNumber(kern.deadlines || 0) });

  await Promise.all([drawThemes(acties), drawOrganisations(perOrganisatie, shortNames(namen))]);
  for (const holder of document.querySelectorAll('#overzicht .downloads')) {
    downloads(holder);
  }
  return {};
}

function kpi(id, value, href, title) {
  const link = document.getElementById(id);
  link.textContent = formatNumber(value || 0);
  link.href = href;
  link.title = title;
}

function drawThemes(acties) {
  const themes = [];
  const themeIris = new Map();
  const counts = new Map();
  for (const a of acties) {
    const theme = a.hoofdthemaLabel || a.actieThemaLabel || localName(a.actieThema);
    if (!themes.includes(theme)) {
      themes.push(theme);
      themeIris.set(theme, a.hoofdthema || a.actieThema);
    }
    const key = `${theme}|${localName(a.status)}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const statuses = STATUSES.filter((s) => themes.some((theme) => counts.has(`${theme}|${s}`)));
  const shown = [...themes].reverse(); // first theme of the report on top
  const instance = chart(document.getElementById('chart-thema'));
  const drawn = draw(instance, {
    aria: { enabled: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: t('overzicht.aantal'), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: shown, axisLabel: { width: 150, overflow: 'break', lineHeight: 14 } },
    series: statuses.map((s) => ({
      name: t(`status.${s}`), type: 'bar', stack: 'acties', color: statusColour(s), cursor: 'pointer',
      label: { show: true, color: '#fff', formatter: (p) => (p.value ? String(p.value) : '') },
      data: shown.map((theme) => ({ value: counts.get(`${theme}|${s}`) || 0, status: s, thema: themeIris.get(theme) })),
    })),
  });
  // A bar's segment: the actions of that theme with that status.
  instance.on('click', (p) => p.data && window.location.assign(viewHref('tabel', { thema: localName(p.data.thema), status: p.data.status })));
  const total = acties.length;
  const largest = themes.map((theme) => [theme, statuses.reduce((n, s) => n + (counts.get(`${theme}|${s}`) || 0), 0)])
    .sort((a, b) => b[1] - a[1])[0] || ['', 0];
  document.getElementById('desc-thema').textContent = t('overzicht.beschrijvingThema', {
    totaal: total, themas: themes.length, grootste: largest[0], aantal: largest[1],
    statussen: statuses.map((s) => `${t(`status.${s}`)}: ${acties.filter((a) => localName(a.status) === s).length}`).join(', '),
  });
  fillTable(document.getElementById('tabel-thema'),
    [t('overzicht.thema'), ...statuses.map((s) => t(`status.${s}`))],
    themes.map((theme) => [theme, ...statuses.map((s) => {
      const n = counts.get(`${theme}|${s}`) || 0;
      return n ? el('a', { href: viewHref('tabel', { thema: localName(themeIris.get(theme)), status: s }) }, String(n)) : '0';
    })]));
  return drawn;
}

function drawOrganisations(rows, abbreviations) {
  // tellingen gives one row per organisation and role (an action counted once, under its strongest
  // role): responsible and involved are bars side by side; bodies only named are not counted here.
  const byBody = new Map();
  for (const r of rows) {
    if (r.organisatierol !== 'verantwoordelijke' && r.organisatierol !== 'betrokkene') continue;
    const b = byBody.get(r.waarde) || { waarde: r.waarde, label: r.label, verantwoordelijke: 0, betrokkene: 0 };
    b[r.organisatierol] += Number(r.aantal);
    byBody.set(r.waarde, b);
  }
  const bodies = [...byBody.values()].map((b) => ({ ...b, aantal: b.verantwoordelijke + b.betrokkene }))
    .sort((x, y) => y.verantwoordelijke - x.verantwoordelijke || y.aantal - x.aantal || String(x.label).localeCompare(String(y.label)));
  const top = bodies.slice(0, TOP);
  const shown = [...top].reverse();
  const name = (b) => abbreviations.get(b.waarde) || b.label || localName(b.waarde);
  document.getElementById('cap-organisatie').textContent = t('overzicht.chartOrganisatieTop', { n: top.length, m: bodies.length });
  const instance = chart(document.getElementById('chart-organisatie'));
  const series = (rol, colour, label) => ({
    type: 'bar', name: label, color: colour, cursor: 'pointer', barGap: '10%',
    label: { show: true, position: 'right', formatter: (p) => (p.value ? String(p.value) : '') },
    data: shown.map((b) => ({ value: b[rol], waarde: b.waarde, rol })),
  });
  const drawn = draw(instance, {
    aria: { enabled: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps) => { const b = shown[ps[0].dataIndex]; return `${escape(b.label)}<br>${ps.map((p) => `${p.marker}${escape(p.seriesName)}: ${p.value}`).join('<br>')}`; } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map(name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [series('verantwoordelijke', '#0b57a4', t('overzicht.verantwoordelijk')), series('betrokkene', '#7a9cc6', t('overzicht.betrokken'))],
  });
  // A bar: the actions this body carries (responsible) or is involved in, in the table.
  instance.on('click', (p) => p.data && window.location.assign(
    viewHref('tabel', { organisatie: localName(p.data.waarde), rol: p.data.rol })));
  const first = top[0];
  document.getElementById('desc-organisatie').textContent = first ? t('overzicht.beschrijvingOrganisatie', {
    n: top.length, m: bodies.length, eerste: first.label, afkorting: name(first), verantwoordelijk: first.verantwoordelijke, betrokken: first.betrokkene,
  }) : '';
  const link = (b, rol) => (b[rol] ? el('a', { href: viewHref('tabel', { organisatie: localName(b.waarde), rol }) }, String(b[rol])) : '0');
  fillTable(document.getElementById('tabel-organisatie'),
    [t('overzicht.organisatie'), t('overzicht.afkorting'), t('overzicht.verantwoordelijk'), t('overzicht.betrokken')],
    bodies.map((b) => [el('a', { href: localPath(b.waarde) }, b.label || localName(b.waarde)),
      abbreviations.get(b.waarde) || '', link(b, 'verantwoordelijke'), link(b, 'betrokkene')]));
  return drawn;
}

function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

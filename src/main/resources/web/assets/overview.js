// Overview: the headline numbers and the actions by theme, status and organisation.
import { t, formatDate, formatNumber } from './i18n.js';
import { query, localName, STATUSES, statusColour, chart, draw, fillTable, el, localPath } from './api.js';

export async function init() {
  const [acties, moties, toezeggingen, rapporten, perOrganisatie] = await Promise.all([
    query('acties-per-thema'), query('moties'), query('toezeggingen'), query('rapporten'),
    query('tellingen', { per: 'organisatie' }),
  ]);
  const rapport = rapporten[0] || {};
  // Overdue counts against the report's own date, not today: what had slipped when it was written.
  const deadlines = await query('deadlines', rapport.datum ? { peildatum: rapport.datum } : {});

  if (rapport.titel) {
    document.getElementById('rapport').replaceChildren(
      t('overzicht.rapport', { titel: rapport.titel, uitgever: rapport.uitgever || '', datum: formatDate(rapport.datum) }), ' ',
      el('a', { href: localPath(rapport.rapport) }, localPath(rapport.rapport)));
  }
  const metDeadline = new Set(toezeggingen.filter((z) => z.datum).map((z) => z.toezegging));
  const alleToezeggingen = new Set(toezeggingen.map((z) => z.toezegging));
  const verlopen = deadlines.filter((d) => d.isVerlopen === true || d.isVerlopen === 'true');
  setText('kpi-acties', formatNumber(new Set(acties.map((a) => a.actie)).size));
  setText('kpi-moties', formatNumber(new Set(moties.map((m) => m.motie)).size));
  setText('kpi-toezeggingen', formatNumber(metDeadline.size));
  setText('kpi-toezeggingen-van', t('overzicht.toezeggingenVan', { totaal: formatNumber(alleToezeggingen.size) }));
  setText('kpi-verlopen', formatNumber(verlopen.length));
  setText('kpi-verlopen-van', t('overzicht.verlopenVan', { totaal: formatNumber(deadlines.length) }));

  await Promise.all([drawThemes(acties), drawOrganisations(perOrganisatie)]);
  return {};
}

function setText(id, text) {
  document.getElementById(id).textContent = text;
}

function drawThemes(acties) {
  const themes = [];
  const counts = new Map();
  for (const a of acties) {
    const theme = a.hoofdthemaLabel || a.actieThemaLabel || localName(a.actieThema);
    if (!themes.includes(theme)) {
      themes.push(theme);
    }
    const key = `${theme}|${localName(a.status)}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const statuses = STATUSES.filter((s) => themes.some((theme) => counts.has(`${theme}|${s}`)));
  const shown = [...themes].reverse(); // first theme of the report on top
  const drawn = draw(chart(document.getElementById('chart-thema')), {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: t('overzicht.aantal'), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: shown, axisLabel: { width: 190, overflow: 'break', lineHeight: 14 } },
    series: statuses.map((s) => ({
      name: t(`status.${s}`), type: 'bar', stack: 'acties', color: statusColour(s),
      label: { show: true, color: '#fff', formatter: (p) => (p.value ? String(p.value) : '') },
      data: shown.map((theme) => counts.get(`${theme}|${s}`) || 0),
    })),
  });
  fillTable(document.getElementById('tabel-thema'),
    [t('overzicht.thema'), ...statuses.map((s) => t(`status.${s}`))],
    themes.map((theme) => [theme, ...statuses.map((s) => String(counts.get(`${theme}|${s}`) || 0))]));
  return drawn;
}

function drawOrganisations(rows) {
  // tellingen gives one row per organisation and role (an action counted once, under its strongest
  // role): the bars stack "responsible" and "involved"; bodies only named are not counted here.
  const byBody = new Map();
  for (const r of rows) {
    if (r.organisatierol !== 'verantwoordelijke' && r.organisatierol !== 'betrokkene') continue;
    const b = byBody.get(r.waarde) || { waarde: r.waarde, label: r.label, verantwoordelijke: 0, betrokkene: 0 };
    b[r.organisatierol] += Number(r.aantal);
    byBody.set(r.waarde, b);
  }
  const bodies = [...byBody.values()].map((b) => ({ ...b, aantal: b.verantwoordelijke + b.betrokkene }))
    .sort((x, y) => y.aantal - x.aantal || String(x.label).localeCompare(String(y.label)));
  const shown = bodies.slice(0, 12).reverse();
  const drawn = draw(chart(document.getElementById('chart-organisatie')), {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.label || localName(r.waarde)), axisLabel: { width: 260, overflow: 'truncate' } },
    series: [
      { type: 'bar', stack: 'rol', name: t('overzicht.verantwoordelijk'), color: '#0b57a4', data: shown.map((r) => r.verantwoordelijke) },
      { type: 'bar', stack: 'rol', name: t('overzicht.betrokken'), color: '#8fb3d9', label: { show: true, position: 'right',
        formatter: (p) => String(shown[p.dataIndex].aantal) }, data: shown.map((r) => r.betrokkene) },
    ],
  });
  fillTable(document.getElementById('tabel-organisatie'),
    [t('overzicht.organisatie'), t('overzicht.verantwoordelijk'), t('overzicht.betrokken'), t('overzicht.aantal')],
    bodies.map((r) => [el('a', { href: localPath(r.waarde) }, r.label || localName(r.waarde)),
      String(r.verantwoordelijke), String(r.betrokkene), String(r.aantal)]));
  return drawn;
}

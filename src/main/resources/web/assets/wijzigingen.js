// Changes: compare two editions of a series. How statuses moved, and per kind of change the actions
// (finished, new, no longer reported, deadline moved, ...), each linking to its page.
import { t, formatDate } from './i18n.js';
import { query, localName, localPath, el, fillTable } from './api.js';
import { editions, editionLabel } from './editions.js';

const DEF = 'https://w3id.org/actiegraaf/def#';

export async function init() {
  const all = await editions();
  const from = document.getElementById('wijziging-van');
  const to = document.getElementById('wijziging-naar');
  const form = document.getElementById('wijzigingen-kies');
  if (all.length === 0) {
    say(t('wijzigingen.geenReeks'));
    form.hidden = true;
    return {};
  }
  const perSeries = new Map();
  for (const e of all) {
    perSeries.set(e.reeks, [...(perSeries.get(e.reeks) || []), e]);
  }
  const comparable = [...perSeries.values()].filter((list) => list.length >= 2);
  if (comparable.length === 0) {
    say(t('wijzigingen.enkel'));
    form.hidden = true;
    return {};
  }
  for (const select of [from, to]) {
    select.append(...all.map((e) => el('option', { value: e.rapport }, editionLabel(e))));
  }
  // Default: the last two editions of the series with the newest edition, or the pair the address names
  // (the Atom feed links here with ?naar=...).
  const wanted = new URLSearchParams(location.search);
  const byId = (id) => id && all.find((e) => e.rapport === id || e.rapport.endsWith(`/rapport/${id}`));
  const newest = comparable.sort((a, b) => b[b.length - 1].datum.localeCompare(a[a.length - 1].datum))[0];
  let target = byId(wanted.get('naar')) || newest[newest.length - 1];
  const series = perSeries.get(target.reeks);
  if (series.indexOf(target) === 0) {
    target = series[1];
  }
  const source = byId(wanted.get('van')) || series[series.indexOf(target) - 1];
  from.value = source.rapport;
  to.value = target.rapport;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    compare(all);
  });
  await compare(all);
  return {};
}

function say(text) {
  document.getElementById('wijzigingen-melding').textContent = text;
}

async function compare(all) {
  const content = document.getElementById('wijzigingen-inhoud');
  const a = all.find((e) => e.rapport === document.getElementById('wijziging-van').value);
  const b = all.find((e) => e.rapport === document.getElementById('wijziging-naar').value);
  content.replaceChildren();
  if (a.reeks !== b.reeks) {
    say(t('wijzigingen.andereReeks'));
    return;
  }
  if (a.datum >= b.datum) {
    say(t('wijzigingen.verkeerdeVolgorde'));
    return;
  }
  const rows = await query('wijzigingen', { van: a.rapport, naar: b.rapport, limit: 1000 });
  say(rows.length === 0 ? t('wijzigingen.geen')
    : t('wijzigingen.telling', { aantal: rows.length, van: formatDate(a.datum), naar: formatDate(b.datum) }));
  const kind = (row) => localName(row.soort);
  const status = (iri) => (iri ? t(`status.${localName(iri)}`) : '–');
  const statusRows = rows.filter((r) => kind(r) === 'StatusGewijzigd');

  const moves = new Map();
  for (const r of statusRows) {
    const key = `${localName(r.oudeWaarde)}|${localName(r.nieuweWaarde)}`;
    moves.set(key, (moves.get(key) || 0) + 1);
  }
  const parts = [];
  if (moves.size) {
    const table = el('table', { class: 'data', id: 'statusverloop' });
    fillTable(table, [t('wijzigingen.van-status'), t('wijzigingen.naar-status'), t('wijzigingen.aantal')],
      [...moves.entries()].map(([key, n]) => {
        const [before, after] = key.split('|');
        return [el('span', { class: `status status-${before}` }, t(`status.${before}`)),
          el('span', { class: `status status-${after}` }, t(`status.${after}`)), String(n)];
      }));
    parts.push(el('section', { 'data-soort': 'statusverloop' }, el('h2', {}, t('wijzigingen.statusverloop')), table));
  }
  const groups = [
    ['afgerond', statusRows.filter((r) => r.nieuweWaarde === `${DEF}Afgerond`),
      (r) => t('wijzigingen.pijl', { oud: status(r.oudeWaarde), nieuw: status(r.nieuweWaarde) })],
    ['nieuw', rows.filter((r) => kind(r) === 'NieuweActie'), () => ''],
    ['vervallen', rows.filter((r) => kind(r) === 'NietMeerGerapporteerd'), () => ''],
    ['verschoven', rows.filter((r) => kind(r) === 'DeadlineVerschoven'),
      (r) => t('wijzigingen.pijl', { oud: formatDate(r.oudeWaarde), nieuw: formatDate(r.nieuweWaarde) })],
    ['statusOverig', statusRows.filter((r) => r.nieuweWaarde !== `${DEF}Afgerond`),
      (r) => t('wijzigingen.pijl', { oud: status(r.oudeWaarde), nieuw: status(r.nieuweWaarde) })],
    ['deadlineToegevoegd', rows.filter((r) => kind(r) === 'DeadlineToegevoegd'), (r) => formatDate(r.nieuweWaarde)],
    ['deadlineVervallen', rows.filter((r) => kind(r) === 'DeadlineVervallen'), (r) => formatDate(r.oudeWaarde)],
    ['omschrijving', rows.filter((r) => kind(r) === 'OmschrijvingGewijzigd'), () => ''],
  ];
  for (const [name, list, detail] of groups) {
    if (list.length === 0) {
      continue;
    }
    parts.push(el('section', { 'data-soort': name },
      el('h2', {}, `${t(`wijzigingen.${name}`)} (${list.length})`),
      el('ul', {}, list.map((r) => el('li', { 'data-actie': localPath(r.actie) },
        el('a', { href: localPath(r.actie) }, `${t('common.actie')} ${r.nummer}`),
        detail(r) ? ` — ${detail(r)}` : '')))));
  }
  content.replaceChildren(el('div', { class: 'changes' }, parts));
}

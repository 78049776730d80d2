// Table: every action, sortable by each column, searchable through the API's full-text query.
import { t } from './i18n.js';
import { query, localName, localPath, el } from './api.js';

export async function init() {
  const [acties, graph] = await Promise.all([query('acties-per-thema'), query('netwerk')]);
  const rows = acties.map((a) => ({
    actie: a.actie, nummer: a.nummer, omschrijving: a.omschrijving || '',
    thema: a.actieThemaLabel || localName(a.actieThema), themas: [a.actieThema, a.hoofdthema],
    status: localName(a.status),
  }));
  // What an action links to, so a hit on a motion or an organisation finds its actions too.
  const linked = new Map();
  for (const e of graph.edges) {
    if (!linked.has(e.target)) {
      linked.set(e.target, new Set());
    }
    linked.get(e.target).add(e.source);
  }
  const table = new ActionTable(rows, linked);
  table.render();
  return table;
}

class ActionTable {
  constructor(rows, linked) {
    this.rows = rows;
    this.linked = linked;
    this.matches = null; // null: no search, every action
    this.sortKey = 'nummer';
    this.ascending = true;
    this.element = document.getElementById('acties');
    for (const th of this.element.querySelectorAll('th[data-key]')) {
      const key = th.dataset.key;
      const button = th.querySelector('button');
      button.setAttribute('aria-label', t('tabel.sorteer', { kolom: button.textContent }));
      button.addEventListener('click', () => this.sortBy(key));
    }
    const form = document.getElementById('tabel-zoek');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.search(document.getElementById('tabel-q').value);
    });
    form.addEventListener('reset', () => {
      this.matches = null;
      this.render();
    });
  }

  sortBy(key) {
    this.ascending = key === this.sortKey ? !this.ascending : true;
    this.sortKey = key;
    for (const th of this.element.querySelectorAll('th[data-key]')) {
      if (th.dataset.key === key) {
        th.setAttribute('aria-sort', this.ascending ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    }
    this.render();
  }

  async search(text) {
    const q = text.trim();
    if (!q) {
      this.matches = null;
      this.render();
      return;
    }
    const hits = await query('zoeken', { q });
    const found = new Set();
    const byIri = new Map(this.rows.map((r) => [r.actie, r]));
    for (const hit of hits) {
      if (hit.actie && byIri.has(hit.actie)) {
        found.add(hit.actie); // the action, or a sentence, deadline or commitment read from it
      }
      for (const row of this.rows) {
        if (row.themas.includes(hit.resource)) {
          found.add(row.actie);
        }
      }
      for (const source of this.linked.get(hit.resource) || []) {
        if (byIri.has(source)) {
          found.add(source);
        }
        for (const action of this.linked.get(source) || []) {
          if (byIri.has(action)) {
            found.add(action); // a motion part's action, for a hit on the whole motion
          }
        }
      }
    }
    this.matches = found;
    this.render();
  }

  render() {
    const key = this.sortKey;
    const direction = this.ascending ? 1 : -1;
    const shown = this.rows
      .filter((r) => this.matches === null || this.matches.has(r.actie))
      .sort((a, b) => direction * (key === 'nummer' ? a.nummer - b.nummer
        : String(a[key]).localeCompare(String(b[key]), undefined, { numeric: true }) || a.nummer - b.nummer));
    this.element.tBodies[0].replaceChildren(...shown.map((r) => el('tr', { 'data-actie': r.nummer, 'data-iri': localPath(r.actie) },
      el('td', { class: 'num' }, el('a', { href: localPath(r.actie) }, String(r.nummer))),
      el('td', {}, el('a', { href: localPath(r.actie) }, r.omschrijving)),
      el('td', {}, r.thema),
      el('td', {}, el('span', { class: `status status-${r.status}` }, t(`status.${r.status}`))))));
    document.getElementById('tabel-telling').textContent = t('tabel.telling', { aantal: shown.length, totaal: this.rows.length });
  }
}

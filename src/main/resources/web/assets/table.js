// Table: every action, sortable by each column; searched through the server's entity-aware search
// (/api/zoek: an action number, a motion, a body's abbreviation or a person first, then ranked full
// text with the matching sentence); filtered by the overview's drill-downs (organisatie and rol,
// thema and status, motie, verlopen). Search, sort and filters live in the address (state.js).
import { t, lang } from './i18n.js';
import { query, localName, localPath, el, downloads, problemText } from './api.js';
import { param, setParams } from './state.js';

const FILTERS = ['organisatie', 'rol', 'thema', 'status', 'motie', 'verlopen'];

export async function init() {
  const [acties, graph, kern] = await Promise.all([query('acties-per-thema'), query('netwerk'), query('kerncijfers')]);
  const rows = acties.map((a) => ({
    actie: a.actie, nummer: Number(a.nummer), omschrijving: a.omschrijving || '',
    thema: a.actieThemaLabel || localName(a.actieThema), themas: [localName(a.actieThema), localName(a.hoofdthema)],
    status: localName(a.status),
  }));
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const table = new ActionTable(rows, graph.edges, labels, (kern[0] || {}).datum);
  await table.restore();
  downloads(document.querySelector('#tabel .downloads'));
  return table;
}

/** What an edge row says, read by column name: the network query's shape may grow (roles, submitters). */
function edgeOf(e) {
  return { source: e.source ?? e.bron, target: e.target ?? e.doel, type: e.type ?? e.rol ?? e.relatie };
}

class ActionTable {
  constructor(rows, edges, labels, reportDate) {
    this.rows = rows;
    this.byIri = new Map(rows.map((r) => [r.actie, r]));
    this.edges = edges.map(edgeOf);
    this.labels = labels;
    this.reportDate = reportDate;
    this.hits = null; // null: no search; else the ordered hits {actie, snippet, via}
    this.searchToken = 0;
    this.element = document.getElementById('acties');
    for (const th of this.element.querySelectorAll('th[data-key]')) {
      const key = th.dataset.key;
      const button = th.querySelector('button');
      button.setAttribute('aria-label', t('tabel.sorteer', { kolom: button.textContent }));
      button.addEventListener('click', () => {
        const [current, ascending] = this.sort();
        setParams({ sorteer: key === current && ascending ? `-${key}` : key });
        this.render();
      });
    }
    const form = document.getElementById('tabel-zoek');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      setParams({ q: document.getElementById('tabel-q').value.trim(), sorteer: null });
      this.restore();
    });
    form.addEventListener('reset', () => {
      setParams(Object.fromEntries(['q', 'sorteer', ...FILTERS].map((k) => [k, null])));
      setTimeout(() => this.restore());
    });
  }

  /** The sort in the address: [key, ascending]; a search sorts by relevance until a column is chosen. */
  sort() {
    const value = param('sorteer');
    if (!value) {
      return this.hits ? ['rang', true] : ['nummer', true];
    }
    return value.startsWith('-') ? [value.substring(1), false] : [value, true];
  }

  /** Draws what the address asks for: filters, search, sort (at start, and on back/forward). */
  async restore() {
    const q = param('q') || '';
    document.getElementById('tabel-q').value = q;
    await this.applyFilters();
    if (q !== this.searched) {
      await this.search(q);
    } else {
      this.render();
    }
  }

  async applyFilters() {
    const wanted = Object.fromEntries(FILTERS.map((k) => [k, param(k)]));
    let allowed = null;
    const keep = (set) => { allowed = allowed ? new Set([...allowed].filter((a) => set.has(a))) : set; };
    if (wanted.organisatie) {
      const body = [...this.labels.keys()].find((id) => localName(id) === wanted.organisatie && id.includes('/organisatie/'));
      const responsible = new Set(this.edges.filter((e) => e.target === body && e.type === 'verantwoordelijke').map((e) => e.source));
      const involved = new Set(this.edges.filter((e) => e.target === body && e.type === 'betrokkene' && !responsible.has(e.source)).map((e) => e.source));
      keep(wanted.rol === 'verantwoordelijke' ? responsible : wanted.rol === 'betrokkene' ? involved : new Set([...responsible, ...involved]));
    }
    if (wanted.thema) {
      keep(new Set(this.rows.filter((r) => r.themas.includes(wanted.thema)).map((r) => r.actie)));
    }
    if (wanted.status) {
      keep(new Set(this.rows.filter((r) => r.status === wanted.status).map((r) => r.actie)));
    }
    if (wanted.motie) {
      const motions = this.edges.filter((e) => e.type === 'geeftUitvoeringAan');
      keep(new Set(motions.filter((e) => wanted.motie === 'ja' || localName(e.target).startsWith(wanted.motie)).map((e) => e.source)));
    }
    if (wanted.verlopen) {
      const overdue = await query('deadlines', { verlopen: 'true', ...(this.reportDate ? { verlopenOp: this.reportDate } : {}) });
      keep(new Set(overdue.map((d) => d.actie)));
    }
    this.allowed = allowed;
    this.showChips(wanted);
  }

  showChips(wanted) {
    const chips = [];
    const label = (key, value) => {
      if (key === 'organisatie') {
        const id = [...this.labels.keys()].find((i) => localName(i) === value && i.includes('/organisatie/'));
        return `${this.labels.get(id) || value}${wanted.rol ? ` (${t(`tabel.rol.${wanted.rol}`)})` : ''}`;
      }
      if (key === 'status') return t(`status.${value}`);
      if (key === 'thema') return (this.rows.find((r) => r.themas[0] === value) || {}).thema || value;
      if (key === 'motie') return value === 'ja' ? t('tabel.metMotie') : value;
      if (key === 'verlopen') return t('tabel.verlopen');
      return value;
    };
    for (const key of FILTERS) {
      if (!wanted[key] || key === 'rol') continue;
      chips.push(el('span', { class: 'chip' }, `${t(`tabel.filter.${key}`)}: ${label(key, wanted[key])} `,
        el('button', { type: 'button', class: 'link', 'aria-label': t('tabel.filterWeg', { filter: label(key, wanted[key]) }),
          onclick: () => { setParams(key === 'organisatie' ? { organisatie: null, rol: null } : { [key]: null }); this.restore(); } }, '×')));
    }
    document.getElementById('tabel-filter').replaceChildren(...chips);
  }

  async search(text) {
    const q = text.trim();
    const token = ++this.searchToken;
    this.searched = q;
    const message = document.getElementById('tabel-melding');
    const entities = document.getElementById('tabel-entiteiten');
    message.replaceChildren();
    entities.replaceChildren();
    if (!q) {
      this.hits = null;
      this.render();
      return;
    }
    // Never leave the previous answer on screen while (or when) this one fails.
    this.hits = [];
    this.render(t('common.loading'));
    let answer;
    try {
      const response = await fetch(`/api/zoek?${new URLSearchParams({ q, lang })}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        // A refused search is a problem document: its detail names what is wrong ("parameter q: ...").
        answer = { entities: [], acties: [], melding: `${t('tabel.zoekFout', { status: response.status })} ${await problemText(response)}` };
      } else {
        answer = await response.json();
      }
    } catch (error) {
      answer = { entities: [], acties: [], melding: `${t('common.error')} ${error.message}` };
    }
    if (token !== this.searchToken) {
      return; // a newer search was started meanwhile
    }
    const hits = [];
    const seen = new Set();
    const add = (hit) => {
      if (hit.actie && this.byIri.has(hit.actie) && !seen.has(hit.actie)) {
        seen.add(hit.actie);
        hits.push({ ...hit, rang: hits.length });
      }
    };
    const byNumber = new Map(this.rows.map((r) => [r.nummer, r.actie]));
    for (const entity of answer.entities || []) {
      for (const nummer of entity.acties || []) {
        add({ actie: byNumber.get(Number(nummer)), via: entity.type, entity: entity.label });
      }
    }
    for (const a of answer.acties || []) {
      add({ actie: a.iri || byNumber.get(Number(a.nummer)), snippet: a.snippet, via: a.via });
    }
    this.hits = hits;
    entities.replaceChildren(...(answer.entities || []).map((entity) => el('p', { class: 'entity' },
      el('span', { class: 'type' }, t(`zoek.types.${entity.type}`)), ' ',
      el('a', { href: entity.page ? localPath(`https://w3id.org/actiegraaf${entity.page}`) : localPath(entity.iri) }, entity.label),
      ` → ${t('zoek.acties', { aantal: (entity.acties || []).length })}: `,
      ...(entity.acties || []).flatMap((n, i) => [i ? ', ' : '', el('a', { href: localPath(byNumber.get(Number(n)) || '') }, String(n))]))));
    const parts = [];
    if (answer.melding) {
      parts.push(el('p', { class: 'error' }, answer.melding));
    } else if (hits.length === 0) {
      parts.push(el('p', {}, t('zoek.geen', { q })));
    }
    if (answer.suggestie) {
      const suggestion = String(answer.suggestie);
      parts.push(el('p', {}, t('zoek.suggestie'), ' ', el('button', { type: 'button', class: 'link', id: 'tabel-suggestie',
        onclick: () => { setParams({ q: suggestion }); this.restore(); } }, suggestion)));
    }
    message.replaceChildren(...parts);
    this.render();
  }

  render(placeholder) {
    const [key, ascending] = this.sort();
    const direction = ascending ? 1 : -1;
    for (const th of this.element.querySelectorAll('th[data-key]')) {
      if (th.dataset.key === key) {
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    }
    const hitOf = new Map((this.hits || []).map((h) => [h.actie, h]));
    const shown = this.rows
      .filter((r) => (this.hits === null || hitOf.has(r.actie)) && (this.allowed == null || this.allowed.has(r.actie)))
      .sort((a, b) => direction * (key === 'rang' ? hitOf.get(a.actie).rang - hitOf.get(b.actie).rang
        : key === 'nummer' ? a.nummer - b.nummer
          : String(a[key]).localeCompare(String(b[key]), undefined, { numeric: true }) || a.nummer - b.nummer));
    const body = this.element.tBodies[0];
    if (placeholder) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, placeholder)));
    } else {
      body.replaceChildren(...shown.map((r) => {
        const hit = hitOf.get(r.actie);
        return el('tr', { 'data-actie': r.nummer, 'data-iri': localPath(r.actie).replace(/\?.*/, '') },
          el('td', { class: 'num' }, el('a', { href: localPath(r.actie) }, String(r.nummer))),
          el('td', {}, el('a', { href: localPath(r.actie) }, r.omschrijving),
            hit && hit.snippet ? el('p', { class: 'snippet' }, ...marked(hit.snippet)) : null,
            hit && hit.entity ? el('p', { class: 'snippet muted' }, t('zoek.via', { entiteit: hit.entity })) : null),
          el('td', {}, r.thema),
          el('td', {}, el('span', { class: `status status-${r.status}` }, t(`status.${r.status}`))));
      }));
    }
    document.getElementById('tabel-telling').textContent = t('tabel.telling', { aantal: placeholder ? 0 : shown.length, totaal: this.rows.length });
  }
}

/** A snippet "… <mark>match</mark> …" as text and <mark> elements: no other markup is taken over. */
function marked(snippet) {
  const decode = (html) => new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.textContent;
  return String(snippet).split(/(<mark>.*?<\/mark>)/s).filter(Boolean).map((part) => {
    const match = part.match(/^<mark>(.*)<\/mark>$/s);
    return match ? el('mark', {}, decode(match[1])) : decode(part);
  });
}

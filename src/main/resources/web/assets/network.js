// Network: actions, the motions they carry out, the motions' submitters and the organisations
// involved, drawn from the curated network query.
import { t } from './i18n.js';
import { query, localName, localPath, STATUSES, chart, draw, el, escapeHtml } from './api.js';

const TYPES = ['actie', 'motie', 'persoon', 'organisatie'];
const COLOURS = { actie: '#0b57a4', motie: '#8e24aa', persoon: '#c2410c', organisatie: '#00796b' };

export async function init() {
  // The network query gives the submitters too (indiener edges, persoon nodes), each pair once.
  const [graph, acties] = await Promise.all([query('netwerk'), query('acties-per-thema')]);
  const nodes = new Map(graph.nodes.map((n) => [n.id, { ...n }]));
  const edges = graph.edges.map((e) => ({ ...e }));
  for (const a of acties) {
    const node = nodes.get(a.actie) || { id: a.actie, label: `${t('common.actie')} ${a.nummer}`, type: 'actie', nummer: a.nummer };
    Object.assign(node, {
      thema: a.hoofdthema, themaLabel: a.hoofdthemaLabel, status: localName(a.status), omschrijving: a.omschrijving,
    });
    nodes.set(a.actie, node);
  }
  const view = new NetworkView(nodes, edges);
  view.fillFilters(acties);
  await view.draw();
  return view;
}

class NetworkView {
  constructor(nodes, edges) {
    this.nodes = nodes;
    this.edges = edges;
    this.chart = chart(document.getElementById('chart-netwerk'));
    this.chart.on('click', (p) => p.dataType === 'node' && this.select(p.data.id));
    this.chart.on('dblclick', (p) => {
      if (p.dataType === 'node') {
        window.location.assign(localPath(p.data.id));
      }
    });
    document.getElementById('netwerk-filters').addEventListener('submit', (e) => e.preventDefault());
    for (const id of ['filter-thema', 'filter-status', 'filter-organisatie']) {
      document.getElementById(id).addEventListener('change', () => this.draw());
    }
    document.getElementById('netwerk-zoek').addEventListener('change', (e) => this.find(e.target.value));
  }

  fillFilters(acties) {
    const themes = new Map(acties.map((a) => [a.hoofdthema, a.hoofdthemaLabel || localName(a.hoofdthema)]));
    addOptions('filter-thema', [...themes].map(([value, label]) => [value, label]));
    const statuses = STATUSES.filter((s) => acties.some((a) => localName(a.status) === s));
    addOptions('filter-status', statuses.map((s) => [s, t(`status.${s}`)]));
    const organisations = [...this.nodes.values()].filter((n) => n.type === 'organisatie')
      .sort((a, b) => a.label.localeCompare(b.label));
    addOptions('filter-organisatie', organisations.map((n) => [n.id, n.label]));
  }

  /** The actions that pass the filters, and everything one step (a motion: two) away from them. */
  visible() {
    const thema = document.getElementById('filter-thema').value;
    const status = document.getElementById('filter-status').value;
    const organisatie = document.getElementById('filter-organisatie').value;
    const actions = new Set([...this.nodes.values()]
      .filter((n) => n.type === 'actie' && (!thema || n.thema === thema) && (!status || n.status === status))
      .filter((n) => !organisatie || this.edges.some((e) => e.source === n.id && e.target === organisatie))
      .map((n) => n.id));
    const shown = new Set(actions);
    for (const e of this.edges) {
      if (actions.has(e.source)) {
        shown.add(e.target);
      }
    }
    for (const kind of ['deelVan', 'indiener']) {
      for (const e of this.edges) {
        if (e.type === kind && shown.has(e.source)) {
          shown.add(e.target);
        }
      }
    }
    return shown;
  }

  draw() {
    const shown = this.visible();
    const links = this.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
    const degree = new Map();
    for (const e of links) {
      degree.set(e.source, (degree.get(e.source) || 0) + 1);
      degree.set(e.target, (degree.get(e.target) || 0) + 1);
    }
    this.data = [...shown].map((id) => this.nodes.get(id)).filter(Boolean);
    document.getElementById('netwerk-knopen').replaceChildren(
      ...this.data.map((n) => el('option', { value: n.label })));
    document.getElementById('netwerk-telling').textContent =
      t('netwerk.telling', { knopen: this.data.length, lijnen: links.length });
    return draw(this.chart, {
      aria: { enabled: true },
      tooltip: { formatter: (p) => (p.dataType === 'edge'
        ? escapeHtml(t(`netwerk.relaties.${p.data.relation}`))
        : `${escapeHtml(t(`types.${p.data.type}`))}: ${escapeHtml(p.data.name)}`) },
      legend: [{ top: 4, data: TYPES.map((type) => t(`types.${type}`)) }],
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, top: 40, zoom: 1.2,
        categories: TYPES.map((type) => ({ name: t(`types.${type}`), itemStyle: { color: COLOURS[type] } })),
        data: this.data.map((n) => ({
          id: n.id, name: n.label, type: n.type, category: TYPES.indexOf(n.type),
          symbolSize: Math.min(40, 7 + 3 * Math.sqrt(degree.get(n.id) || 1)),
          label: { show: n.type === 'organisatie' || (degree.get(n.id) || 0) >= 6 },
        })),
        links: links.map((e) => ({ source: e.source, target: e.target, relation: e.type,
          lineStyle: e.type === 'betrokkene' ? { type: 'dashed' } : undefined })),
        // A circular start makes the layout the same on every load (the default starts at random).
        force: { initLayout: 'circular', repulsion: 45, edgeLength: [12, 40], gravity: 0.3, friction: 0.2, layoutAnimation: false },
        label: { position: 'right', fontSize: 11, color: '#1b1f24' },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency', label: { show: true }, lineStyle: { width: 3 } },
        lineStyle: { color: 'source', opacity: 0.45, curveness: 0.08 },
      }],
    }, { replaceMerge: ['series'] });
  }

  find(text) {
    const wanted = text.trim().toLowerCase();
    const node = this.data.find((n) => n.label.toLowerCase() === wanted)
      || this.data.find((n) => n.label.toLowerCase().includes(wanted));
    if (wanted && node) {
      this.select(node.id);
    }
  }

  /** Shows a node's details and its neighbours; the page of the resource is one link away. */
  select(id) {
    const node = this.nodes.get(id);
    if (!node) {
      return;
    }
    const direct = this.edges
      .filter((e) => e.source === id || e.target === id)
      .map((e) => ({ other: this.nodes.get(e.source === id ? e.target : e.source), relation: e.type, part: e.target === id && e.type === 'deelVan' }));
    // A whole motion is carried out through its parts: name those actions with the motion too.
    const throughParts = direct.filter((n) => n.part && n.other).flatMap((n) => this.edges
      .filter((e) => e.target === n.other.id && e.type === 'geeftUitvoeringAan')
      .map((e) => ({ other: this.nodes.get(e.source), relation: e.type })));
    const neighbours = [...direct, ...throughParts]
      .filter((n) => n.other)
      .sort((a, b) => a.other.label.localeCompare(b.other.label, undefined, { numeric: true }));
    // The node and everything listed beside it stand out; the rest of the network fades.
    const marked = new Set([id, ...neighbours.map((n) => n.other.id)]);
    const indices = this.data.map((n, i) => (marked.has(n.id) ? i : -1)).filter((i) => i >= 0);
    this.chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    if (indices.length) {
      this.chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: indices });
    }
    const facts = [];
    if (node.omschrijving) {
      facts.push(el('p', {}, node.omschrijving));
    }
    if (node.themaLabel) {
      facts.push(el('p', {}, `${t('netwerk.filterThema')}: ${node.themaLabel}`));
    }
    if (node.status) {
      facts.push(el('p', {}, el('span', { class: `status status-${node.status}` }, t(`status.${node.status}`))));
    }
    document.getElementById('netwerk-details-inhoud').replaceChildren(
      el('p', { class: 'type' }, t(`types.${node.type}`)),
      el('h3', { id: 'netwerk-gekozen' }, node.label),
      ...facts,
      el('p', {}, el('a', { href: localPath(node.id), id: 'netwerk-bronpagina' }, t('common.resourcePage'))),
      el('h4', {}, t('netwerk.verbonden')),
      el('ul', {}, neighbours.map(({ other, relation }) => el('li', {},
        el('button', { type: 'button', class: 'link', onclick: () => this.select(other.id) }, other.label),
        ' ', el('span', { class: 'muted' }, `(${t(`netwerk.relaties.${relation}`)})`)))),
    );
  }

  shown() {
    this.chart.resize();
  }
}

function addOptions(selectId, options) {
  const select = document.getElementById(selectId);
  for (const [value, label] of options) {
    select.append(el('option', { value }, label));
  }
}

// Network: who asked for what and who carries it out, as a flow from left to right: submitters →
// motions → actions → organisations. It starts focused on one node (the chosen one, in the address)
// with its neighbours; "whole network" shows everything. Columns and a fixed row height keep labels
// apart; a filter hides nodes but never moves the others around by a simulation. Node types differ
// in shape and colour. The table below the drawing lists the same nodes and links for the keyboard.
import { t } from './i18n.js';
import { query, localName, localPath, STATUSES, chart, draw, el, escapeHtml, loadEcharts, downloads, shortNames } from './api.js';
import { param, setParams } from './state.js';

const TYPES = ['persoon', 'motie', 'actie', 'organisatie'];
const COLOURS = { actie: '#0b57a4', motie: '#8e24aa', persoon: '#c2410c', organisatie: '#00796b' };
const SHAPES = { actie: 'circle', motie: 'diamond', persoon: 'triangle', organisatie: 'rect' };
const ROW = 22; // pixels per node in a column: room for one line of label

/** What an edge row says, read by column name: the network query's shape may grow (roles, submitters). */
function edgeOf(e) {
  return { source: e.source ?? e.bron, target: e.target ?? e.doel, type: e.type ?? e.rol ?? e.relatie };
}

export async function init() {
  const [graph, personen, acties, namen] = await Promise.all([
    query('netwerk'), query('personen'), query('acties-per-thema'), query('namen'), loadEcharts()]);
  const nodes = new Map((graph.nodes || []).map((n) => [n.id, { ...n, type: n.type || 'actie', label: n.label || localName(n.id) }]));
  const edges = (graph.edges || []).map(edgeOf).filter((e) => e.source && e.target);
  const known = new Set(edges.map((e) => `${e.source} ${e.target} ${e.type}`));
  for (const p of personen) {
    if (!nodes.has(p.motie) || !p.persoon) {
      continue; // a motion no action carries out is not in this picture
    }
    if (!nodes.has(p.persoon)) {
      nodes.set(p.persoon, { id: p.persoon, label: p.persoonLabel || localName(p.persoon), type: 'persoon' });
    }
    const key = `${p.motie} ${p.persoon} indiener`;
    if (!known.has(key) && !known.has(`${p.persoon} ${p.motie} indiener`)) {
      known.add(key);
      edges.push({ source: p.motie, target: p.persoon, type: 'indiener' });
    }
  }
  for (const a of acties) {
    const node = nodes.get(a.actie) || { id: a.actie, label: `${t('common.actie')} ${a.nummer}`, type: 'actie' };
    Object.assign(node, { nummer: Number(a.nummer), thema: a.hoofdthema, themaLabel: a.hoofdthemaLabel, status: localName(a.status), omschrijving: a.omschrijving });
    nodes.set(a.actie, node);
  }
  for (const [resource, short] of shortNames(namen)) {
    if (nodes.has(resource)) {
      nodes.get(resource).kort = short;
    }
  }
  for (const { resource, naam } of namen) {
    const node = nodes.get(resource);
    if (node) {
      (node.namen ||= []).push(naam);
    }
  }
  const view = new NetworkView(nodes, edges);
  view.fillFilters(acties);
  await view.restore();
  downloads(document.querySelector('#netwerk .downloads'));
  return view;
}

/** Lower case, without accents and the parenthesised submitters: "Motie 35510-21 (Marijnissen c.s.)" → "motie 35510-21". */
function normal(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The names a node answers to, most exact first: its label, the label without submitters, identifiers, abbreviations. */
function namesOf(node) {
  const names = [node.label, node.label.replace(/\s*\(.*\)\s*$/, ''), localName(node.id), ...(node.namen || [])];
  if (node.type === 'actie' && node.nummer) {
    names.push(String(node.nummer), `actie ${node.nummer}`, `action ${node.nummer}`);
  }
  const kamerstuk = node.id.match(/kamerstuk\/(\d+)-(\d+)(?:-deel-(\d+))?$/);
  if (kamerstuk) {
    names.push(`${kamerstuk[1]}-${kamerstuk[2]}${kamerstuk[3] ? ` deel ${kamerstuk[3]}` : ''}`);
    if (!kamerstuk[3]) {
      names.push(`nr. ${kamerstuk[2]}`, `nr ${kamerstuk[2]}`, `motie ${kamerstuk[2]}`);
    }
  }
  return names.map(normal);
}

class NetworkView {
  constructor(nodes, edges) {
    this.nodes = nodes;
    this.edges = edges;
    this.container = document.getElementById('chart-netwerk');
    this.chart = chart(this.container);
    this.chart.on('click', (p) => p.dataType === 'node' && this.choose(p.data.id));
    this.chart.on('dblclick', (p) => p.dataType === 'node' && window.location.assign(localPath(p.data.id)));
    document.getElementById('netwerk-zoeken').addEventListener('submit', (e) => {
      e.preventDefault();
      this.find(document.getElementById('netwerk-zoek').value);
    });
    document.getElementById('netwerk-heel').addEventListener('change', (e) => {
      setParams({ heel: e.target.checked ? 'ja' : null });
      this.draw();
    });
    const filters = document.getElementById('netwerk-filters');
    filters.addEventListener('submit', (e) => e.preventDefault());
    filters.addEventListener('reset', () => {
      setParams({ nthema: null, nstatus: null, norganisatie: null });
      setTimeout(() => this.restore());
    });
    for (const [id, name] of [['filter-thema', 'nthema'], ['filter-status', 'nstatus'], ['filter-organisatie', 'norganisatie']]) {
      document.getElementById(id).addEventListener('change', (e) => {
        setParams({ [name]: e.target.value ? localName(e.target.value) : null });
        this.draw();
      });
    }
    document.getElementById('netwerk-knopen').replaceChildren(
      ...[...nodes.values()].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }))
        .map((n) => el('option', { value: n.label })));
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

  /** Reads the address: chosen node, whole network or not, filters (at start and on back/forward). */
  async restore() {
    for (const [id, name] of [['filter-thema', 'nthema'], ['filter-status', 'nstatus'], ['filter-organisatie', 'norganisatie']]) {
      const select = document.getElementById(id);
      const wanted = param(name);
      select.value = [...select.options].find((o) => o.value && localName(o.value) === wanted)?.value || '';
    }
    document.getElementById('netwerk-heel').checked = param('heel') === 'ja';
    const chosen = this.nodeByKey(param('knoop')) || this.defaultFocus();
    this.focus = chosen ? chosen.id : null;
    await this.draw();
    if (this.focus) {
      this.showDetails(this.focus);
    }
  }

  /** A node from its key in the address (the IRI's path under /id/). */
  nodeByKey(key) {
    if (!key) {
      return null;
    }
    return this.nodes.get(`https://w3id.org/actiegraaf/id/${key}`) || null;
  }

  keyOf(id) {
    return id.replace('https://w3id.org/actiegraaf/id/', '');
  }

  /** Without a choice: the motion carried out by the most actions. */
  defaultFocus() {
    const motions = [...this.nodes.values()].filter((n) => n.type === 'motie' && !/-deel-\d+$/.test(n.id));
    const count = (m) => this.actionsOf(m.id).size;
    return motions.sort((a, b) => count(b) - count(a) || a.label.localeCompare(b.label, undefined, { numeric: true }))[0] || null;
  }

  /** The actions that carry out a motion, itself or through its parts. */
  actionsOf(motion) {
    const parts = new Set([motion, ...this.edges.filter((e) => e.type === 'deelVan' && e.target === motion).map((e) => e.source)]);
    return new Set(this.edges.filter((e) => e.type === 'geeftUitvoeringAan' && parts.has(e.target)).map((e) => e.source));
  }

  passes(node) {
    if (node.type !== 'actie') {
      return true;
    }
    const thema = document.getElementById('filter-thema').value;
    const status = document.getElementById('filter-status').value;
    const organisatie = document.getElementById('filter-organisatie').value;
    return (!thema || node.thema === thema) && (!status || node.status === status)
      && (!organisatie || this.edges.some((e) => e.source === node.id && e.target === organisatie));
  }

  /** The nodes to draw: the focus and its neighbours (or everything), then only actions passing the filters and what hangs on them. */
  visible() {
    const whole = document.getElementById('netwerk-heel').checked || !this.focus;
    let candidates;
    if (whole) {
      candidates = new Set(this.nodes.keys());
    } else {
      candidates = new Set([this.focus]);
      const focus = this.nodes.get(this.focus);
      const step = (ids, types) => {
        for (const e of this.edges) {
          if (ids.has(e.source) && types.includes(this.nodes.get(e.target)?.type)) candidates.add(e.target);
          if (ids.has(e.target) && types.includes(this.nodes.get(e.source)?.type)) candidates.add(e.source);
        }
      };
      if (focus.type === 'motie') {
        const whole = this.edges.find((e) => e.type === 'deelVan' && e.source === focus.id)?.target || focus.id;
        candidates.add(whole);
        for (const a of this.actionsOf(whole)) candidates.add(a);
        step(new Set(candidates), ['motie', 'persoon']);
      } else {
        step(new Set([focus.id]), TYPES);
      }
      const actions = new Set([...candidates].filter((id) => this.nodes.get(id)?.type === 'actie'));
      step(actions, focus.type === 'organisatie' ? ['motie'] : ['motie', 'organisatie']);
      const motions = new Set([...candidates].filter((id) => this.nodes.get(id)?.type === 'motie'));
      for (const e of this.edges) {
        if (e.type === 'deelVan' && motions.has(e.source)) candidates.add(e.target);
      }
      step(new Set([...candidates].filter((id) => this.nodes.get(id)?.type === 'motie')), ['persoon']);
    }
    // Filters: actions that fail them go, and so does whatever hung only on them.
    const actions = new Set([...candidates].filter((id) => this.nodes.get(id)?.type === 'actie' && this.passes(this.nodes.get(id))));
    const shown = new Set(actions);
    const hangsOn = (ids, types) => {
      for (const e of this.edges) {
        for (const [from, to] of [[e.source, e.target], [e.target, e.source]]) {
          if (ids.has(from) && candidates.has(to) && types.includes(this.nodes.get(to)?.type)) shown.add(to);
        }
      }
    };
    hangsOn(actions, ['motie', 'organisatie']);
    hangsOn(new Set([...shown].filter((id) => this.nodes.get(id)?.type === 'motie')), ['motie']);
    hangsOn(new Set([...shown].filter((id) => this.nodes.get(id)?.type === 'motie')), ['persoon']);
    if (this.focus && candidates.has(this.focus) && this.passes(this.nodes.get(this.focus))) {
      shown.add(this.focus);
    }
    return shown;
  }

  draw() {
    const shown = this.visible();
    const data = [...shown].map((id) => this.nodes.get(id)).filter(Boolean);
    const links = this.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
    const message = document.getElementById('netwerk-melding');
    const actions = data.filter((n) => n.type === 'actie');
    if (actions.length === 0) {
      message.replaceChildren(t('netwerk.leeg'), ' ',
        el('button', { type: 'button', id: 'netwerk-reset', onclick: () => document.getElementById('netwerk-filters').reset() }, t('netwerk.wis')));
    } else {
      message.replaceChildren();
    }
    // Columns by type; within a column a stable order (motions and actions by number, others by name).
    const columns = TYPES.map((type) => data.filter((n) => n.type === type)
      .sort((a, b) => (a.nummer && b.nummer ? a.nummer - b.nummer : a.label.localeCompare(b.label, undefined, { numeric: true }))))
      .filter((column) => column.length > 0);
    const longest = Math.max(1, ...columns.map((c) => c.length));
    const height = Math.max(320, longest * ROW + 70);
    this.container.style.height = `${height}px`;
    this.chart.resize();
    const width = this.container.clientWidth || 800;
    const columnWidth = width / Math.max(1, columns.length);
    const positions = new Map();
    columns.forEach((column, c) => {
      const offset = ((longest - column.length) * ROW) / 2; // each column centred in the height
      column.forEach((n, r) => positions.set(n.id, [c * columnWidth, offset + r * ROW]));
    });
    this.data = data;
    document.getElementById('netwerk-telling').textContent = t('netwerk.telling', { knopen: data.length, lijnen: links.length });
    const focus = this.nodes.get(this.focus);
    document.getElementById('desc-netwerk').textContent = focus && !document.getElementById('netwerk-heel').checked
      ? t('netwerk.beschrijvingFocus', { knoop: focus.label, acties: actions.length, knopen: data.length })
      : t('netwerk.beschrijvingHeel', { acties: actions.length, knopen: data.length, lijnen: links.length });
    this.fillTable(data, links);
    return draw(this.chart, {
      aria: { enabled: false },
      animation: false,
      tooltip: { formatter: (p) => (p.dataType === 'edge'
        ? escapeHtml(t(`netwerk.relaties.${p.data.relation}`))
        : `${escapeHtml(t(`types.${p.data.type}`))}: ${escapeHtml(p.data.fullName)}`) },
      legend: [{ top: 4, data: TYPES.map((type) => ({ name: t(`types.${type}`), icon: SHAPES[type] === 'rect' ? 'rect' : SHAPES[type] })) }],
      series: [{
        type: 'graph', layout: 'none', roam: false, draggable: false,
        left: 12, right: columnWidth - 12, top: 44, bottom: 20,
        categories: TYPES.map((type) => ({ name: t(`types.${type}`), symbol: SHAPES[type], itemStyle: { color: COLOURS[type] } })),
        data: data.map((n) => ({
          // A long name of a body drawn as its abbreviation ("BZK"); the tooltip and the table give it in full.
          id: n.id, name: n.kort && n.label.length > 24 ? n.kort : n.label, fullName: n.label, type: n.type, category: TYPES.indexOf(n.type),
          x: positions.get(n.id)[0], y: positions.get(n.id)[1], symbol: SHAPES[n.type],
          symbolSize: n.id === this.focus ? 16 : 11,
          label: { show: true, position: 'right', width: columnWidth - 28, overflow: 'truncate',
            fontWeight: n.id === this.focus ? 'bold' : 'normal' },
        })),
        links: links.map((e) => ({ source: e.source, target: e.target, relation: e.type,
          lineStyle: e.type === 'betrokkene' ? { type: 'dashed' } : undefined })),
        label: { fontSize: 12, color: '#1b1f24' },
        emphasis: { focus: 'adjacency', lineStyle: { width: 3 } },
        lineStyle: { color: 'source', opacity: 0.5, curveness: 0.15 },
      }],
    }, { replaceMerge: ['series'] });
  }

  fillTable(data, links) {
    const byId = new Map(data.map((n) => [n.id, n]));
    const table = document.getElementById('tabel-netwerk');
    table.replaceChildren(
      el('thead', {}, el('tr', {}, [t('netwerk.knoop'), t('netwerk.soort'), t('netwerk.verbonden')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, data.map((n) => el('tr', {},
        el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => this.choose(n.id) }, n.label)),
        el('td', {}, t(`types.${n.type}`)),
        el('td', {}, links.filter((e) => e.source === n.id || e.target === n.id).map((e, i) => {
          const other = byId.get(e.source === n.id ? e.target : e.source);
          return [i ? '; ' : '', `${t(`netwerk.relaties.${e.type}`)} `, el('a', { href: localPath(other.id) }, other.label)];
        }).flat())))));
  }

  /** Go to node: exact names and identifiers first, then the start of a name, then any part of one. */
  find(text) {
    const wanted = normal(text);
    const message = document.getElementById('netwerk-melding');
    if (!wanted) {
      return;
    }
    const all = [...this.nodes.values()];
    const rank = (n) => {
      const names = namesOf(n);
      if (names.includes(wanted)) return 0;
      if (names.some((name) => name.startsWith(wanted))) return 1;
      if (names.some((name) => name.includes(wanted))) return 2;
      return 3;
    };
    const found = all.map((n) => [n, rank(n)]).filter(([, r]) => r < 3)
      .sort((a, b) => a[1] - b[1] || a[0].label.length - b[0].label.length)[0];
    if (!found) {
      message.replaceChildren(t('netwerk.nietGevonden', { zoek: text }));
      return;
    }
    message.replaceChildren();
    this.choose(found[0].id);
  }

  /** Chooses a node: it becomes the focus (in the address), its neighbours are drawn, its details listed. */
  async choose(id) {
    if (!this.nodes.has(id)) {
      return;
    }
    this.focus = id;
    setParams({ knoop: this.keyOf(id) });
    const whole = document.getElementById('netwerk-heel').checked;
    await this.draw();
    this.showDetails(id);
    if (whole) {
      const index = this.data.findIndex((n) => n.id === id);
      this.chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: index });
    }
  }

  /** The details of a node and its neighbours; for a motion, the actions carrying out its parts too. */
  showDetails(id) {
    const node = this.nodes.get(id);
    const direct = this.edges
      .filter((e) => e.source === id || e.target === id)
      .map((e) => ({ other: this.nodes.get(e.source === id ? e.target : e.source), relation: e.type }));
    const throughParts = node.type === 'motie'
      ? [...this.actionsOf(id)].map((a) => ({ other: this.nodes.get(a), relation: 'geeftUitvoeringAan' })) : [];
    const seen = new Set();
    const neighbours = [...direct, ...throughParts]
      .filter((n) => n.other && !seen.has(`${n.other.id} ${n.relation}`) && seen.add(`${n.other.id} ${n.relation}`))
      .sort((a, b) => a.other.label.localeCompare(b.other.label, undefined, { numeric: true }));
    const facts = [];
    if (node.omschrijving) facts.push(el('p', {}, node.omschrijving));
    if (node.themaLabel) facts.push(el('p', {}, `${t('netwerk.filterThema')}: ${node.themaLabel}`));
    if (node.status) facts.push(el('p', {}, el('span', { class: `status status-${node.status}` }, t(`status.${node.status}`))));
    if (node.type === 'motie') {
      const actions = [...this.actionsOf(id)].map((a) => this.nodes.get(a)).filter(Boolean).sort((a, b) => a.nummer - b.nummer);
      facts.push(el('p', { id: 'netwerk-uitgevoerd' }, t('netwerk.uitgevoerdDoor', { aantal: actions.length }), ' ',
        ...actions.flatMap((a, i) => [i ? ', ' : '', el('a', { href: localPath(a.id) }, a.label)])));
    }
    document.getElementById('netwerk-details-inhoud').replaceChildren(
      el('p', { class: 'type' }, t(`types.${node.type}`)),
      el('h3', { id: 'netwerk-gekozen' }, node.label),
      ...facts,
      el('p', {}, el('a', { href: localPath(node.id), id: 'netwerk-bronpagina' }, t('common.resourcePage'))),
      el('h4', {}, t('netwerk.verbonden')),
      el('ul', {}, neighbours.map(({ other, relation }) => el('li', {},
        el('button', { type: 'button', class: 'link', onclick: () => this.choose(other.id) }, other.label),
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

// Talking to the facade: the curated queries of the JSON API, and small DOM helpers.
import { t } from './i18n.js';

// The queries about the editions themselves have no "as of" (their header says asOf: false).
const WITHOUT_AS_OF = new Set(['edities', 'wijzigingen', 'geschiedenis']);

/** The edition the page shows the state of (?editie=... in the address), or null for the current state. */
export function asOfEdition() {
  return new URLSearchParams(location.search).get('editie');
}

/** Every row of a curated query, following the API's Link rel="next" pages; as of the chosen edition. */
export async function query(name, params = {}) {
  const search = new URLSearchParams(params);
  if (asOfEdition() && !WITHOUT_AS_OF.has(name) && !search.has('editie')) {
    search.set('editie', asOfEdition());
  }
  let url = `/api/queries/${encodeURIComponent(name)}${search.toString() ? `?${search}` : ''}`;
  let rows = [];
  while (url) {
    const response = await politeFetch(url);
    if (!response.ok) {
      throw await problemOf(response);
    }
    const body = await response.json();
    if (!Array.isArray(body)) {
      return body; // a graph query: {nodes, edges}, one answer
    }
    rows = rows.concat(body);
    url = nextPage(response.headers.get('Link'));
  }
  return rows;
}

// The facade serves each client a few queries at a time (more get 429): a view asks for its
// data through this small queue, and waits as told by Retry-After when the server is busy.
const MAX_AT_ONCE = 3;
let running = 0;
const waiting = [];

async function politeFetch(url, attempt = 0) {
  if (running >= MAX_AT_ONCE) {
    await new Promise((resolve) => waiting.push(resolve));
  }
  running += 1;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } finally {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      next();
    }
  }
  if ((response.status === 429 || response.status === 503) && attempt < 3) {
    const seconds = Math.min(Number(response.headers.get('Retry-After')) || 1, 5);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return politeFetch(url, attempt + 1);
  }
  return response;
}

function nextPage(link) {
  if (!link) {
    return null;
  }
  const match = link.split(',').map((part) => part.match(/<([^>]+)>\s*;\s*rel="?next"?/)).find(Boolean);
  return match ? match[1] : null;
}

export async function getJson(url) {
  const response = await politeFetch(url);
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

/**
 * What an error answer tells the reader. The facade answers every error as an RFC 9457 problem
 * (application/problem+json): its detail says what is wrong ("parameter editie: ..."), in words
 * meant for a person; the status alone ("400") is no help. Other answers give their text's first line.
 */
export async function problemText(response) {
  const text = await response.text().catch(() => '');
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (body && typeof body === 'object') {
    const said = body.detail || body.melding || body.error || body.title;
    if (said) {
      return String(said);
    }
  }
  const firstLine = text.trim().split('\n')[0].substring(0, 300);
  return `HTTP ${response.status}${firstLine && !firstLine.startsWith('<') ? `: ${firstLine}` : ''}`;
}

/** An Error for a failed answer, its message the problem's detail (see problemText). */
async function problemOf(response) {
  const error = new Error(await problemText(response));
  error.status = response.status;
  return error;
}

/**
 * Our IRIs live on this server: https://w3id.org/actiegraaf/id/actie/12 -> /id/actie/12; on the
 * English page with ?lang=en, so the resource page keeps the reader's language.
 */
export function localPath(iri) {
  const base = 'https://w3id.org/actiegraaf';
  if (!iri || !iri.startsWith(`${base}/`)) {
    return iri;
  }
  const path = iri.substring(base.length);
  const lang = new URLSearchParams(location.search).get('lang');
  return lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}` : path;
}

/** The local name of a vocabulary term: ...def#Lopend -> Lopend. */
export function localName(iri) {
  return iri ? iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1) : '';
}

export const STATUSES = ['Afgerond', 'Lopend', 'NietGestart', 'Onbekend'];

/** The status colours of the stylesheet, so charts and badges agree. */
export function statusColour(status) {
  const style = getComputedStyle(document.documentElement);
  return style.getPropertyValue(`--${status.toLowerCase()}`).trim() || '#616161';
}

/** An element with attributes and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A table from a header row and rows of cells. */
export function fillTable(table, headers, rows) {
  table.replaceChildren(
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))),
  );
}

/** Escapes text for the HTML of a chart tooltip. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

let echartsLoaded;

/** ECharts, loaded the first time a view that draws asks for it (the table and query views do not). */
export function loadEcharts() {
  if (!echartsLoaded) {
    echartsLoaded = window.echarts ? Promise.resolve(window.echarts) : new Promise((resolve, reject) => {
      // early.js may have started it (a drawing view in the address): wait for that script, not a second one.
      let script = document.querySelector('script[data-echarts]');
      if (!script) {
        script = el('script', { src: document.querySelector('meta[name=actiegraaf-echarts]').content, 'data-echarts': true });
        document.head.append(script);
      }
      script.addEventListener('load', () => resolve(window.echarts));
      script.addEventListener('error', () => reject(new Error('ECharts')));
    });
  }
  return echartsLoaded;
}

/**
 * A chart in a container; it follows the window's size. ECharts' generated aria text stays off: it
 * would replace the container's written label and description ("the data for Actie 1 is NaN").
 */
export function chart(container) {
  const instance = window.echarts.init(container, null, { renderer: 'canvas' });
  window.addEventListener('resize', () => instance.resize());
  return instance;
}

/**
 * The download links under a chart or table (a <p class="downloads" data-csv=... data-chart=...>):
 * its data as CSV from the curated query, the chart as PNG and SVG.
 */
export function downloads(holder, { csv = holder.dataset.csv, params = {} } = {}) {
  if (!holder) {
    return;
  }
  const [name, given] = (csv || '').split('?');
  const search = new URLSearchParams(given || '');
  for (const [key, value] of Object.entries(params)) {
    if (value) {
      search.set(key, value);
    }
  }
  if (asOfEdition() && !WITHOUT_AS_OF.has(name)) {
    search.set('editie', asOfEdition());
  }
  const file = holder.dataset.name || name;
  const links = [];
  if (name) {
    links.push(el('a', { href: `/api/queries/${name}.csv${search.toString() ? `?${search}` : ''}`, download: `${file}.csv`, class: 'download' },
      t('common.csv')));
  }
  const chartId = holder.dataset.chart;
  if (chartId) {
    links.push(el('button', { type: 'button', class: 'link download', onclick: () => saveChart(chartId, 'png', file) }, t('common.png')));
    links.push(el('button', { type: 'button', class: 'link download', onclick: () => saveChart(chartId, 'svg', file) }, t('common.svg')));
  }
  holder.replaceChildren(...links.flatMap((link, i) => (i ? [' · ', link] : [link])));
}

/** Saves a chart as a picture: PNG from the drawn canvas, SVG drawn again by ECharts' SVG renderer. */
function saveChart(chartId, type, file) {
  const container = document.getElementById(chartId);
  const instance = window.echarts.getInstanceByDom(container);
  if (!instance) {
    return;
  }
  let url;
  if (type === 'png') {
    url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } else {
    const box = container.getBoundingClientRect();
    const holder = el('div', { style: `position:absolute;left:-10000px;width:${box.width}px;height:${box.height}px` });
    document.body.append(holder);
    const copy = window.echarts.init(holder, null, { renderer: 'svg', width: box.width, height: box.height });
    const option = instance.getOption();
    copy.setOption({ ...option, animation: false });
    url = copy.getDataURL({ type: 'svg' });
    copy.dispose();
    holder.remove();
  }
  const link = el('a', { href: url, download: `${file}.${type}` });
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Sets a chart's option; resolves once echarts has finished drawing it. Without animation unless the
 * option asks for one: bars growing for a second kept the overview's and timeline's numbers unreadable
 * for that second (measured: the data took 1.4-7 s to show with animation), and a workbench shows its
 * data at once.
 */
export function draw(instance, option, settings) {
  return new Promise((resolve) => {
    const done = () => {
      instance.off('finished', done);
      resolve(instance);
    };
    instance.on('finished', done);
    instance.setOption({ animation: false, ...option }, settings);
  });
}

/** The abbreviation of each body ("BZK"): its shortest other name written mostly in capitals. */
export function shortNames(namen) {
  const best = new Map();
  for (const { resource, naam } of namen) {
    const capitals = (naam.match(/[A-Z]/g) || []).length;
    if (naam.length <= 10 && capitals >= 2 && !/\s/.test(naam)) {
      const known = best.get(resource);
      if (!known || naam.length < known.length) {
        best.set(resource, naam);
      }
    }
  }
  return best;
}

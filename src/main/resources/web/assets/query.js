// Query: YASGUI against this server's /sparql, with the curated queries as examples (one click loads
// one) and the ontology's prefixes. The address holds the query text (?query=...#query): a shared
// link opens this view and runs it. Unsaved work survives a reload (localStorage). Result links to
// our own resources open this server's pages. A curated query with required parameters asks for
// them in a form built from its header (the API's description) and runs through the API, which
// binds the values typed. YASGUI is loaded only when this view is opened.
import { t } from './i18n.js';
import { getJson, el, localPath, fillTable, problemText } from './api.js';
import { param, setParams } from './state.js';

const SAVED = 'actiegraaf.query';

export async function init() {
  const [editor, catalogue] = await Promise.all([getJson('/page/editor.json'), getJson('/api/queries').catch(() => []), loadYasgui()]);
  const Yasgui = window.Yasgui;
  // Autocompleters that would ask other servers (prefix.cc, LOV) stay off: this page talks to us only.
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter((name) => name === 'variables');
  const endpoint = new URL('/sparql', window.location.href).toString();
  const shared = param('query');
  const example = param('voorbeeld');
  const start = shared || (example && editor.queries[example] && withPrefixes(editor.queries[example], editor.prefixes))
    || localStorage.getItem(SAVED) || withPrefixes(editor.queries['acties-per-thema'] || '', editor.prefixes);
  const yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    yasqe: { value: start },
  });
  const tab = yasgui.getTab();
  // YASGUI's own share button gives this view's address with the query (its own link opened the overview).
  Object.getPrototypeOf(tab).getShareableLink = function shareLink() {
    return shareUrl(this.getQuery());
  };
  const yasqe = tab.getYasqe();
  // YASGUI leaves its editor's text field and its endpoint field without a name for screen readers.
  yasqe.getInputField().setAttribute('aria-label', t('query.editor'));
  for (const input of document.querySelectorAll('#yasgui .autocomplete, #yasgui input:not([aria-label])')) {
    input.setAttribute('aria-label', t('query.endpoint'));
  }
  yasqe.on('change', () => localStorage.setItem(SAVED, yasqe.getValue()));
  localLinks(document.getElementById('yasgui'));

  const parameters = new Map(catalogue.map((q) => [q.name, q.parameters || q.params || []]));
  const summaries = new Map(catalogue.map((q) => [q.name, q.summary]));
  const select = document.getElementById('query-kies');
  for (const name of Object.keys(editor.queries)) {
    select.append(el('option', { value: name }, summaries.has(name) ? `${name} – ${summaries.get(name)}` : name));
  }
  const load = (name, run) => {
    const text = editor.queries[name];
    if (!text) {
      return;
    }
    yasqe.setValue(withPrefixes(text, editor.prefixes));
    setParams({ voorbeeld: name, query: null });
    const required = (parameters.get(name) || []).filter((p) => p.required);
    paramForm(name, parameters.get(name) || []);
    if (run && required.length === 0) {
      yasqe.query();
    }
  };
  // One click: choosing an example loads it (the button loads it again, for the keyboard).
  select.addEventListener('change', () => load(select.value, false));
  document.getElementById('query-voorbeelden').addEventListener('submit', (e) => {
    e.preventDefault();
    load(select.value, false);
    yasqe.focus();
  });
  document.getElementById('query-deel').addEventListener('click', async () => {
    const url = shareUrl(yasqe.getValue());
    setParams({ query: yasqe.getValue(), voorbeeld: null }, { push: false });
    const note = document.getElementById('query-deel-uitleg');
    try {
      await navigator.clipboard.writeText(url);
      note.textContent = t('query.gekopieerd');
    } catch {
      note.textContent = t('query.deelLink');
    }
  });
  if (example && editor.queries[example]) {
    select.value = example;
    paramForm(example, parameters.get(example) || []);
  }
  // A shared link runs at once; so does an example that needs no values.
  if (shared || (example && !(parameters.get(example) || []).some((p) => p.required))) {
    yasqe.query();
  }
  return {
    yasgui,
    restore: () => {
      const text = param('query');
      if (text && text !== yasqe.getValue()) {
        yasqe.setValue(text);
        yasqe.query();
      } else if (param('voorbeeld') && param('voorbeeld') !== select.value) {
        select.value = param('voorbeeld');
        load(param('voorbeeld'), true);
      }
    },
  };
}

/** This view's address with a query in it (the language and the as-of edition kept). */
function shareUrl(text) {
  const search = new URLSearchParams();
  for (const keep of ['lang', 'editie']) {
    const value = new URLSearchParams(location.search).get(keep);
    if (value) search.set(keep, value);
  }
  search.set('query', text);
  return `${location.origin}/?${search}#query`;
}

/** The form for a curated query's parameters; it runs the query through the API, which binds the values. */
function paramForm(name, parameters) {
  const form = document.getElementById('query-params');
  const asked = parameters.filter((p) => p.name !== 'editie' && p.name !== 'peildatum');
  const result = document.getElementById('query-params-resultaat');
  if (result) result.remove();
  if (!asked.some((p) => p.required)) {
    form.hidden = true;
    form.replaceChildren();
    return;
  }
  form.hidden = false;
  const inputType = (p) => ({ integer: 'number', date: 'date' })[p.type] || 'text';
  form.replaceChildren(
    el('p', { class: 'muted' }, t('query.parameters', { naam: name })),
    ...asked.map((p) => el('label', {}, `${p.name}${p.required ? ' *' : ''}`,
      p.enum ? el('select', { name: p.name, required: p.required || null }, el('option', { value: '' }, ''), p.enum.map((v) => el('option', { value: v }, v)))
        : el('input', { name: p.name, type: inputType(p), required: p.required || null, placeholder: p.example || '', title: p.description || '' }))),
    el('button', { type: 'submit' }, t('query.uitvoeren')));
  form.onsubmit = async (e) => {
    e.preventDefault();
    const search = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value) search.set(key, value);
    }
    const url = `/api/queries/${encodeURIComponent(name)}?${search}`;
    const holder = el('section', { id: 'query-params-resultaat', 'aria-live': 'polite' });
    document.getElementById('query-params-resultaat')?.remove();
    form.after(holder);
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      // The API's refusal is a problem document whose detail names the parameter and what it expects.
      holder.append(el('p', { class: 'error', role: 'alert' }, await problemText(response)));
      return;
    }
    const body = await response.json().catch(() => ({}));
    const rows = Array.isArray(body) ? body : [];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const table = el('table', { class: 'data' });
    fillTable(table, columns, rows.map((r) => columns.map((c) => cell(r[c]))));
    holder.append(el('p', {}, t('query.rijen', { aantal: rows.length }), ' · ',
      el('a', { href: url.replace(`/${encodeURIComponent(name)}?`, `/${encodeURIComponent(name)}.csv?`) }, t('common.csv'))), table);
  };
}

function cell(value) {
  if (value == null) return '';
  const text = String(value);
  return text.startsWith('https://w3id.org/actiegraaf/') ? el('a', { href: localPath(text) }, localPath(text).replace(/\?.*/, '')) : text;
}

/** Links YASR draws to our own IRIs open this server's page, in this tab. */
function localLinks(root) {
  const fix = () => {
    for (const a of root.querySelectorAll('a[href^="https://w3id.org/actiegraaf/"]')) {
      a.href = localPath(a.getAttribute('href'));
      a.removeAttribute('target');
    }
  };
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
}

/** The query with the ontology's prefixes it does not declare itself, in front. */
function withPrefixes(text, prefixes) {
  const declared = new Set([...text.matchAll(/^\s*PREFIX\s+([\w-]*):/gim)].map((m) => m[1]));
  const missing = Object.entries(prefixes).filter(([p]) => !declared.has(p))
    .map(([p, iri]) => `PREFIX ${p}: <${iri}>`);
  if (missing.length === 0) {
    return text;
  }
  // After the documentation header (#+ lines), before the query's own prefixes.
  const lines = text.split('\n');
  let header = 0;
  while (header < lines.length && lines[header].startsWith('#')) {
    header += 1;
  }
  return [...lines.slice(0, header), ...(header ? [''] : []), ...missing, ...lines.slice(header).filter((l, i) => i > 0 || l.trim())].join('\n');
}

function loadYasgui() {
  const base = document.querySelector('meta[name=actiegraaf-yasgui]').content;
  document.head.append(el('link', { rel: 'stylesheet', href: `${base}/yasgui.min.css` }));
  return new Promise((resolve, reject) => {
    document.head.append(el('script', { src: `${base}/yasgui.min.js`, onload: resolve,
      onerror: () => reject(new Error(t('common.error'))) }));
  });
}

// Query: YASGUI against this server's /sparql, with the curated queries as examples and the
// ontology's prefixes. YASGUI is loaded only when this view is opened: the first paint stays light.
import { t } from './i18n.js';
import { query, getJson, el } from './api.js';

export async function init() {
  const [editor, catalogue] = await Promise.all([getJson('/page/editor.json'), getJson('/api/queries').catch(() => [])]);
  await loadYasgui();
  const Yasgui = window.Yasgui;
  // Autocompleters that would ask other servers (prefix.cc, LOV) stay off: this page talks to us only.
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter((name) => name === 'variables');
  const endpoint = new URL('/sparql', window.location.href).toString();
  const yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    yasqe: { value: withPrefixes(editor.queries['acties-per-thema'] || '', editor.prefixes) },
  });

  const select = document.getElementById('query-kies');
  const summaries = new Map(catalogue.map((q) => [q.name, q.summary]));
  for (const name of Object.keys(editor.queries)) {
    select.append(el('option', { value: name }, summaries.has(name) ? `${name} – ${summaries.get(name)}` : name));
  }
  document.getElementById('query-voorbeelden').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = editor.queries[select.value];
    if (text) {
      yasgui.getTab().setQuery(withPrefixes(text, editor.prefixes));
      yasgui.getTab().getYasqe().focus();
    }
  });
  return { yasgui };
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
  document.head.append(el('link', { rel: 'stylesheet', href: '/vendor/yasgui/build/yasgui.min.css' }));
  return new Promise((resolve, reject) => {
    document.head.append(el('script', { src: '/vendor/yasgui/build/yasgui.min.js', onload: resolve,
      onerror: () => reject(new Error(t('common.error'))) }));
  });
}

// The page's views: CSS shows the section named in the address; this script marks the current
// link, draws a view the first time it is shown (charts need a visible, sized container) and hands
// it the address again when back/forward or a link changed the view's state (see state.js).
import { t } from './i18n.js';
import { el } from './api.js';
import { initAsOfBar } from './editions.js';
import { onAddressChange, addressChanged } from './state.js';

const VIEWS = {
  overzicht: () => import('./overview.js'),
  netwerk: () => import('./network.js'),
  tijdlijn: () => import('./timeline.js'),
  tabel: () => import('./table.js'),
  wijzigingen: () => import('./wijzigingen.js'),
  query: () => import('./query.js'),
};
const started = new Map();

function currentView() {
  const name = decodeURIComponent(location.hash.substring(1));
  return Object.hasOwn(VIEWS, name) ? name : 'overzicht';
}

async function show({ restore = false } = {}) {
  const name = currentView();
  for (const link of document.querySelectorAll('[data-view-link]')) {
    if (link.dataset.viewLink === name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const section = document.getElementById(name);
  if (started.has(name)) {
    started.get(name).then((view) => {
      if (view && restore && view.restore) {
        view.restore();
      }
      if (view && view.shown) {
        view.shown();
      }
    });
    return;
  }
  const started_at = performance.now();
  const view = VIEWS[name]()
    .then((module) => module.init(section))
    .then((view) => {
      section.dataset.ready = 'true';
      // How long the view took from being asked for to its data on screen (the browser tests print it).
      section.dataset.readyMs = String(Math.round(performance.now() - started_at));
      section.dataset.readyAt = String(Math.round(performance.now())); // since the navigation began
      return view;
    })
    .catch((error) => {
      section.append(el('p', { class: 'error', role: 'alert' }, `${t('common.error')} ${error.message}`));
      section.dataset.ready = 'error';
    });
  started.set(name, view);
}

/** The language switch opens the same view with the same state in the other language. */
function keepStateInLanguageLink() {
  for (const link of document.querySelectorAll('a[hreflang]')) {
    const search = new URLSearchParams(location.search);
    search.set('lang', link.hreflang);
    link.href = `/?${search}${location.hash}`;
  }
}

/**
 * Printing shows what the table alternatives and source quotes hold: closed <details> open for the
 * print and close again after (the stylesheet does the same where the browser knows ::details-content).
 */
function openDetailsForPrint() {
  const opened = [...document.querySelectorAll('details:not([open])')];
  opened.forEach((d) => { d.open = true; });
  window.addEventListener('afterprint', () => opened.forEach((d) => { d.open = false; }), { once: true });
}

window.addEventListener('beforeprint', openDetailsForPrint);
window.addEventListener('hashchange', () => show());
window.addEventListener('popstate', () => {
  addressChanged();
  show({ restore: true });
});
onAddressChange(keepStateInLanguageLink);
keepStateInLanguageLink();
window.addEventListener('hashchange', keepStateInLanguageLink);
show();
initAsOfBar().catch((error) => {
  document.getElementById('editie-uitleg').textContent = `${t('common.error')} ${error.message}`;
});

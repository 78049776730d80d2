// The page's views: CSS shows the section named in the address; this script marks the current
// link and draws a view the first time it is shown (charts need a visible, sized container).
import { t } from './i18n.js';
import { el } from './api.js';
import { initAsOfBar } from './editions.js';

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

async function show() {
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
    started.get(name).then((view) => view && view.shown && view.shown());
    return;
  }
  const view = VIEWS[name]()
    .then((module) => module.init(section))
    .then((view) => {
      section.dataset.ready = 'true';
      return view;
    })
    .catch((error) => {
      section.append(el('p', { class: 'error', role: 'alert' }, `${t('common.error')} ${error.message}`));
      section.dataset.ready = 'error';
    });
  started.set(name, view);
}

window.addEventListener('hashchange', show);
show();
initAsOfBar().catch((error) => {
  document.getElementById('editie-uitleg').textContent = `${t('common.error')} ${error.message}`;
});

// Every view keeps its state in the address, beside the view's name in the hash: the table's search
// and sort, the network's filters and chosen node, the timeline's zoom, the query text. A state is a
// query parameter of the page (/?q=35510-21&sorteer=-nummer#tabel), so a link shares it, reload keeps
// it, and back/forward walk through it. Each view names its parameters apart from the others', so
// switching views (a hash link) keeps every view's state.

/** The value of one parameter of the address, or null. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/**
 * Sets (value) or removes (null, '') parameters of the address. A user's choice makes a history entry
 * (push); a change that only follows one (a zoom while dragging) replaces the current entry.
 */
export function setParams(changes, { push = true } = {}) {
  const search = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '' || value === false) {
      search.delete(name);
    } else {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  const url = `${location.pathname}${text ? `?${text}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history[push ? 'pushState' : 'replaceState'](history.state, '', url);
    addressChanged();
  }
}

/** The address of a view with parameters, for links that open it (a chart bar's drill-down). */
export function viewHref(view, params = {}) {
  const search = new URLSearchParams();
  for (const keep of ['lang', 'editie']) {
    if (param(keep)) {
      search.set(keep, param(keep));
    }
  }
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return `/${text ? `?${text}` : ''}#${view}`;
}

const listeners = new Set();

/** Calls back whenever the address changes (this page's own changes and back/forward). */
export function onAddressChange(listener) {
  listeners.add(listener);
}

export function addressChanged() {
  for (const listener of listeners) {
    listener();
  }
}

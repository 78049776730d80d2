// The interface texts: one JSON file per language under /i18n, the same file the server fills
// the HTML from. Every text a script draws comes through t().
const lang = document.documentElement.lang || 'nl';
const texts = await (await fetch(`/i18n/${lang}.json`)).json();

export { lang };

/** The text under a dotted key, with {name} placeholders filled from values. */
export function t(key, values = {}) {
  const text = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), texts);
  if (typeof text !== 'string') {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** A date (YYYY-MM-DD) as the reader writes it. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  return new Date(`${isoDate}T12:00:00`).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatNumber(n) {
  return Number(n).toLocaleString(lang);
}

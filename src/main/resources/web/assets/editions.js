// The "as of" bar above the views: which edition's state the page shows (?editie=... in the
// address, kept when switching views), chosen from the loaded editions. With one edition it says so.
import { t, formatDate } from './i18n.js';
import { query, asOfEdition, el } from './api.js';

let loaded;

/** Every loaded edition, oldest first per series (the edities query), asked once. */
export function editions() {
  if (!loaded) {
    loaded = query('edities');
  }
  return loaded;
}

/** "Stand van zaken POK – 15 oktober 2021" */
export function editionLabel(edition) {
  return t('editie.optie', { reeks: edition.reeksLabel || edition.titel || edition.rapport, datum: formatDate(edition.datum) });
}

export async function initAsOfBar() {
  const form = document.getElementById('editie-balk');
  const select = document.getElementById('editie-kies');
  const note = document.getElementById('editie-uitleg');
  const all = await editions();
  form.hidden = false;
  if (all.length <= 1) {
    select.disabled = true;
    note.textContent = all.length === 1 ? t('editie.enkel', { datum: formatDate(all[0].datum) }) : '';
    return;
  }
  const chosen = asOfEdition();
  const newestFirst = [...all].sort((a, b) => b.datum.localeCompare(a.datum));
  select.append(...newestFirst.map((e) => el('option', { value: e.rapport, selected: e.rapport === chosen }, editionLabel(e))));
  const current = all.find((e) => e.rapport === chosen);
  note.textContent = current ? t('editie.uitleg', { datum: formatDate(current.datum) }) : '';
  select.addEventListener('change', () => {
    const search = new URLSearchParams(location.search);
    if (select.value) {
      search.set('editie', select.value);
    } else {
      search.delete('editie');
    }
    location.search = search.toString(); // reloads: every view asks again, as of the new edition
  });
  form.addEventListener('submit', (e) => e.preventDefault());
}

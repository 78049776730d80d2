// An action's history on its resource page (/id/actie/{series}/{n}): its status in every edition of its
// series as a strip, and what its texts lost and gained from one edition to the next, word by word.
import { t, formatDate } from './i18n.js';
import { query, localName, el } from './api.js';
import { wordDiff } from './diff.js';

const section = document.getElementById('geschiedenis');

async function show() {
  const rows = await query('geschiedenis', { actie: section.dataset.actie });
  const reported = rows.filter((r) => r.gerapporteerd === true || r.gerapporteerd === 'true');
  const body = [];
  if (reported.length <= 1 && rows.length <= 1) {
    body.push(el('p', { class: 'muted', id: 'geschiedenis-enkel' },
      t('geschiedenis.enkel', { datum: formatDate((reported[0] || rows[0] || {}).datum) })));
  } else {
    body.push(el('h3', {}, t('geschiedenis.strook')),
      el('ol', { class: 'strip', id: 'statusstrook' }, rows.map((r) => {
        const status = r.status ? localName(r.status) : null;
        return el('li', { class: status ? `status-${status}` : 'niet-gerapporteerd', 'data-datum': r.datum },
          el('small', {}, formatDate(r.datum)),
          status ? t(`status.${status}`) : t('geschiedenis.nietGerapporteerd'));
      })));
    for (let k = 1; k < reported.length; k += 1) {
      body.push(textChanges(reported[k - 1], reported[k]));
    }
  }
  section.replaceChildren(el('h2', {}, t('geschiedenis.titel')), ...body,
    el('p', {}, el('a', { href: `${location.pathname}/feed.atom`, type: 'application/atom+xml' }, t('geschiedenis.feed'))));
  section.dataset.ready = 'true';
}

function textChanges(before, after) {
  const fields = ['omschrijving', 'standVanZaken'].filter((f) => (before[f] || '') !== (after[f] || ''));
  const title = el('h3', {}, t('geschiedenis.verschil', { van: formatDate(before.datum), naar: formatDate(after.datum) }));
  if (fields.length === 0) {
    return el('div', { class: 'verschil' }, title, el('p', { class: 'muted' }, t('geschiedenis.ongewijzigd')));
  }
  return el('div', { class: 'verschil' }, title, fields.map((f) => el('div', { 'data-veld': f },
    el('h4', {}, t(`geschiedenis.${f}`)),
    el('p', { class: 'diff' }, wordDiff(before[f], after[f]).map((part) => (part.type === 'same' ? part.text
      : el(part.type, { title: t(part.type === 'del' ? 'geschiedenis.verwijderd' : 'geschiedenis.toegevoegd') }, part.text)))))));
}

show().catch((error) => {
  section.append(el('p', { class: 'error', role: 'alert' }, `${t('common.error')} ${error.message}`));
  section.dataset.ready = 'error';
});

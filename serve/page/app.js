'use strict';

// Every string from the API goes into the page as text (createElement /
// textContent); the one exception is a hit's excerpt, which the server sends
// HTML-escaped with <mark> around the matched words.

const PAGE_SIZE = 10;
const MAX_OFFSET = 10000;  // the deepest offset the API serves
const TOP_VALUES = 10;
const DEBOUNCE_MS = 200;
const FACET_ORDER = ['level', 'category', 'tag', 'lang'];
const FACET_LABELS = {level: 'Level', category: 'Category', tag: 'Tag', lang: 'Language'};
const LEVELS = ['Junior', 'Mid', 'Senior', 'Staff+'];

const $ = (id) => document.getElementById(id);
const els = {
    form: $('search-form'),
    input: $('search-input'),
    docCount: $('doc-count'),
    error: $('error'),
    resultsView: $('results-view'),
    filters: document.querySelector('.filters'),
    filtersToggle: $('filters-toggle'),
    facets: $('facets'),
    count: $('result-count'),
    clearFilters: $('clear-filters'),
    notices: $('notices'),
    hits: $('hits'),
    pager: $('pager'),
    pagerRange: $('pager-range'),
    prev: $('prev'),
    next: $('next'),
    questionView: $('question-view'),
    questionMain: $('question-main'),
    related: document.querySelector('.related'),
    relatedList: $('related-list'),
    back: $('back'),
};

const languageNames = typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames([navigator.language, 'en'], {type: 'language', fallback: 'code'})
    : null;

let state = readUrl();
let debounceTimer = 0;
const search = {seq: 0, controller: null, pendingKey: '', shownKey: '', facets: {}};
const question = {seq: 0, controller: null, shownId: ''};
const collapsedFacets = new Set();
const expandedFacets = new Set();
let preferredLevel = '';
let focusFirstHit = false;
let resultsScrollY = 0;
let returnFocusId = '';

// ---- helpers -------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value !== null && value !== undefined && value !== false) {
            node.setAttribute(name, value === true ? '' : String(value));
        }
    }
    node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
    return node;
}

async function getJson(url, signal) {
    let response;
    try {
        response = await fetch(url, {signal, headers: {Accept: 'application/json'}});
    } catch (err) {
        if (err.name === 'AbortError') throw err;
        throw new Error('Could not reach the qbank server.');
    }
    let body = null;
    try {
        body = await response.json();
    } catch (err) {
        if (err.name === 'AbortError') throw err;
    }
    if (!response.ok) {
        const message = body && body.error && body.error.message;
        throw new Error(message || `The server answered ${response.status} ${response.statusText}`.trim());
    }
    if (body === null) throw new Error('The server sent a reply that is not JSON.');
    return body;
}

function showError(message) {
    els.error.textContent = message;
    els.error.hidden = false;
}

function clearError() {
    els.error.hidden = true;
    els.error.textContent = '';
}

function plural(n, word) {
    return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

function levelRank(level) {
    const rank = LEVELS.indexOf(level);
    return rank < 0 ? LEVELS.length : rank;
}

function languageName(code) {
    if (!languageNames || code === 'und') return code === 'und' ? 'Unknown' : code;
    try {
        return languageNames.of(code);
    } catch {
        return code;
    }
}

function splitFilter(filter) {
    const colon = filter.indexOf(':');
    return [filter.slice(0, colon), filter.slice(colon + 1)];
}

function filtersByField(filters) {
    const fields = new Map();
    for (const filter of filters) {
        const [field, value] = splitFilter(filter);
        if (!fields.has(field)) fields.set(field, new Set());
        fields.get(field).add(value);
    }
    return fields;
}

// ---- URL state -------------------------------------------------------------

function readUrl() {
    const params = new URLSearchParams(location.search);
    return {
        q: (params.get('q') || '').trim(),
        filters: [...new Set(params.getAll('filter'))].filter((f) => f.indexOf(':') > 0),
        offset: Math.min(MAX_OFFSET, Math.max(0, parseInt(params.get('offset'), 10) || 0)),
        id: params.get('id') || '',
    };
}

function urlFor(s) {
    const params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    for (const filter of s.filters) params.append('filter', filter);
    if (s.offset) params.set('offset', s.offset);
    if (s.id) params.set('id', s.id);
    const query = params.toString();
    return location.pathname + (query ? `?${query}` : '');
}

// depth counts the question views stacked above the results, so that leaving
// a chain of related questions goes straight back to the results.
function navigate(next, {push = false, depth = 0} = {}) {
    state = next;
    const url = urlFor(state);
    if (push) history.pushState({depth}, '', url);
    else history.replaceState({depth: (history.state && history.state.depth) || 0}, '', url);
    render();
}

function openQuestion(id) {
    if (!state.id) {
        resultsScrollY = window.scrollY;
        returnFocusId = id;
    }
    const depth = ((history.state && history.state.depth) || 0) + 1;
    navigate({...state, id}, {push: true, depth});
}

function closeQuestion() {
    const depth = history.state && history.state.depth;
    if (depth) history.go(-depth);
    else navigate({...state, id: ''}, {push: true});
}

function render() {
    if (state.id) {
        els.resultsView.hidden = true;
        els.questionView.hidden = false;
        loadQuestion(state.id);
    } else {
        const returning = Boolean(question.shownId);
        els.questionView.hidden = true;
        els.resultsView.hidden = false;
        question.shownId = '';
        if (question.controller) question.controller.abort();
        document.title = state.q ? `${state.q} – qbank` : 'qbank';
        const reused = runSearch();
        if (reused && returning) restoreResultsFocus(returnFocusId);
    }
}

function restoreResultsFocus(id) {
    window.scrollTo(0, resultsScrollY);
    const link = [...els.hits.querySelectorAll('a[data-question]')].find((a) => a.dataset.question === id);
    if (link) link.focus({preventScroll: true});
}

// ---- search ----------------------------------------------------------------

// With dropField: no hits, only that field's counts, without its own filters.
function searchParams(s, dropField = '') {
    const params = new URLSearchParams({q: s.q});
    for (const filter of s.filters) {
        if (splitFilter(filter)[0] !== dropField) params.append('filter', filter);
    }
    params.set('limit', dropField ? 0 : PAGE_SIZE);
    params.set('offset', dropField ? 0 : s.offset);
    if (dropField) params.set('facets', dropField);
    params.set('facet_limit', 0);  // every value: a facet's "more" shows them all
    return params;
}

// Returns true when the results on the page already answer the state.
function runSearch() {
    const key = searchParams(state).toString();
    if (key === search.shownKey && !search.pendingKey) return true;
    if (key === search.pendingKey) return false;
    if (search.controller) search.controller.abort();
    const controller = new AbortController();
    const seq = ++search.seq;
    search.controller = controller;
    search.pendingKey = key;
    els.resultsView.setAttribute('aria-busy', 'true');

    // A field's own filters would hide its other values, and several values
    // of one field mean "any of them": so its counts come from a search
    // without that field's filters.
    const fields = [...filtersByField(state.filters).keys()];
    const requests = [getJson(`/search?${key}`, controller.signal)].concat(fields.map((field) =>
        getJson(`/search?${searchParams(state, field)}`, controller.signal)));

    Promise.all(requests).then(([data, ...others]) => {
        if (seq !== search.seq) return;
        const facets = {...(data.facets || {})};
        fields.forEach((field, i) => {
            facets[field] = (others[i].facets || {})[field] || {};
        });
        clearError();
        search.facets = facets;
        renderResults(data);
        search.shownKey = key;
    }).catch((err) => {
        if (seq !== search.seq || err.name === 'AbortError') return;
        showError(err.message);
    }).finally(() => {
        if (seq !== search.seq) return;
        search.pendingKey = '';
        els.resultsView.removeAttribute('aria-busy');
    });
    return false;
}

function renderResults(data) {
    const hits = data.hits || [];
    els.count.textContent = plural(data.total, 'question');
    els.clearFilters.hidden = state.filters.length === 0;
    els.filtersToggle.textContent = state.filters.length ? `Filters (${state.filters.length})` : 'Filters';
    renderNotices(data);
    renderFacets();

    els.hits.replaceChildren(...hits.map(hitItem));
    if (!hits.length) {
        const hint = state.filters.length ? 'Try removing a filter.' : 'Try other words.';
        els.hits.append(el('li', {class: 'empty'}, `No questions match. ${hint}`));
    }

    // Partial hits can fill a page past `total`, so a full page may have a next.
    const first = state.offset + 1;
    const last = state.offset + hits.length;
    els.pager.hidden = state.offset === 0 && hits.length < PAGE_SIZE;
    els.prev.disabled = state.offset === 0;
    els.next.disabled = hits.length < PAGE_SIZE || state.offset + PAGE_SIZE > MAX_OFFSET;
    els.pagerRange.textContent = !hits.length ? ''
        : last <= data.total ? `${first}–${last} of ${data.total.toLocaleString()}` : `${first}–${last}`;

    if (focusFirstHit) {
        focusFirstHit = false;
        const link = els.hits.querySelector('a[data-question]');
        if (link) link.focus();
    }
}

function notice(...children) {
    return el('p', {class: 'notice'}, ...children);
}

function queryButton(text) {
    return el('button', {type: 'button', class: 'link-button', 'data-query': text}, text);
}

function renderNotices(data) {
    const notices = [];
    if (data.corrected_query) {
        notices.push(notice(`Nothing matched “${data.query}”, so these are the results for `,
            queryButton(data.corrected_query), '.'));
    }
    if (data.did_you_mean) notices.push(notice('Did you mean ', queryButton(data.did_you_mean), '?'));
    if (data.relaxed) {
        notices.push(notice('No question holds all of your words: these hold some of them.'));
    } else if ((data.hits || []).some((hit) => hit.partial)) {
        notices.push(notice('Questions marked “partial” hold only some of your words.'));
    }
    for (const prefix of data.wide_prefixes || []) {
        notices.push(notice(`“${prefix}*” begins too many words: only the commonest were searched.`));
    }
    if ((data.missing_shards || []).length) {
        const names = data.missing_shards.map((m) => `${m.shard} (${m.error})`).join(', ');
        notices.push(notice(`Some shards did not answer, so results may be missing: ${names}.`));
    }
    els.notices.replaceChildren(...notices);
}

function badges(item, partial = false) {
    const list = el('ul', {class: 'badges'});
    const add = (kind, text, title) => list.append(el('li', {class: `badge badge-${kind}`, title}, text));
    if (item.level) add(`level badge-${levelRank(item.level)}`, item.level, 'Level');
    if (item.category) add('category', item.category, 'Category');
    for (const tag of item.tags || []) add('tag', tag, 'Tag');
    if (item.lang) add('lang', item.lang, languageName(item.lang));
    if (partial) add('partial', 'partial', 'Holds only some of the words searched');
    return list;
}

function hitItem(hit) {
    const excerpt = el('p', {class: 'hit-excerpt', 'data-testid': 'hit-excerpt'});
    excerpt.innerHTML = hit.excerpt || '';
    const where = hit.excerpt_section && hit.excerpt_section.heading
        ? el('p', {class: 'hit-section'}, `in ${hit.excerpt_section.heading}`) : null;
    return el('li', {class: 'hit', 'data-testid': 'hit'},
        el('h2', {class: 'hit-heading'},
            el('a', {href: urlFor({...state, id: hit.id}), 'data-question': hit.id, 'data-testid': 'hit-title'},
                hit.title)),
        badges(hit, hit.partial),
        hit.excerpt ? excerpt : null,
        where);
}

// ---- facets ----------------------------------------------------------------

function renderFacets() {
    const facets = search.facets;
    const active = filtersByField(state.filters);
    const focused = document.activeElement && els.facets.contains(document.activeElement)
        ? document.activeElement.dataset.filter || document.activeElement.dataset.more : null;
    const names = [...new Set([...FACET_ORDER, ...Object.keys(facets).sort(), ...active.keys()])];
    const groups = names.map((name) => facetGroup(name, facets[name] || {}, active.get(name) || new Set()));
    els.facets.replaceChildren(...groups.filter(Boolean));
    if (focused) {
        const again = [...els.facets.querySelectorAll('[data-filter], [data-more]')]
            .find((node) => (node.dataset.filter || node.dataset.more) === focused);
        if (again) again.focus();
    }
}

function facetGroup(name, counts, ticked) {
    const entries = Object.entries(counts);
    for (const value of ticked) {
        if (!(value in counts)) entries.push([value, 0]);
    }
    if (!entries.length) return null;
    if (name === 'level') entries.sort((a, b) => levelRank(a[0]) - levelRank(b[0]));
    else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

    const expanded = expandedFacets.has(name);
    const shown = expanded ? entries : entries.filter(([value], i) => i < TOP_VALUES || ticked.has(value));
    const options = el('ul', {class: 'facet-options'}, ...shown.map(([value, count]) => {
        const label = name === 'lang' ? languageName(value) : value;
        return el('li', {},
            el('label', {class: 'facet-option', 'data-testid': 'facet-option', title: value},
                el('input', {type: 'checkbox', 'data-filter': `${name}:${value}`, checked: ticked.has(value)}),
                el('span', {class: 'facet-value'}, label, name === 'lang' && label !== value
                    ? el('span', {class: 'facet-code'}, ` ${value}`) : null),
                el('span', {class: 'facet-count'}, count.toLocaleString())));
    }));

    const details = el('details', {class: 'facet', 'data-testid': `facet-${name}`, open: !collapsedFacets.has(name)},
        el('summary', {}, FACET_LABELS[name] || name[0].toUpperCase() + name.slice(1),
            ticked.size ? el('span', {class: 'facet-ticked'}, ` · ${ticked.size}`) : null),
        options);
    details.addEventListener('toggle', () => {
        if (details.open) collapsedFacets.delete(name);
        else collapsedFacets.add(name);
    });
    if (entries.length > TOP_VALUES) {
        details.append(el('button', {type: 'button', class: 'link-button facet-more', 'data-more': name,
            'aria-expanded': String(expanded)}, expanded ? 'Show fewer' : `Show all ${entries.length}`));
    }
    return details;
}

// ---- question view -----------------------------------------------------------

function loadQuestion(id) {
    if (id === question.shownId) return;
    if (question.controller) question.controller.abort();
    const controller = new AbortController();
    const seq = ++question.seq;
    question.controller = controller;
    question.shownId = id;
    const path = `/questions/${encodeURIComponent(id)}`;
    els.questionMain.replaceChildren(el('p', {class: 'loading'}, 'Loading…'));
    els.relatedList.replaceChildren();
    els.related.hidden = true;
    window.scrollTo(0, 0);

    getJson(path, controller.signal).then((record) => {
        if (seq !== question.seq) return;
        clearError();
        renderQuestion(record);
        els.related.hidden = false;
        $('question-title').focus({preventScroll: true});
    }).catch((err) => {
        if (seq !== question.seq || err.name === 'AbortError') return;
        els.questionMain.replaceChildren();
        showError(err.message);
        els.back.focus();
    });

    getJson(`${path}/related?limit=5`, controller.signal).then((data) => {
        if (seq !== question.seq) return;
        const items = (data.hits || []).map((hit) => el('li', {},
            el('a', {href: urlFor({...state, id: hit.id}), 'data-question': hit.id, 'data-testid': 'related-hit'},
                hit.title),
            el('span', {class: 'related-meta'}, [hit.level, hit.category].filter(Boolean).join(' · '))));
        els.relatedList.replaceChildren(...(items.length ? items : [el('li', {class: 'muted'}, 'None found.')]));
    }).catch((err) => {
        if (seq !== question.seq || err.name === 'AbortError') return;
        els.relatedList.replaceChildren(el('li', {class: 'muted'}, `Could not load them: ${err.message}`));
    });
}

function sectionBlock(section, headingTag = 'h2') {
    return el('section', {class: 'section', 'data-testid': 'section'},
        el(headingTag, {class: 'section-heading'}, section.heading),
        el('div', {class: 'section-text'}, section.text));
}

function sourceNode(source) {
    if (/^https?:\/\//i.test(source)) {
        return el('a', {href: source, rel: 'noopener noreferrer', target: '_blank'}, source);
    }
    return el('span', {class: 'path'}, source);
}

function renderQuestion(record) {
    document.title = `${record.title} – qbank`;
    const sections = record.sections || [];
    const answers = sections.filter((s) => s.kind === 'sample_answer' && s.level);
    const body = [];
    for (const section of sections) {
        if (!answers.includes(section)) body.push(sectionBlock(section));
        else if (section === answers[0]) body.push(answerTabs(answers, record.level));
    }

    const facts = el('dl', {class: 'facts'}, el('dt', {}, 'Source'), el('dd', {}, sourceNode(record.source)));
    for (const duplicate of record.duplicates || []) {
        facts.append(el('dt', {}, 'Also in'), el('dd', {}, sourceNode(duplicate)));
    }
    if ((record.other_titles || []).length) {
        facts.append(el('dt', {}, 'Also asked as'), el('dd', {}, record.other_titles.join(' · ')));
    }

    const asked = record.question && record.question.trim() !== record.title.trim()
        ? el('p', {class: 'question-text'}, record.question) : null;
    els.questionMain.replaceChildren(...[
        el('h1', {class: 'question-title', id: 'question-title', 'data-testid': 'question-title', tabindex: '-1'},
            record.title),
        badges(record),
        asked,
        ...body,
        facts,
    ].filter(Boolean));
}

// One tab per level; arrow keys move between tabs (WAI-ARIA tabs pattern).
function answerTabs(sections, recordLevel) {
    const byLevel = new Map();
    for (const section of sections) {
        if (!byLevel.has(section.level)) byLevel.set(section.level, []);
        byLevel.get(section.level).push(section);
    }
    const levels = [...byLevel.keys()].sort((a, b) => levelRank(a) - levelRank(b));
    const tablist = el('div', {class: 'tablist', role: 'tablist', 'aria-labelledby': 'answers-heading'});
    const tabs = [];
    const panels = [];
    levels.forEach((level, i) => {
        const tab = el('button', {type: 'button', role: 'tab', class: 'tab', id: `answer-tab-${i}`,
            'aria-controls': `answer-panel-${i}`, 'data-testid': 'level-tab', 'data-level': level}, level);
        const panel = el('div', {class: 'tabpanel', role: 'tabpanel', id: `answer-panel-${i}`,
            'aria-labelledby': `answer-tab-${i}`, tabindex: '0'},
            ...byLevel.get(level).map((section) => sectionBlock(section, 'h3')));
        tab.addEventListener('click', () => select(i, true));
        tabs.push(tab);
        panels.push(panel);
    });

    function select(index, chosen = false) {
        tabs.forEach((tab, i) => {
            tab.setAttribute('aria-selected', String(i === index));
            tab.tabIndex = i === index ? 0 : -1;
            panels[i].hidden = i !== index;
        });
        if (chosen) preferredLevel = levels[index];
    }

    tablist.addEventListener('keydown', (event) => {
        const current = tabs.indexOf(document.activeElement);
        const moves = {ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1};
        if (current < 0 || !(event.key in moves)) return;
        event.preventDefault();
        const index = (moves[event.key] + tabs.length) % tabs.length;
        select(index, true);
        tabs[index].focus();
    });

    tablist.append(...tabs);
    const initial = [preferredLevel, recordLevel].map((level) => levels.indexOf(level)).find((i) => i >= 0);
    select(initial === undefined ? 0 : initial);
    return el('section', {class: 'answers'},
        el('h2', {class: 'section-heading', id: 'answers-heading'}, 'Sample answers by level'),
        tablist, ...panels);
}

// ---- events ------------------------------------------------------------------

function searchFromInput(push) {
    clearTimeout(debounceTimer);
    const q = els.input.value.trim();
    if (q === state.q && !state.id) {
        runSearch();
        return;
    }
    navigate({...state, q, offset: 0, id: ''}, {push});
}

els.input.addEventListener('input', () => {
    clearTimeout(debounceTimer);
    // Typing replaces the history entry: Back should not step through every keystroke.
    debounceTimer = setTimeout(() => searchFromInput(Boolean(state.id)), DEBOUNCE_MS);
});

els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchFromInput(Boolean(state.id));
});

els.facets.addEventListener('change', (event) => {
    const filter = event.target.dataset.filter;
    if (!filter) return;
    const filters = state.filters.filter((f) => f !== filter);
    if (event.target.checked) filters.push(filter);
    navigate({...state, filters, offset: 0}, {push: true});
});

els.facets.addEventListener('click', (event) => {
    const name = event.target.dataset.more;
    if (!name) return;
    if (expandedFacets.has(name)) expandedFacets.delete(name);
    else expandedFacets.add(name);
    renderFacets();
});

els.filtersToggle.addEventListener('click', () => {
    const open = els.filters.classList.toggle('open');
    els.filtersToggle.setAttribute('aria-expanded', String(open));
});

els.clearFilters.addEventListener('click', () => navigate({...state, filters: [], offset: 0}, {push: true}));

els.notices.addEventListener('click', (event) => {
    const q = event.target.dataset.query;
    if (q === undefined) return;
    els.input.value = q;
    navigate({...state, q, offset: 0}, {push: true});
});

els.prev.addEventListener('click', () => {
    focusFirstHit = true;
    navigate({...state, offset: Math.max(0, state.offset - PAGE_SIZE)}, {push: true});
    window.scrollTo(0, 0);
});

els.next.addEventListener('click', () => {
    focusFirstHit = true;
    navigate({...state, offset: state.offset + PAGE_SIZE}, {push: true});
    window.scrollTo(0, 0);
});

els.back.addEventListener('click', closeQuestion);

// Hits and related questions are links (so they can open in a new tab);
// a plain click opens them in place.
document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-question]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openQuestion(link.dataset.question);
});

function isTextField(node) {
    if (node.isContentEditable || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT') return true;
    return node.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(node.type);
}

document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key === '/' && !isTextField(event.target)) {
        event.preventDefault();
        els.input.focus();
        els.input.select();
    } else if (event.key === 'Escape' && state.id && event.target !== els.input) {
        event.preventDefault();
        closeQuestion();
    }
});

window.addEventListener('popstate', () => {
    clearTimeout(debounceTimer);
    state = readUrl();
    els.input.value = state.q;
    render();
});

// ---- start -------------------------------------------------------------------

getJson('/stats').then((stats) => {
    els.docCount.textContent = `${plural(stats.documents, 'question')} indexed`;
}).catch(() => {
    els.docCount.textContent = '';
});

els.input.value = state.q;
history.replaceState({depth: (history.state && history.state.depth) || 0}, '', urlFor(state));
render();

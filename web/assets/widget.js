/*! citechat widget: answers from a collection of articles, each claim cited.
 *
 *   <script src="https://HOST/widget.js" data-key="PUBLIC_KEY" async></script>
 *
 * Options (all data-* on that script tag): key, title, greeting, starters
 * ("question one|question two"), position (right|left), open, target
 * ("#element": inline in that element), accent (a CSS colour), transport
 * (auto|ws|sse). CSS custom properties on the page restyle it:
 * --citechat-accent, --citechat-accent-text, --citechat-bg, --citechat-text,
 * --citechat-muted, --citechat-font, --citechat-radius, --citechat-z.
 *
 * Everything lives in one shadow root, so the page's CSS cannot reach in
 * and ours cannot leak out; the only global is window.Citechat
 * (open, close, toggle, ask, reset). No requests go anywhere but the
 * citechat server this script came from.
 *
 * The empty state offers starter questions and a browsable list of the
 * collection's articles: each opens onto its key sentences (the server's
 * extractive summary), its section headings, a link to the reader and an
 * action that drafts a question about it.
 */
(() => {
  'use strict';
  if (window.Citechat) return; // included twice: the first one wins

  const script = document.currentScript ||
    [...document.querySelectorAll('script[src]')].filter((s) => /\/widget\.js(\?|#|$)/.test(s.src)).pop();
  if (!script) return;
  const main = () => {
    if (window.Citechat) return;
    const ds = script.dataset;
    const base = new URL('.', script.src); // the server, under whatever path it is mounted
    const key = ds.key || '';
    const flag = (v) => v !== undefined && v !== 'false';
    const cfg = {
      title: ds.title || 'Ask the collection',
      greeting: ds.greeting || 'Ask a question. Every answer cites the articles it comes from.',
      left: ds.position === 'left',
      open: flag(ds.open),
      target: ds.target || '',
      accent: ds.accent || '',
      starters: ds.starters ? ds.starters.split('|').map((s) => s.trim()).filter(Boolean) : null,
      transport: ds.transport || 'auto',
    };
    const HISTORY_TURNS = 6;
    const MAX_RESENDS = 2;

    const url = (path) => {
      const u = new URL(path, base);
      if (key) u.searchParams.set('key', key);
      return u;
    };
    const newID = () => 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2, 7);

    // ---- DOM helpers: text always goes in as text nodes, never as HTML ----
    const h = (tag, attrs, ...kids) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) {
        if (v == null || v === false) continue;
        if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'class') el.className = v;
        else el.setAttribute(k, v === true ? '' : v);
      }
      for (const kid of kids.flat()) if (kid != null && kid !== false) el.append(kid);
      return el;
    };
    const icon = (path) => {
      const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      s.setAttribute('viewBox', '0 0 24 24');
      s.setAttribute('aria-hidden', 'true');
      const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      p.setAttribute('d', path);
      s.append(p);
      return s;
    };
    const ICON_CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
    const ICON_CLOSE = 'M6 6l12 12M18 6L6 18';

    /* ---- styles: scoped to the shadow root; :host resets what the page would
       otherwise pass down by inheritance (important rules of a shadow tree win
       over the page's important rules) ---- */
    const CSS = `
  :host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;
   position:static!important;transform:none!important;contain:none!important}
  *,*::before,*::after{box-sizing:border-box}
  .root{--a:var(--citechat-accent,#1d4ed8);--at:var(--citechat-accent-text,#fff);--bg:var(--citechat-bg,#fff);
   --tx:var(--citechat-text,#1f2328);--mu:var(--citechat-muted,#57606a);--r:var(--citechat-radius,12px);
   --ln:#d0d7de;font:15px/1.5 var(--citechat-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--tx);
   text-align:left;direction:ltr}
  .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
  button,textarea{font:inherit;color:inherit}
  button{cursor:pointer}
  :focus-visible{outline:3px solid var(--a);outline-offset:2px}
  .launcher{position:fixed;bottom:20px;right:20px;z-index:var(--citechat-z,2147483000);display:flex;align-items:center;gap:8px;
   border:0;border-radius:999px;padding:12px 18px;background:var(--a);color:var(--at);font-weight:600;
   box-shadow:0 4px 16px rgba(0,0,0,.25)}
  .left .launcher{right:auto;left:20px}
  .launcher svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round}
  .panel{position:fixed;bottom:84px;right:20px;z-index:var(--citechat-z,2147483000);width:400px;
   height:min(640px,calc(100vh - 110px));display:flex;flex-direction:column;background:var(--bg);
   border:1px solid var(--ln);border-radius:var(--r);box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden}
  .left .panel{right:auto;left:20px}
  .panel[hidden],.card[hidden],[hidden]{display:none!important}
  .inline .panel{position:relative;bottom:auto;right:auto;left:auto;width:100%;height:100%;min-height:420px;box-shadow:none;z-index:auto}
  header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--a);color:var(--at)}
  header h2{flex:1;margin:0;font-size:16px;font-weight:650}
  header button{background:transparent;border:1px solid transparent;color:inherit;border-radius:8px;padding:4px 8px;font-size:13px}
  header button:hover{border-color:currentColor}
  header .x svg{width:18px;height:18px;stroke:currentColor;stroke-width:2.5;display:block}
  .log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:14px}
  .empty p{margin:0 0 10px;color:var(--tx)}
  .starters{display:flex;flex-direction:column;gap:6px}
  .starters button{text-align:left;background:var(--bg);border:1px solid var(--ln);border-radius:10px;padding:8px 10px;color:var(--a)}
  .starters button:hover{border-color:var(--a)}
  .q{align-self:flex-end;max-width:85%;background:var(--a);color:var(--at);padding:8px 12px;border-radius:14px 14px 2px 14px;white-space:pre-wrap;overflow-wrap:anywhere}
  .a{align-self:stretch;white-space:pre-wrap;overflow-wrap:anywhere}
  .a.abstained{border-left:4px solid #9a6700;background:#fff8c5;color:#3b2300;padding:8px 10px;border-radius:6px}
  .badge{display:block;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;margin-bottom:2px}
  .cite{display:inline-block;min-width:1.6em;margin:0 1px;padding:0 4px;border:1px solid var(--a);border-radius:6px;
   background:var(--bg);color:var(--a);font-size:12px;line-height:1.5;vertical-align:text-top;font-weight:650}
  .cite:hover,.cite[aria-expanded=true]{background:var(--a);color:var(--at)}
  .srcs{margin:8px 0 0;padding:0;list-style:none;display:flex;flex-direction:column;gap:4px;white-space:normal}
  .srcs button{display:block;width:100%;text-align:left;background:transparent;border:0;border-top:1px solid var(--ln);padding:6px 0 0;color:var(--mu);font-size:13px}
  .srcs button:hover{color:var(--a)}
  .note{display:block;color:var(--mu);font-size:13px;margin-top:4px}
  .err{color:#a40e26;background:#ffebe9;border-left:4px solid #cf222e;padding:6px 10px;border-radius:6px;white-space:normal}
  .err button{margin-left:8px;background:transparent;border:1px solid currentColor;border-radius:6px;color:inherit;font-size:13px}
  .dots::after{content:"…";animation:blink 1s steps(4) infinite}
  @keyframes blink{50%{opacity:.3}}
  .status{padding:0 12px;font-size:13px;color:var(--mu)}
  .status:empty{display:none}
  form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid var(--ln);align-items:flex-end}
  textarea{flex:1;resize:none;min-height:40px;max-height:120px;padding:8px 10px;border:1px solid #8c959f;border-radius:10px;background:var(--bg)}
  form button{border:0;border-radius:10px;padding:9px 14px;background:var(--a);color:var(--at);font-weight:600}
  form button.stop{background:#24292f;color:#fff}
  form button:disabled{opacity:.55;cursor:default}
  .card{position:absolute;left:8px;right:8px;bottom:8px;max-height:75%;overflow-y:auto;background:var(--bg);border:1px solid var(--ln);
   border-radius:var(--r);box-shadow:0 8px 30px rgba(0,0,0,.3);padding:14px}
  .card h3{margin:0 28px 4px 0;font-size:16px}
  .card .by,.card .sec{margin:0 0 4px;color:var(--mu);font-size:13px}
  .card blockquote{margin:10px 0;padding:6px 10px;border-left:4px solid var(--a);background:rgba(127,127,127,.08);white-space:pre-wrap}
  .card a{color:var(--a);font-weight:600}
  .card .x{position:absolute;top:8px;right:8px;background:transparent;border:0;padding:4px}
  .card .x svg{width:18px;height:18px;stroke:var(--tx);stroke-width:2.5;display:block}
  .browse{margin-top:18px}
  .browse h3{margin:0 0 4px;font-size:15px;font-weight:650}
  .browse h4{margin:14px 0 2px;font-size:13px;font-weight:600;color:var(--mu)}
  .arts{list-style:none;margin:0;padding:0}
  .arts>li{border-bottom:1px solid var(--ln)}
  .art-t{position:relative;display:block;width:100%;text-align:left;background:transparent;border:0;border-radius:6px;padding:8px 4px 8px 22px;overflow-wrap:anywhere}
  .art-t::before{content:"";position:absolute;left:6px;top:15px;border-style:solid;border-width:5px 0 5px 7px;
   border-color:transparent transparent transparent var(--mu);transition:transform .15s}
  .art-t[aria-expanded=true]::before{transform:rotate(90deg)}
  .art-t .t{display:block;font-weight:600;line-height:1.35}
  .art-t .by{display:block;font-size:13px;color:var(--mu)}
  .art-t:hover .t{color:var(--a)}
  .art-b{padding:0 4px 12px 22px;font-size:14px;overflow-wrap:anywhere}
  .empty .art-b p{margin:8px 0 2px;font-size:12px;font-weight:600;color:var(--mu)}
  .keys,.secs{margin:0;padding:0;list-style:none}
  .keys li{border-left:3px solid var(--a);padding:1px 0 1px 8px;margin-top:6px}
  .keys li.note{border:0;padding:0}
  .secs li{color:var(--mu);font-size:13px}
  .acts{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin-top:10px}
  .acts button{border:1px solid var(--a);background:var(--bg);color:var(--a);border-radius:8px;padding:5px 10px;font-size:13px;font-weight:600}
  .acts button:hover{background:var(--a);color:var(--at)}
  .acts a{color:var(--a);font-size:13px;font-weight:600}
  @media (max-width:520px){.root:not(.inline) .panel{inset:0;width:100%;height:100%;border-radius:0;border:0}
   .root:not(.inline).open .launcher{display:none}}
  @media (prefers-reduced-motion:reduce){.dots::after{animation:none}.art-t::before{transition:none}}
  `;

    // ---- state, kept in sessionStorage so a reload keeps the conversation ----
    const storeKey = 'citechat:' + base.href + '|' + key;
    let turns = [];
    let isOpen = false;
    try {
      const saved = JSON.parse(sessionStorage.getItem(storeKey) || 'null');
      if (saved && Array.isArray(saved.turns)) {
        turns = saved.turns.map((t) => (t.state === 'done' || t.state === 'stopped' || t.state === 'error')
          ? t : { ...t, state: 'error', error: 'Interrupted by the page reload.' });
        isOpen = !!saved.open;
      }
    } catch { /* storage blocked or garbled: start afresh */ }
    const save = () => {
      try {
        sessionStorage.setItem(storeKey, JSON.stringify({ open: isOpen, turns: turns.map((t) => ({
          id: t.id, q: t.q, text: t.text, state: t.state, error: t.error,
          answer: t.answer && { answer: t.answer.answer, abstained: t.answer.abstained, notice: t.answer.notice,
            citations: t.answer.citations } })) }));
      } catch { /* full or blocked: the conversation just won't survive a reload */ }
    };

    // ---- the shadow DOM ----
    const host = document.createElement('citechat-widget');
    const shadow = host.attachShadow({ mode: 'open' }); // open: tests and assistive tools can see in
    const inlineTarget = cfg.target ? document.querySelector(cfg.target) : null;
    const inline = !!inlineTarget;
    // A constructed stylesheet is not an inline style, so a partner's
    // Content-Security-Policy needs no 'unsafe-inline' for it.
    let style = null;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      style = h('style');
      style.textContent = CSS;
    }
    if (cfg.accent) host.style.setProperty('--citechat-accent', cfg.accent);

    const status = h('div', { class: 'status', role: 'status' });
    const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
    const input = h('textarea', { id: 'cc-q', rows: '1', placeholder: 'Ask a question…', maxlength: '2000' });
    const sendBtn = h('button', { type: 'submit' }, 'Send');
    const stopBtn = h('button', { type: 'button', class: 'stop', hidden: true, onclick: () => stop() }, 'Stop');
    const form = h('form', { onsubmit: (e) => { e.preventDefault(); ask(input.value); } },
      h('label', { for: 'cc-q', class: 'sr' }, 'Your question'), input, sendBtn, stopBtn);
    const card = h('div', { class: 'card', role: 'dialog', 'aria-labelledby': 'cc-card-title', hidden: true });
    const closeBtn = h('button', { type: 'button', class: 'x', 'aria-label': 'Close', onclick: () => close() }, icon(ICON_CLOSE));
    const panel = h('section', { class: 'panel', id: 'cc-panel', role: inline ? 'region' : 'dialog',
      'aria-modal': inline ? null : 'true', 'aria-labelledby': 'cc-title', hidden: !inline },
    h('header', null, h('h2', { id: 'cc-title' }, cfg.title),
      h('button', { type: 'button', onclick: () => reset(), title: 'Start a new conversation' }, 'New'),
      inline ? null : closeBtn),
    log, status, form, card);
    const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'cc-panel',
      'aria-label': 'Open chat: ' + cfg.title, onclick: () => toggle() }, icon(ICON_CHAT), h('span', null, 'Ask'));
    const root = h('div', { class: 'root' + (inline ? ' inline' : '') + (cfg.left ? ' left' : '') },
      inline ? null : launcher, panel);
    shadow.append(...(style ? [style] : []), root);
    // Enter sends, Shift+Enter breaks the line. The line break that follows
    // a sending Enter is refused too, for input paths that do not honour
    // the keydown's preventDefault.
    let enterSends = false;
    input.addEventListener('keydown', (e) => {
      enterSends = e.key === 'Enter' && !e.shiftKey && !e.isComposing;
      if (enterSends) { e.preventDefault(); ask(input.value); }
    });
    input.addEventListener('beforeinput', (e) => {
      if (enterSends && e.inputType === 'insertLineBreak') e.preventDefault();
      enterSends = false;
    });
    input.addEventListener('input', () => {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
    });

    // ---- rendering ----
    const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

    // renderText turns "… claim [1][2]." into text with citation buttons.
    const renderText = (text, citations) => {
      const byN = new Map((citations || []).map((c) => [c.n, c]));
      const out = [];
      let last = 0;
      for (const m of text.matchAll(MARKER)) {
        const ns = m[1].split(',').map((s) => +s.trim());
        if (!ns.every((n) => byN.has(n))) continue; // not a citation: leave the text alone
        out.push(text.slice(last, m.index));
        for (const n of ns) out.push(citeButton(byN.get(n), String(n)));
        last = m.index + m[0].length;
      }
      out.push(text.slice(last));
      return out;
    };
    const authorsOf = (c) => (c.authors || []).join(', ');
    const citeButton = (c, label) => h('button', { type: 'button', class: 'cite', 'aria-expanded': 'false',
      'aria-label': `Source ${c.n}: ${c.title}${c.authors && c.authors.length ? ', by ' + authorsOf(c) : ''}`,
      onclick: (e) => openCard(c, e.currentTarget) }, label);

    const renderAnswer = (t) => {
      const a = t.answer;
      const el = h('div', { class: 'a' + (a && a.abstained ? ' abstained' : ''), 'aria-busy': String(t.state === 'streaming') });
      if (t.state === 'done' && a) {
        if (a.abstained) el.append(h('span', { class: 'badge' }, 'Not covered by the collection'));
        el.append(...renderText(a.answer || '', a.citations));
        if (!a.abstained && a.citations && a.citations.length) {
          const seen = new Set();
          el.append(h('ol', { class: 'srcs', 'aria-label': 'Sources' }, a.citations.filter((c) => {
            const k = c.article_id + '|' + c.section;
            return !seen.has(k) && seen.add(k);
          }).map((c) => h('li', null, h('button', { type: 'button', onclick: (e) => openCard(c, e.currentTarget) },
            `[${c.n}] ${c.title}${c.authors && c.authors.length ? ' — ' + authorsOf(c) : ''}`)))));
        }
        if (a.notice) el.append(h('span', { class: 'note' }, a.notice));
        return el;
      }
      el.append(h('span', { class: 'text' }, t.text || ''));
      if (t.state === 'streaming' && !t.text) el.append(h('span', { class: 'dots', 'aria-label': 'Answering' }));
      if (t.state === 'stopped') el.append(h('span', { class: 'note' }, 'Stopped.'));
      if (t.state === 'error') {
        el.append(h('div', { class: 'err', role: 'alert' }, t.error || 'Something went wrong.',
          h('button', { type: 'button', onclick: () => { turns = turns.filter((x) => x !== t); ask(t.q); } }, 'Retry')));
      }
      return el;
    };

    const renderTurn = (t) => h('div', { class: 'turn', 'data-id': t.id }, h('div', { class: 'q' }, t.q), renderAnswer(t));

    const renderEmpty = () => {
      const box = h('div', { class: 'empty' }, h('p', null, cfg.greeting));
      const list = h('div', { class: 'starters', role: 'group', 'aria-label': 'Suggested questions' });
      // Off inside the log's live region: the list arriving, or an article
      // opening by the reader's own hand, is not news to read out.
      const browse = h('section', { class: 'browse', 'aria-labelledby': 'cc-browse', 'aria-live': 'off', hidden: true });
      box.append(list, browse);
      starterQuestions().then((qs) => list.replaceChildren(...qs.map((q) =>
        h('button', { type: 'button', onclick: () => ask(q) }, q))));
      articles().then((arts) => {
        if (!arts.length) return;
        browse.append(h('h3', { id: 'cc-browse' }, 'Browse the collection'));
        let part = null;
        let group = null;
        arts.forEach((a, i) => { // one list per run of articles in the same part, under the part's name
          if (!group || (a.part || '') !== part) {
            part = a.part || '';
            group = h('ul', { class: 'arts' });
            browse.append(...(part ? [h('h4', null, part)] : []), group);
          }
          group.append(renderArticle(a, i));
        });
        browse.hidden = false;
      });
      return box;
    };

    // renderArticle is one article of the browsable list: a button that
    // opens its key sentences (fetched the first time), section headings,
    // a question about it to send or edit, and a link to the reader.
    const renderArticle = (a, i) => {
      const by = (a.authors || []).map((x) => x.name || x).join(', ');
      const keys = h('ul', { class: 'keys' });
      const secs = a.sections || [];
      const body = h('div', { class: 'art-b', id: 'cc-art-' + i, hidden: true },
        h('p', null, 'Key sentences'), keys,
        secs.length > 0 && [h('p', null, 'Sections'), h('ul', { class: 'secs' }, secs.map((s) => h('li', null, s)))],
        h('div', { class: 'acts' },
          h('button', { type: 'button', onclick: () => draft(askAbout(a)) }, 'Ask about this article'),
          h('a', { href: new URL('read/' + encodeURIComponent(a.id), base).href, target: '_blank', rel: 'noopener' }, 'Read the article')));
      let loaded = false;
      const load = () => {
        keys.replaceChildren(h('li', { class: 'note' }, 'Loading…'));
        keySentences(a.id).then((ks) => {
          loaded = true;
          keys.replaceChildren(...(ks.length ? ks.map((k) => h('li', null, k.text)) : [h('li', { class: 'note' }, 'None found.')]));
        }, () => keys.replaceChildren(h('li', { class: 'note' }, 'The key sentences could not be loaded.')));
      };
      const btn = h('button', { type: 'button', class: 'art-t', 'aria-expanded': 'false', 'aria-controls': body.id,
        onclick: () => {
          body.hidden = !body.hidden;
          btn.setAttribute('aria-expanded', String(!body.hidden));
          if (!body.hidden && !loaded) load();
        } }, h('span', { class: 't' }, a.title), by && h('span', { class: 'by' }, by));
      return h('li', null, btn, body);
    };

    // draft puts a question in the box for the reader to send or edit.
    const draft = (q) => {
      input.value = q;
      input.dispatchEvent(new Event('input')); // fit the box to it
      input.focus();
      input.setSelectionRange(q.length, q.length);
    };

    const render = () => {
      log.replaceChildren(...(turns.length ? turns.map(renderTurn) : [renderEmpty()]));
      log.scrollTop = log.scrollHeight;
      syncButtons();
    };
    const update = (t) => {
      const old = log.querySelector(`.turn[data-id="${t.id}"]`);
      if (old) old.replaceWith(renderTurn(t)); else render();
      log.scrollTop = log.scrollHeight;
      syncButtons();
    };
    const busy = () => turns.some((t) => t.state === 'streaming');
    const syncButtons = () => {
      const b = busy();
      sendBtn.hidden = b;
      stopBtn.hidden = !b;
    };
    const setStatus = (s) => { status.textContent = s; };

    // ---- the collection: one request for the article list, shared by the
    // starter questions and browsing; a failure is forgotten, so the next
    // empty state asks again (the server may have been starting up) ----
    const getJSON = (path) => fetch(url(path), { credentials: 'omit' }).then((r) => {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
    let articlesP = null;
    const articles = () => articlesP || (articlesP = getJSON('api/articles')
      .then((j) => (Array.isArray(j) ? j : j.articles || []).filter((a) => a && a.id && a.title))
      .catch(() => { articlesP = null; return []; }));
    const summaries = new Map(); // article id → promise of its key sentences
    const keySentences = (id) => {
      if (!summaries.has(id)) {
        summaries.set(id, getJSON('api/articles/' + encodeURIComponent(id) + '/summary?n=3')
          .then((j) => j.key_sentences || [])
          .catch((e) => { summaries.delete(id); throw e; }));
      }
      return summaries.get(id);
    };

    // ---- starter questions: configured, or made from the collection's titles ----
    const askAbout = (a) => `What does “${a.title}” argue?`;
    const starterQuestions = () => (cfg.starters ? Promise.resolve(cfg.starters) : articles().then((all) => {
      const list = all.filter((a) => (a.authors || []).length);
      const pick = list.length <= 3 ? list : [list[0], list[list.length >> 1], list[list.length - 1]];
      return pick.map(askAbout);
    }));

    // ---- the source card ----
    let cardOpener = null;
    const openCard = (c, opener) => {
      if (cardOpener) cardOpener.setAttribute('aria-expanded', 'false');
      cardOpener = opener;
      opener.setAttribute('aria-expanded', 'true');
      const link = new URL('read/' + encodeURIComponent(c.article_id), base);
      if (c.quote) { link.searchParams.set('quote', c.quote.slice(0, 600)); link.hash = 'quote'; }
      const x = h('button', { type: 'button', class: 'x', 'aria-label': 'Close source', onclick: () => closeCard() }, icon(ICON_CLOSE));
      card.replaceChildren(...[x,
        h('h3', { id: 'cc-card-title' }, c.title || c.article_id),
        c.authors && c.authors.length && h('p', { class: 'by' }, 'By ' + authorsOf(c)),
        c.section && h('p', { class: 'sec' }, 'Section: ' + c.section),
        c.quote && h('blockquote', null, c.quote),
        h('a', { href: link.href, target: '_blank', rel: 'noopener' }, 'Read the article')].filter(Boolean));
      card.hidden = false;
      x.focus();
    };
    const closeCard = () => {
      card.hidden = true;
      if (cardOpener) {
        cardOpener.setAttribute('aria-expanded', 'false');
        if (cardOpener.isConnected) cardOpener.focus();
      }
      cardOpener = null;
    };

    // ---- open, close, keyboard: a focus trap while the floating panel is open ----
    const focusables = (el) => [...el.querySelectorAll('button,[href],textarea,input,[tabindex]:not([tabindex="-1"])')]
      .filter((x) => !x.disabled && x.getClientRects().length > 0);
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        if (!card.hidden) { e.preventDefault(); closeCard(); } else if (!inline) { e.preventDefault(); close(); }
        return;
      }
      if (e.key !== 'Tab' || inline) return;
      const f = focusables(card.hidden ? panel : card);
      if (!f.length) return;
      const first = f[0];
      const lastEl = f[f.length - 1];
      const active = shadow.activeElement;
      if (e.shiftKey && (active === first || !f.includes(active))) { e.preventDefault(); lastEl.focus(); }
      else if (!e.shiftKey && (active === lastEl || !f.includes(active))) { e.preventDefault(); first.focus(); }
    });

    const open = (focus = true) => {
      if (inline) {
        if (!log.firstChild) { render(); connect(); }
        if (focus) input.focus();
        return;
      }
      isOpen = true;
      panel.hidden = false;
      root.classList.add('open');
      launcher.setAttribute('aria-expanded', 'true');
      launcher.setAttribute('aria-label', 'Close chat: ' + cfg.title);
      save();
      render();
      if (focus) input.focus();
      connect();
    };
    const close = () => {
      if (inline) return;
      isOpen = false;
      closeCard();
      panel.hidden = true;
      root.classList.remove('open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-label', 'Open chat: ' + cfg.title);
      save();
      launcher.focus();
    };
    const toggle = () => (isOpen ? close() : open(true));

    // ---- asking ----
    const history = () => turns.filter((t) => t.state === 'done' && t.answer)
      .slice(-HISTORY_TURNS).map((t) => ({ q: t.q, a: t.answer.answer }));

    const ask = (q) => {
      q = String(q || '').trim();
      if (!q || busy()) return;
      if (!inline && !isOpen) open();
      input.value = '';
      input.style.height = '';
      const t = { id: newID(), q, text: '', state: 'streaming', answer: null, error: '' };
      const msg = { type: 'ask', id: t.id, question: q, history: history() };
      turns.push(t);
      save();
      render();
      send(msg, (ev) => onEvent(t, ev));
    };

    const onEvent = (t, ev) => {
      if (t.state !== 'streaming') return;
      switch (ev.type) {
        case 'delta': {
          t.text += ev.text || '';
          const span = log.querySelector(`.turn[data-id="${t.id}"] .a .text`);
          if (span) { span.textContent = t.text; span.parentElement.querySelector('.dots')?.remove(); }
          log.scrollTop = log.scrollHeight;
          return;
        }
        case 'restart': t.text = ''; update(t); return; // the connection dropped; the ask is sent again
        case 'done': t.state = 'done'; t.answer = ev; t.text = ev.answer || ''; break;
        case 'error': t.state = 'error'; t.error = errorText(ev); break;
        default: return; // sources, and types a newer server may add
      }
      save();
      update(t);
    };

    const errorText = (ev) => {
      switch (ev.code) {
        case 'rate_limited': {
          const s = Math.ceil(ev.retry_after || ev.retry_after_seconds || 0);
          return 'You are asking faster than this site allows.' + (s ? ` Please wait ${s} s.` : ' Please wait a moment.');
        }
        case 'too_large': return 'That question is too long.';
        case 'unavailable': return ev.message || 'The service is busy or starting up. Please try again shortly.';
        case 'bad_request': return ev.message || 'The question could not be read.';
        case 'forbidden': return 'This site is not allowed to use this chat. (Site owners: check the key and its allowed origins.)';
        case 'offline': return 'Cannot connect to the chat service from this page. (Site owners: check the key and its allowed origins.)';
        default: return ev.message || 'Something went wrong.';
      }
    };

    const stop = () => {
      const t = turns.find((x) => x.state === 'streaming');
      if (!t) return;
      cancel(t.id);
      t.state = 'stopped';
      save();
      update(t);
      input.focus();
    };

    const reset = () => {
      stop();
      turns = [];
      save();
      if (net.ws) net.ws.close(1000); // the server's connection history must not leak into the new conversation
      render();
      input.focus();
    };

    /* ---- transport: one websocket, reconnected with backoff; server-sent
       events over fetch when websockets cannot connect at all ---- */
    const net = { ws: null, open: false, fails: 0, timer: 0, backoff: 0, asks: new Map(), queue: [],
      sse: cfg.transport === 'sse' || !('WebSocket' in window) };

    const send = (msg, onEv) => {
      net.asks.set(msg.id, { msg, onEv, resends: 0 });
      if (net.sse) { sseAsk(msg); return; }
      net.queue.push(msg);
      flush();
    };
    const deliver = (ev) => {
      const a = net.asks.get(ev.id);
      if (!a) return;
      if (ev.type === 'done' || ev.type === 'error') net.asks.delete(ev.id);
      a.onEv(ev);
    };
    const cancel = (id) => {
      const a = net.asks.get(id);
      net.asks.delete(id);
      net.queue = net.queue.filter((m) => m.id !== id);
      if (a && a.abort) a.abort.abort();
      else if (a && net.open) net.ws.send(JSON.stringify({ type: 'cancel', id }));
    };
    const flush = () => {
      if (!net.open) { connect(); return; }
      for (const m of net.queue.splice(0)) net.ws.send(JSON.stringify(m));
    };

    const connect = () => {
      if (net.sse || net.ws) return;
      clearTimeout(net.timer);
      const u = url('ws');
      u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
      let opened = false;
      const ws = new WebSocket(u);
      net.ws = ws;
      ws.onopen = () => {
        opened = true; net.open = true; net.fails = 0; net.backoff = 0;
        setStatus('');
        flush();
      };
      ws.onmessage = (e) => {
        let ev;
        try { ev = JSON.parse(e.data); } catch { return; }
        if (ev && ev.id) deliver(ev);
      };
      ws.onclose = () => {
        if (net.ws !== ws) return;
        net.ws = null; net.open = false;
        if (!opened) net.fails++;
        requeue();
        if (!opened && net.fails >= 2 && cfg.transport !== 'ws') { toSSE(); return; }
        if (net.asks.size || isOpen || inline) reconnectLater();
      };
    };
    // requeue sends the asks a dropped socket was answering again, from the start.
    const requeue = () => {
      for (const [id, a] of net.asks) {
        if (net.queue.some((m) => m.id === id)) continue;
        if (++a.resends > MAX_RESENDS) { deliver({ type: 'error', id, code: 'unavailable', message: 'The connection was lost.' }); continue; }
        a.onEv({ type: 'restart', id });
        net.queue.push(a.msg);
      }
    };
    const reconnectLater = () => {
      net.backoff = Math.min(net.backoff ? net.backoff * 2 : 500, 15000);
      const wait = net.backoff * (0.75 + Math.random() / 2);
      if (net.fails) setStatus('Reconnecting…');
      net.timer = setTimeout(connect, wait);
    };
    const toSSE = () => {
      net.sse = true;
      const queued = net.queue.splice(0);
      for (const m of queued) sseAsk(m);
    };

    // sseAsk streams one answer as server-sent events read from a fetch body
    // (EventSource cannot POST).
    const sseAsk = async (msg) => {
      const a = net.asks.get(msg.id);
      if (!a) return;
      a.abort = new AbortController();
      const { type, ...body } = msg;
      try {
        const res = await fetch(url('api/ask/stream'), { method: 'POST', credentials: 'omit', signal: a.abort.signal,
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' }, body: JSON.stringify(body) });
        if (!res.ok) { // the REST error body: {"error": {"code", "message"}}
          let e = {};
          try { e = (await res.json()).error || {}; } catch { /* not JSON */ }
          deliver({ type: 'error', id: msg.id, code: res.status === 403 ? 'forbidden' : e.code || 'unavailable',
            message: e.message, retry_after: +res.headers.get('Retry-After') || 0 });
          return;
        }
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value.replace(/\r\n?/g, '\n');
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            sseEvent(buf.slice(0, i), msg.id);
            buf = buf.slice(i + 2);
          }
        }
        deliver({ type: 'error', id: msg.id, code: 'unavailable', message: 'The answer was cut off.' });
      } catch (e) {
        if (e.name !== 'AbortError') deliver({ type: 'error', id: msg.id, code: 'offline' });
      }
    };
    const sseEvent = (block, id) => {
      let name = '';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (!data.length) return;
      try {
        const ev = JSON.parse(data.join('\n'));
        deliver({ ...ev, type: ev.type || name, id: ev.id || id });
      } catch { /* a comment or keepalive */ }
    };

    // ---- start ----
    (inline ? inlineTarget : document.body).append(host);
    window.Citechat = Object.freeze({ open: () => open(true), close, toggle, ask: (q) => ask(q), reset, version: '1' });
    if (inline || isOpen || cfg.open) open(false); // without taking the page's focus
  };
  // An async script can run before the body exists; the inline target may come later still.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
  else main();
})();

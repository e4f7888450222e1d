/* sopkit site script: progressive enhancement only; every link and table works without it. */
(function () {
  'use strict';

  /* Component under the top of the viewport, so a switch keeps the reader in place even without a hash. */
  function currentAnchor() {
    if (location.hash.length > 1) return location.hash;
    var heads = document.querySelectorAll('main h2[id], main h3[id]');
    var found = '';
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getBoundingClientRect().top <= 80) found = '#' + heads[i].id; else break;
    }
    return found;
  }

  /*
   * The URL follows the component being read (replaceState: no history entries, no jumps),
   * so a switch, a bookmark or a reload keeps the place even after plain scrolling. Above the
   * first component the last place is kept: that is where the switchers are.
   */
  var ticking = false;
  function trackPlace() {
    ticking = false;
    var heads = document.querySelectorAll('main h2[id], main h3[id]');
    var found = '';
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getBoundingClientRect().top <= 120) found = heads[i].id; else break;
    }
    if (found && '#' + found !== location.hash && history.replaceState) history.replaceState(null, '', '#' + found);
    markToc(found);
  }

  /* The contents show where the reader is. */
  function markToc(id) {
    var old = document.querySelectorAll('.toc a[aria-current]');
    for (var i = 0; i < old.length; i++) old[i].removeAttribute('aria-current');
    if (!id) return;
    var link = document.querySelector('.toc a[href="#' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]') ||
      document.querySelector('.toc a[href="#' + id.split('--')[0] + '"]');
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    /* Keep the marked entry in view in the sticky sidebar (desktop), without moving the page. */
    var toc = document.querySelector('details.toc');
    if (toc && toc.scrollHeight > toc.clientHeight + 4 && link.offsetParent === toc) {
      var top = link.offsetTop;
      if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - 40) toc.scrollTop = Math.max(0, top - toc.clientHeight / 3);
    }
  }
  window.addEventListener('scroll', function () {
    if (!ticking) { ticking = true; (window.requestAnimationFrame || setTimeout)(trackPlace); }
  }, { passive: true });

  /* Version and language links keep the anchor (component ids are the same in every language and version). */
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[data-keep-hash]') : null;
    if (!a) return;
    var base = a.getAttribute('href').split('#')[0];
    a.setAttribute('href', base + currentAnchor());
  });

  /* A sub-heading slug differs between languages: fall back to its component (`component--slug`). */
  function landOnAnchor() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var component = id.split('--')[0];
    var el = document.getElementById(component);
    if (el) el.scrollIntoView();
  }

  /* Contents open beside the text on wide screens, folded above it on phones (follows rotation). */
  function closeTocOnPhones() {
    var toc = document.querySelector('details.toc');
    if (!toc || !window.matchMedia) return;
    var narrow = window.matchMedia('(max-width: 63.99rem)');
    function apply() { if (narrow.matches) toc.removeAttribute('open'); else toc.setAttribute('open', ''); }
    apply();
    if (narrow.addEventListener) narrow.addEventListener('change', apply);
  }

  /* Self-links on headings are added here to keep the HTML small; the ids are in the HTML. */
  function addAnchors() {
    var heads = document.querySelectorAll('main h2[id], main h3[id], main h4[id]');
    Array.prototype.forEach.call(heads, function (hd) {
      var a = document.createElement('a');
      a.className = 'anchor'; a.href = '#' + hd.id; a.textContent = '#';
      a.setAttribute('aria-hidden', 'true'); a.tabIndex = -1;
      hd.appendChild(a);
    });
  }

  function headingText(el) {
    var t = '';
    Array.prototype.forEach.call(el.childNodes, function (n) { if (!(n.nodeType === 1 && n.className === 'anchor')) t += n.textContent; });
    return t.trim();
  }

  function loadScripts(urls, done) {
    if (!urls.length) { done(); return; }
    var el = document.createElement('script');
    el.src = urls[0];
    el.onload = function () { loadScripts(urls.slice(1), done); };
    el.onerror = function () { done(new Error(urls[0])); };
    document.head.appendChild(el);
  }

  /* Search: the index and MiniSearch load on first use (focus or typing), from file:// too. */
  function setupSearch() {
    var form = document.querySelector('form.search');
    if (!form) return;
    var input = form.querySelector('input');
    var out = form.querySelector('.search-results');
    var none = form.getAttribute('data-none') || 'No results';
    var ms = null;
    var state = 'idle';
    form.hidden = false;

    function ensureIndex() {
      if (state !== 'idle') return;
      state = 'loading';
      loadScripts((form.getAttribute('data-scripts') || '').split(' ').filter(Boolean), function (err) {
        var data = window.SOPKIT_SEARCH;
        if (err || !data || !window.MiniSearch || !window.SOPKIT_TERM) { state = 'failed'; return; }
        var term = window.SOPKIT_TERM;
        ms = window.MiniSearch.loadJS(data, { fields: ['text'], storeFields: [], processTerm: function (t) { return term(t); } });
        state = 'ready';
        run();
      });
    }

    function run() {
      var q = input.value.trim();
      out.textContent = '';
      if (!q || !ms) return;
      var hits = ms.search(q, { prefix: true, combineWith: 'AND' });
      if (!hits.length) hits = ms.search(q, { prefix: true, fuzzy: 0.2 });
      if (!hits.length) { var li = document.createElement('li'); li.className = 'none'; li.textContent = none; out.appendChild(li); return; }
      hits.slice(0, 12).forEach(function (h) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '#' + h.id;
        var target = document.getElementById(h.id);
        a.textContent = target ? headingText(target) : h.id;
        var section = target && target.tagName !== 'H2' && target.closest ? target.closest('section.component, section.annex') : null;
        var h2 = section ? section.querySelector('h2') : null;
        if (h2) { var p = document.createElement('span'); p.className = 'parent'; p.textContent = headingText(h2); a.appendChild(p); }
        a.addEventListener('click', function () { out.textContent = ''; });
        li.appendChild(a);
        out.appendChild(li);
      });
    }

    input.addEventListener('focus', ensureIndex);
    input.addEventListener('input', function () { ensureIndex(); run(); });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); var first = out.querySelector('a'); if (first) first.click(); });
    input.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { input.value = ''; out.textContent = ''; } });
  }

  /* Generated numbers follow manifest.digits, as in the HTML the build wrote. */
  function digits(text) {
    if (document.body.getAttribute('data-digits') !== 'arab') return text;
    return String(text).replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0660 + Number(d)); });
  }

  function setupServiceFilters() {
    var blocks = document.querySelectorAll('[data-services]');
    Array.prototype.forEach.call(blocks, function (block) {
      var form = block.querySelector('.service-filters');
      if (!form) return;
      var selects = form.querySelectorAll('select[data-filter]');
      var rows = block.querySelectorAll('tbody tr');
      var count = form.querySelector('.service-count');
      function apply() {
        var shown = 0;
        Array.prototype.forEach.call(rows, function (row) {
          var ok = true;
          Array.prototype.forEach.call(selects, function (s) {
            if (s.value && row.getAttribute('data-' + s.getAttribute('data-filter')) !== s.value) ok = false;
          });
          row.hidden = !ok;
          if (ok) shown++;
        });
        if (count) count.textContent = digits(shown + ' / ' + rows.length);
      }
      Array.prototype.forEach.call(selects, function (s) { s.addEventListener('change', apply); });
      form.addEventListener('submit', function (ev) { ev.preventDefault(); });
      form.hidden = false;
    });
  }

  function init() {
    closeTocOnPhones();
    addAnchors();
    setupSearch();
    setupServiceFilters();
    landOnAnchor();
  }
  window.addEventListener('hashchange', landOnAnchor);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();

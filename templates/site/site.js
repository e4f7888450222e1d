/* sopkit site script: progressive enhancement only; every link and table works without it. */
(function () {
  'use strict';

  /*
   * The last heading (h2, h3) whose top is at or above `line` px from the top of the viewport.
   * Only the component or annex crossing the line is searched: a section off screen is not
   * laid out (content-visibility in site.css), and measuring a heading inside it would lay it
   * out and move the page under the reader.
   */
  function headingAbove(line) {
    var sections = document.querySelectorAll('main section.component, main section.annex');
    var scope = null;
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getBoundingClientRect().top <= line) scope = sections[i]; else break;
    }
    var heads = (scope || document).querySelectorAll(scope ? 'h2[id], h3[id]' : 'main h2[id], main h3[id]');
    var found = '';
    for (var j = 0; j < heads.length; j++) {
      if (scope && heads[j].closest('section.component, section.annex') !== scope) continue;
      if (heads[j].getBoundingClientRect().top <= line) found = heads[j].id; else break;
    }
    return found;
  }

  /* Component under the top of the viewport, so a switch keeps the reader in place even without a hash. */
  function currentAnchor() {
    if (location.hash.length > 1) return location.hash;
    var found = headingAbove(80);
    return found ? '#' + found : '';
  }

  /*
   * The URL follows the component being read (replaceState: no history entries, no jumps),
   * so a switch, a bookmark or a reload keeps the place even after plain scrolling. Above the
   * first component the last place is kept: that is where the switchers are.
   */
  var ticking = false;
  function trackPlace() {
    ticking = false;
    if (settling) return;
    var found = headingAbove(120);
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

  /* Sub-headings of a component or annex, in order (the footnotes heading is not one). */
  function subHeadings(section) {
    return Array.prototype.filter.call(section.querySelectorAll('h3[id], h4[id], h5[id], h6[id]'), function (x) {
      return !/--footnotes(-\d+)?$/.test(x.id) && x.closest('section') === section;
    });
  }

  /*
   * Version and language links keep the anchor (component ids are the same in every language
   * and version). A sub-heading's slug differs between languages, so a language switch sends
   * its position in the component instead (`#component/3`) and the other page finds its own
   * third sub-heading there.
   */
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[data-keep-hash]') : null;
    if (!a) return;
    var base = a.getAttribute('href').split('#')[0];
    var hash = currentAnchor();
    var other = a.getAttribute('hreflang');
    if (other) remember(other);
    if (other && other !== document.documentElement.lang && hash) {
      var el = document.getElementById(decodeURIComponent(hash.slice(1)));
      var section = el && el.closest ? el.closest('section.component, section.annex') : null;
      var pos = section ? subHeadings(section).indexOf(el) : -1;
      if (pos >= 0) hash = '#' + section.querySelector('h2').id + '/' + (pos + 1);
    }
    a.setAttribute('href', base + hash);
  });

  /* The language last chosen, for the root page (storage may be off: then nothing is kept). */
  function remember(lang) {
    try { localStorage.setItem('sopkit-lang', lang); } catch (e) { /* private mode, file:// policy */ }
  }

  /*
   * Sections off screen are not laid out (site.css): after a jump, those above the target
   * take their real height as they come near the screen, which can move the target away.
   * For a few frames the target is put back where the jump put it (the reader's own
   * scrolling ends this at once), and the URL is not rewritten meanwhile.
   */
  var settling = 0;
  function settle(el, how) {
    if (!el || !window.requestAnimationFrame) return;
    var ends = Date.now() + 1500;
    var still = 0;
    var done = false;
    var want = null;
    function stop() {
      if (done) return;
      done = true;
      settling--;
      if (!settling) document.documentElement.removeAttribute('data-settling');
      ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function (t) { window.removeEventListener(t, stop, true); });
    }
    settling++;
    /* Marked while it lasts: a script that scrolls the page itself (a test) waits for the end. */
    document.documentElement.setAttribute('data-settling', '');
    ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function (t) { window.addEventListener(t, stop, { capture: true, passive: true }); });
    var y = 0;
    function put() {
      el.scrollIntoView(how);
      want = el.getBoundingClientRect().top;
      y = window.pageYOffset;
      still = 0;
    }
    function frame() {
      if (done) return;
      if (Date.now() > ends) { stop(); return; }
      var top = el.getBoundingClientRect().top;
      if (want === null) put();
      else if (Math.abs(top - want) <= 1) { y = window.pageYOffset; if (++still >= 4) { stop(); return; } }
      /* Moved by exactly what the page was scrolled: something else scrolled it (a script, the scrollbar), which wins. */
      else if (window.pageYOffset !== y && Math.abs(top - want + window.pageYOffset - y) <= 1) { stop(); return; }
      else put();
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  }

  /* `#component/3` (from a language switch) → the third sub-heading; an unknown sub-heading → its component. */
  function landOnAnchor() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && document.getElementById(id)) { settle(document.getElementById(id)); return; }
    if (!id) return;
    var m = /^(.+)\/(\d+)$/.exec(id);
    if (m) {
      var h2 = document.getElementById(m[1]);
      var section = h2 && h2.closest ? h2.closest('section') : null;
      var target = section ? subHeadings(section)[Number(m[2]) - 1] : null;
      target = target || h2;
      if (target) {
        if (history.replaceState) history.replaceState(null, '', '#' + target.id);
        target.scrollIntoView();
        settle(target);
      }
      return;
    }
    var el = document.getElementById(id.split('--')[0]);
    if (el) { el.scrollIntoView(); settle(el); }
  }

  /* Contents open beside the text on wide screens, folded above it on phones (follows rotation). */
  function closeTocOnPhones() {
    var toc = document.querySelector('details.toc');
    if (!toc || !window.matchMedia) return;
    var narrow = window.matchMedia('(max-width: 63.99rem)');
    function apply() { document.body.classList.remove('toc-open'); if (narrow.matches) toc.removeAttribute('open'); else toc.setAttribute('open', ''); }
    apply();
    if (narrow.addEventListener) narrow.addEventListener('change', apply);
    /* The bar's contents button opens them over the page, wherever the reader is; a choice closes them. */
    var button = document.querySelector('.bar-toc');
    if (!button) return;
    button.setAttribute('role', 'button');
    button.setAttribute('aria-controls', 'contents');
    button.setAttribute('aria-expanded', 'false');
    function show(open) {
      document.body.classList.toggle('toc-open', open);
      if (open) toc.setAttribute('open', ''); else if (narrow.matches) toc.removeAttribute('open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    button.addEventListener('click', function (ev) {
      if (!narrow.matches) return;
      ev.preventDefault();
      var open = !document.body.classList.contains('toc-open');
      show(open);
      if (open) { var cur = toc.querySelector('a[aria-current]') || toc.querySelector('nav a'); if (cur) cur.focus(); }
    });
    toc.addEventListener('click', function (ev) { if (ev.target.closest && ev.target.closest('a') && narrow.matches) show(false); });
    document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && document.body.classList.contains('toc-open')) { show(false); button.focus(); } });
  }

  /*
   * The bar's real height, so anchors land below it (CSS has a fallback). Told by a
   * ResizeObserver after the browser's own layout, not read at start: reading it then would
   * force a layout of the page before its first paint.
   */
  function measureBar() {
    var bar = document.querySelector('.bar');
    if (!bar) return;
    function set(h) { document.documentElement.style.setProperty('--bar-h', h + 'px'); }
    if (!window.ResizeObserver) { set(bar.offsetHeight); window.addEventListener('resize', function () { set(bar.offsetHeight); }); return; }
    new ResizeObserver(function () { set(bar.offsetHeight); }).observe(bar);
  }

  /* "Back to top" once the reader is a screen down. */
  function setupToTop() {
    var link = document.querySelector('.to-top');
    if (!link) return;
    function apply() { link.hidden = window.scrollY < window.innerHeight; }
    window.addEventListener('scroll', apply, { passive: true });
    link.addEventListener('click', function (ev) {
      ev.preventDefault();
      window.scrollTo(0, 0);
      var main = document.getElementById('main');
      if (main) main.focus({ preventScroll: true });
      if (history.replaceState) history.replaceState(null, '', location.pathname + location.search);
    });
    /* At the next frame (its layout is done anyway), not now: scrollY would force one before the first paint. */
    (window.requestAnimationFrame || setTimeout)(apply);
  }

  /*
   * Tables and diagrams wider than the screen scroll sideways: those that do are focusable
   * (keyboard scrolling), named, cued by a hint line and edge shadows; a diagram opens with
   * its start node in view. Each box is checked when it first comes near the screen
   * (IntersectionObserver: measuring every box at start would lay out the whole page,
   * sections off screen included), and again when the width changes.
   */
  function setupScrollers() {
    var hint = document.body.getAttribute('data-scroll-hint') || '';
    var boxes = document.querySelectorAll('.table-scroll, .diagram-scroll');
    var width = window.innerWidth;
    /* The boxes near the screen now, and the width each box was last checked at. */
    var near = [];
    function label(box) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      var cap = box.querySelector('caption');
      if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', (cap ? cap.textContent : '') || hint);
    }
    function apply(list) {
      Array.prototype.forEach.call(list, function (box) {
        box.sopkitWidth = width;
        var wide = box.scrollWidth > box.clientWidth + 1;
        var note = box.previousElementSibling && box.previousElementSibling.className === 'scroll-hint' ? box.previousElementSibling : null;
        box.classList.toggle('scrolls', wide);
        if (wide && !note && hint) {
          note = document.createElement('p');
          note.className = 'scroll-hint';
          note.textContent = hint;
          box.parentNode.insertBefore(note, box);
        }
        if (note) note.hidden = !wide;
        if (box.classList.contains('diagram-scroll')) { if (wide) toStart(box); return; }
        if (wide) label(box);
        else {
          box.removeAttribute('tabindex');
          box.removeAttribute('role');
        }
      });
    }
    var seen = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var i = near.indexOf(e.target);
        if (e.isIntersecting && i < 0) near.push(e.target); else if (!e.isIntersecting && i >= 0) near.splice(i, 1);
        if (e.isIntersecting && e.target.sopkitWidth !== width) apply([e.target]);
      });
    }, { rootMargin: '50% 0px' }) : null;
    if (seen) {
      Array.prototype.forEach.call(boxes, function (box) {
        /* Until it is measured, a table's box counts as one that scrolls for the keyboard and screen readers (focusable, named), never as one that cannot be reached. */
        if (!box.classList.contains('diagram-scroll')) label(box);
        seen.observe(box);
      });
    } else apply(boxes);
    /* A box off screen is checked again when it next comes near (its width mark is stale). */
    window.addEventListener('resize', function () { if (window.innerWidth !== width) { width = window.innerWidth; apply(seen ? near : boxes); } });
  }

  function toStart(box) {
    var start = box.querySelector('.g-start');
    if (!start || !start.getBoundingClientRect) return;
    var r = start.getBoundingClientRect();
    var b = box.getBoundingClientRect();
    box.scrollLeft += (r.left + r.width / 2) - (b.left + b.width / 2);
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

  /* Words as MiniSearch splits them (space or punctuation), so a word's term is the index's term. */
  var WORD;
  try { WORD = new RegExp('[^\\n\\r\\p{Z}\\p{P}]+', 'gu'); } catch (e) { WORD = /[^\s.,;:!?()\[\]"'«»،؛]+/g; }

  /*
   * The first word under a search hit's heading (up to the next one) whose index term is one
   * the hit matched: the page is the snippet store, so the index carries no text.
   */
  function findInRegion(heading, terms) {
    var term = window.SOPKIT_TERM;
    if (!term || !terms || !terms.length) return null;
    var nodes = [];
    var el = heading.nextElementSibling;
    for (; el; el = el.nextElementSibling) {
      if (/^H[2-6]$/.test(el.tagName) && el.id) break;
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
        /* Only text the reader can see (a phone hides the matrix's header row, for one). */
        acceptNode: function (n) {
          var e = n.parentNode;
          var hidden = e.closest('svg, .sr-only, .anchor') || (e.checkVisibility ? !e.checkVisibility() : !e.getClientRects().length);
          return hidden ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        },
      });
      for (var n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    }
    for (var i = 0; i < nodes.length; i++) {
      var text = nodes[i].nodeValue;
      WORD.lastIndex = 0;
      for (var m = WORD.exec(text); m; m = WORD.exec(text)) {
        if (terms.indexOf(term(m[0])) >= 0) return { node: nodes[i], start: m.index, end: m.index + m[0].length, nodes: nodes, at: i };
      }
    }
    /* A column name hidden on a phone (tables shown as cards): the first cell it labels. */
    for (el = heading.nextElementSibling; el; el = el.nextElementSibling) {
      if (/^H[2-6]$/.test(el.tagName) && el.id) break;
      var cells = el.querySelectorAll('[data-label]');
      for (var c = 0; c < cells.length; c++) {
        var words = cells[c].getAttribute('data-label').match(WORD) || [];
        for (var k = 0; k < words.length; k++) if (terms.indexOf(term(words[k])) >= 0) return { cell: cells[c] };
      }
    }
    return null;
  }

  /* A line of the text around the match, the match marked. */
  function snippet(f) {
    if (f.cell) {
      var line = document.createElement('span');
      line.className = 'snippet';
      var label = document.createElement('mark');
      label.textContent = f.cell.getAttribute('data-label');
      line.appendChild(label);
      var rest = f.cell.textContent.replace(/\s+/g, ' ').trim();
      line.appendChild(document.createTextNode(': ' + (rest.length > 90 ? rest.slice(0, 90).replace(/\s\S*$/, '') + '…' : rest)));
      return line;
    }
    var before = '';
    var after = '';
    for (var i = f.at; i >= 0 && before.length < 60; i--) before = (i === f.at ? f.node.nodeValue.slice(0, f.start) : f.nodes[i].nodeValue + ' ') + before;
    for (var j = f.at; j < f.nodes.length && after.length < 90; j++) after += j === f.at ? f.node.nodeValue.slice(f.end) : ' ' + f.nodes[j].nodeValue;
    before = before.replace(/\s+/g, ' ');
    after = after.replace(/\s+/g, ' ');
    if (before.length > 60) before = '…' + before.slice(before.length - 60).replace(/^\S*\s/, '');
    if (after.length > 90) after = after.slice(0, 90).replace(/\s\S*$/, '') + '…';
    var span = document.createElement('span');
    span.className = 'snippet';
    var mark = document.createElement('mark');
    mark.textContent = f.node.nodeValue.slice(f.start, f.end);
    span.appendChild(document.createTextNode(before));
    span.appendChild(mark);
    span.appendChild(document.createTextNode(after));
    return span;
  }

  /* The landing text marked (one mark at a time), so the eye finds it. */
  function unmark() {
    Array.prototype.forEach.call(document.querySelectorAll('.hit-cell'), function (c) { c.classList.remove('hit-cell'); });
    Array.prototype.forEach.call(document.querySelectorAll('mark.hit'), function (m) {
      var parent = m.parentNode;
      m.replaceWith(document.createTextNode(m.textContent));
      parent.normalize();
    });
  }

  function highlight(f) {
    if (f.cell) { f.cell.classList.add('hit-cell'); return f.cell; }
    var range = document.createRange();
    range.setStart(f.node, f.start);
    range.setEnd(f.node, f.end);
    var mark = document.createElement('mark');
    mark.className = 'hit';
    range.surroundContents(mark);
    return mark;
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
        var found = target ? findInRegion(target, h.terms) : null;
        if (found) a.appendChild(snippet(found));
        a.addEventListener('click', function (ev) {
          out.textContent = '';
          if (!found) return;
          ev.preventDefault();
          if (history.pushState) history.pushState(null, '', '#' + h.id); else location.hash = h.id;
          unmark();
          var here = findInRegion(target, h.terms);
          var mark = here ? highlight(here) : null;
          (mark || target).scrollIntoView({ block: 'center' });
          settle(mark || target, { block: 'center' });
        });
        li.appendChild(a);
        out.appendChild(li);
      });
    }

    /* `/` focuses search from anywhere but a field. */
    document.addEventListener('keydown', function (ev) {
      var t = ev.target;
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      ev.preventDefault();
      input.focus();
    });

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
    measureBar();
    closeTocOnPhones();
    setupToTop();
    addAnchors();
    setupSearch();
    setupServiceFilters();
    setupScrollers();
    landOnAnchor();
  }
  /* Printing shows the text version of every diagram in full (closed <details> would print only its summary). */
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.diagram-text:not([open])'), function (d) { d.setAttribute('open', ''); d.setAttribute('data-print-opened', ''); });
  });
  window.addEventListener('afterprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details[data-print-opened]'), function (d) { d.removeAttribute('open'); d.removeAttribute('data-print-opened'); });
  });
  window.addEventListener('hashchange', landOnAnchor);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();

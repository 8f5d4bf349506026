/*
 * Helpers for the newsroom's StreamField blocks in the page editor.
 *
 * Quote block: choosing a speaker fills "Speaker's description" from the person's profile
 * (their role), unless an editor has written one for this story.
 *
 * Pull quote block: a "Pick from a quote in this article" list above the excerpt, filled from
 * the quote blocks and the quotations of quoted paragraphs (what the importer makes of reported
 * speech) in the form as it is now: each whole quote and each of its sentences.
 *
 * Both work by listening to the form (event delegation) and by looking at the field names
 * StreamField gives its blocks ("body-3-type", "body-3-value-speaker"), so blocks added after
 * the page loads are covered too.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var data = script ? script.dataset : {};
  var summaryUrl = data.personSummaryUrl || null;
  // Translated labels come from the script tag (see wagtail_hooks.editor_js).
  var labels = {
    pick: data.pickLabel || 'Pick from a quote in this article',
    choose: data.chooseLabel || '— choose a quote —',
    none: data.noneLabel || '— no quotes in this article yet —',
  };
  var SPEAKER = /^(.*-value)-speaker$/;
  var TEXT = /^(.*)-value-text$/;

  function field(name) {
    return document.querySelector('[name="' + name + '"]');
  }

  function personUrl(id) {
    // The URL was reversed with id 0: ".../people/0/summary/".
    return summaryUrl.replace(/\/0\/summary\/$/, '/' + encodeURIComponent(id) + '/summary/');
  }

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!summaryUrl || !input || !input.name) return;
    var match = SPEAKER.exec(input.name);
    if (!match || !input.value) return;
    var role = field(match[1] + '-speaker_role');
    if (!role) return;
    // Only fill a blank role, or one this script filled for the previous speaker.
    if (role.value && role.value !== role.dataset.newsroomFilled) return;
    fetch(personUrl(input.value), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (person) {
        if (!person || !person.job_title) return;
        if (role.value && role.value !== role.dataset.newsroomFilled) return;
        role.value = person.job_title;
        role.dataset.newsroomFilled = person.job_title;
        role.dispatchEvent(new Event('input', { bubbles: true }));
        role.dispatchEvent(new Event('change', { bubbles: true }));
      })
      .catch(function () {});
  });

  function richTextToPlain(value) {
    // Draftail stores its content as JSON in a hidden input; plain inputs hold text or HTML.
    try {
      var data = JSON.parse(value);
      if (data && data.blocks) {
        return data.blocks.map(function (block) { return block.text; }).join(' ');
      }
    } catch (e) { /* not JSON */ }
    // Parsed as an inert document: nothing in it runs or loads (an <img onerror> would, had it
    // been assigned to a div's innerHTML).
    return new DOMParser().parseFromString(value, 'text/html').body.textContent || '';
  }

  function sentences(text) {
    var parts = text.match(/[^.!?]+[.!?]+["”’]?|[^.!?]+$/g) || [];
    return parts.map(function (part) { return part.trim(); }).filter(function (part) {
      return part.split(/\s+/).length >= 4;
    });
  }

  function speakerName(prefix) {
    // The chosen profile's name as the chooser shows it, else the plain name typed in.
    var chooser = document.getElementById(prefix + '-value-speaker-chooser');
    var title = chooser && !chooser.classList.contains('blank')
      ? chooser.querySelector('[data-chooser-title]')
      : null;
    var name = title ? title.textContent.trim() : '';
    var typed = field(prefix + '-value-speaker_name');
    return name || (typed ? typed.value.trim() : '');
  }

  function isDeleted(prefix) {
    var deleted = field(prefix + '-deleted');
    return deleted && deleted.value === '1';
  }

  // Each spoken block in the body as [prefix of its fields, its words]: a quote block, or one
  // quotation of a quoted paragraph ("body-3-value-quotations-0").
  function spokenBlocks() {
    var found = [];
    document.querySelectorAll('input[name$="-type"]').forEach(function (typeInput) {
      var prefix = typeInput.name.replace(/-type$/, '');
      if (isDeleted(prefix)) return;
      if (typeInput.value === 'quote') {
        var text = field(prefix + '-value-text');
        if (text) found.push([prefix, richTextToPlain(text.value)]);
      } else if (typeInput.value === 'quoted_paragraph') {
        var selector = '[name^="' + prefix + '-value-quotations-"][name$="-value-text"]';
        document.querySelectorAll(selector).forEach(function (words) {
          var quotation = words.name.replace(/-value-text$/, '');
          if (!isDeleted(quotation)) found.push([quotation, words.value]);
        });
      }
    });
    return found;
  }

  function articleQuotes() {
    var quotes = [];
    spokenBlocks().forEach(function (block) {
      var plain = block[1].replace(/\s+/g, ' ').trim();
      if (!plain) return;
      var speaker = speakerName(block[0]);
      [plain].concat(sentences(plain)).forEach(function (option) {
        if (!quotes.some(function (quote) { return quote.text === option; })) {
          quotes.push({ text: option, speaker: speaker });
        }
      });
    });
    return quotes;
  }

  function isPullQuoteText(textarea) {
    var match = TEXT.exec(textarea.name || '');
    if (!match) return false;
    var type = field(match[1] + '-type');
    return type && type.value === 'pull_quote';
  }

  function fill(select) {
    var quotes = articleQuotes();
    while (select.options.length > 1) select.remove(1);
    quotes.forEach(function (quote) {
      var option = document.createElement('option');
      var text = quote.text;
      option.value = text;
      option.dataset.speaker = quote.speaker;
      option.textContent = (text.length > 140 ? text.slice(0, 137) + '…' : text)
        + (quote.speaker ? ' — ' + quote.speaker : '');
      select.appendChild(option);
    });
    select.options[0].textContent = quotes.length ? labels.choose : labels.none;
  }

  function enhance(textarea) {
    if (textarea.dataset.newsroomPicker || !isPullQuoteText(textarea)) return;
    textarea.dataset.newsroomPicker = 'true';
    var wrapper = document.createElement('div');
    wrapper.className = 'newsroom-quote-picker';
    var label = document.createElement('label');
    label.htmlFor = textarea.id + '-picker';
    label.textContent = labels.pick;
    label.className = 'w-field__label';
    var select = document.createElement('select');
    select.id = textarea.id + '-picker';
    select.appendChild(document.createElement('option'));
    select.options[0].value = '';
    fill(select);
    select.addEventListener('focus', function () { fill(select); });
    select.addEventListener('mousedown', function () { fill(select); });
    select.addEventListener('change', function () {
      if (!select.value) return;
      textarea.value = select.value;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      textarea.dispatchEvent(new Event('change', { bubbles: true }));
      // The quote's speaker becomes the attribution, unless one was written already.
      var speaker = select.options[select.selectedIndex].dataset.speaker;
      var attribution = field(TEXT.exec(textarea.name)[1] + '-value-attribution');
      if (speaker && attribution && !attribution.value) {
        attribution.value = speaker;
        attribution.dispatchEvent(new Event('input', { bubbles: true }));
      }
      select.value = '';
    });
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    wrapper.style.marginBottom = '1rem';
    // Above the whole Excerpt field (label, help and input), not inside it.
    var container = textarea.closest('[data-contentpath="text"]')
      || textarea.closest('.w-field__wrapper')
      || textarea;
    container.parentNode.insertBefore(wrapper, container);
  }

  function scan(root) {
    (root || document).querySelectorAll('textarea[name$="-value-text"]').forEach(enhance);
  }

  function start() {
    scan(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) scan(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

// Helpdesk.Bot — the service desk console (/agent). Plain JS, no framework: the queue (live over SignalR, with SLA
// timers), a case's full context and transcript, and live chat with the user through the bot.
(function () {
  'use strict';

  var csrf = document.getElementById('csrf').dataset;
  var els = {};
  ['connection', 'me', 'queue', 'queue-count', 'queue-online', 'queue-empty', 'case', 'no-case', 'case-title', 'case-meta',
    'case-error', 'summary', 'generated', 'generated-title', 'generated-lines', 'facts', 'steps', 'articles', 'transcript', 'messages', 'reply', 'reply-text', 'send', 'note',
    'claim', 'transfer', 'transfer-to', 'return', 'resolve', 'close-note'].forEach(function (id) { els[id] = document.getElementById(id); });

  var me = null;
  var clockOffset = 0;
  var queue = [];
  var current = null;
  var shownMessages = {};

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers[csrf.header] = csrf.token;
    }

    return fetch('/agent/api' + path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign('/agent/login');
          throw new Error('Signed out');
        }

        return response.text().then(function (text) {
          var data = text ? JSON.parse(text) : null;
          if (!response.ok) {
            throw new Error((data && (data.detail || data.title)) || ('HTTP ' + response.status));
          }

          return data;
        });
      });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function showError(message) {
    els['case-error'].textContent = message || '';
    els['case-error'].hidden = !message;
  }

  function formatLeft(seconds) {
    var abs = Math.abs(Math.round(seconds));
    var h = Math.floor(abs / 3600);
    var m = Math.floor((abs % 3600) / 60);
    var s = abs % 60;
    var text = (h > 0 ? h + 'h ' : '') + (h > 0 || m > 0 ? m + 'm ' : '') + s + 's';
    return seconds >= 0 ? text + ' left' : 'overdue ' + text;
  }

  function time(value) {
    var date = new Date(value);
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function tick() {
    var now = Date.now() + clockOffset;
    document.querySelectorAll('[data-due]').forEach(function (node) {
      var left = (Date.parse(node.dataset.due) - now) / 1000;
      node.textContent = formatLeft(left);
      node.classList.toggle('sla--breached', left < 0);
      node.classList.toggle('sla--warning', left >= 0 && left < 300);
    });
  }

  // ---- queue ------------------------------------------------------------------------------------------------

  function loadQueue() {
    return api('GET', '/queue').then(function (snapshot) {
      clockOffset = Date.parse(snapshot.now) - Date.now();
      queue = snapshot.cases;
      renderQueue(snapshot);
    }).catch(function (error) { console.warn('queue', error.message); });
  }

  function renderQueue(snapshot) {
    clear(els.queue);
    els['queue-count'].textContent = String(queue.filter(function (c) { return c.status === 'waiting'; }).length);
    els['queue-online'].textContent = snapshot.agentsOnline + ' agent' + (snapshot.agentsOnline === 1 ? '' : 's') + ' online';
    els['queue-empty'].hidden = queue.length > 0;
    queue.forEach(function (item) {
      var li = el('li', 'item item--' + item.status + (current && current.id === item.id ? ' item--selected' : ''));
      li.dataset.caseId = String(item.id);
      li.dataset.status = item.status;
      li.tabIndex = 0;
      var top = el('div', 'item__top');
      top.appendChild(el('span', 'badge badge--' + item.priority.toLowerCase(), item.priority));
      top.appendChild(el('span', 'item__number', item.number));
      top.appendChild(el('span', 'item__status', item.status === 'active' ? 'with ' + (item.agentName || 'agent') : item.status === 'waiting' ? '#' + (item.position || '?') + ' waiting' : item.status));
      li.appendChild(top);
      li.appendChild(el('div', 'item__user', (item.userName || 'Unnamed user') + ' · ' + item.channelId + ' · ' + item.category));
      li.appendChild(el('div', 'item__reason', item.reason));
      var sla = el('div', 'item__sla sla');
      sla.dataset.due = item.slaDueAt;
      li.appendChild(sla);
      li.addEventListener('click', function () { selectCase(item.id); });
      li.addEventListener('keydown', function (event) { if (event.key === 'Enter') { selectCase(item.id); } });
      els.queue.appendChild(li);
    });
    tick();
  }

  // ---- case ---------------------------------------------------------------------------------------------------

  function selectCase(id) {
    showError('');
    return api('GET', '/cases/' + id).then(function (detail) {
      current = detail.case;
      renderCase(detail);
      renderQueue({ agentsOnline: Number((els['queue-online'].textContent.match(/\d+/) || ['0'])[0]) });
    }).catch(function (error) { showError(error.message); });
  }

  function fact(list, name, value) {
    if (value === undefined || value === null || value === '') { return; }
    list.appendChild(el('dt', null, name));
    list.appendChild(el('dd', null, value));
  }

  function renderCase(detail) {
    var item = detail.case;
    var context = detail.context || {};
    var user = context.user || {};
    els['no-case'].hidden = true;
    els.case.hidden = false;
    els.case.dataset.caseId = String(item.id);
    els.case.dataset.status = item.status;
    els['case-title'].textContent = item.number + ' · ' + (item.userName || 'Unnamed user') + ' · ' + item.priority;
    els['case-meta'].textContent = item.status + (item.agentName ? ' · ' + item.agentName : '') + ' · opened ' + time(item.createdAt) +
      (item.ticketNumber ? ' · ticket ' + item.ticketNumber : '') + (item.csat ? ' · CSAT ' + item.csat + '/5' : '');
    els.summary.textContent = context.summary || item.reason;
    clear(els['generated-lines']);
    var generated = context.generatedSummary;
    els.generated.hidden = !(generated && generated.lines && generated.lines.length);
    if (!els.generated.hidden) {
      els['generated-title'].textContent = 'Generated summary (AI, ' + generated.model + ') — check it against the transcript';
      generated.lines.forEach(function (line) { els['generated-lines'].appendChild(el('li', null, line)); });
    }

    clear(els.facts);
    fact(els.facts, 'User', (user.name || '') + (user.id ? ' (' + user.id + ')' : ''));
    fact(els.facts, 'Account', user.account ? user.account + (user.verified ? ' — verified (' + (user.verificationMethod || 'second factor') + ')' : ' — NOT verified') : 'not identified');
    fact(els.facts, 'Channel', (context.channel && context.channel.channelId) + (context.locale ? ' · ' + context.locale : ''));
    fact(els.facts, 'Category', context.category);
    fact(els.facts, 'Why', context.trigger + ' — ' + context.reason);
    fact(els.facts, 'Error text', context.errorText);
    Object.keys(context.captured || {}).forEach(function (key) { if (key !== 'error_message') { fact(els.facts, key.replace(/_/g, ' '), context.captured[key]); } });
    fact(els.facts, 'SLA', formatLeft(item.slaSecondsLeft));

    clear(els.steps);
    (context.stepsTried || []).forEach(function (step) {
      els.steps.appendChild(el('li', null, step.step + (step.answer ? ' → ' + step.answer : '') + ' (' + step.source + ')'));
    });
    if (!(context.stepsTried || []).length) { els.steps.appendChild(el('li', 'muted', 'None')); }

    clear(els.articles);
    (context.articlesShown || []).forEach(function (article) {
      var verdict = article.helped === true ? 'helped' : article.helped === false ? 'did not help' : 'no answer';
      els.articles.appendChild(el('li', null, article.title + ' — ' + verdict));
    });
    if (!(context.articlesShown || []).length) { els.articles.appendChild(el('li', 'muted', 'None')); }

    clear(els.transcript);
    detail.transcript.forEach(function (line) {
      var li = el('li', 'line line--' + line.from);
      li.appendChild(el('span', 'line__who', line.from === 'user' ? (line.name || 'User') : line.from === 'agent' ? 'Agent' : 'Bot'));
      li.appendChild(el('span', 'line__time', time(line.at)));
      li.appendChild(el('span', 'line__text', line.text));
      els.transcript.appendChild(li);
    });

    clear(els.messages);
    shownMessages = {};
    detail.messages.forEach(addMessage);

    var mine = item.status === 'active' && (item.agentId === me.username || me.supervisor);
    els.claim.disabled = item.status !== 'waiting';
    els.send.disabled = !mine;
    els['reply-text'].disabled = !mine;
    els.transfer.disabled = !mine;
    els['transfer-to'].disabled = !mine;
    els.resolve.disabled = !mine;
    els['return'].disabled = !(item.status === 'waiting' || mine);
    loadAgents();
  }

  function addMessage(message) {
    if (shownMessages[message.id]) { return; }
    shownMessages[message.id] = true;
    var li = el('li', 'message message--' + message.kind);
    li.dataset.kind = message.kind;
    li.appendChild(el('span', 'message__who', message.kind === 'note' ? 'Note · ' + message.author : message.kind === 'system' ? 'System' : message.author));
    li.appendChild(el('span', 'message__time', time(message.at)));
    li.appendChild(el('span', 'message__text', message.text));
    els.messages.appendChild(li);
    els.messages.scrollTop = els.messages.scrollHeight;
  }

  function loadAgents() {
    api('GET', '/agents').then(function (agents) {
      clear(els['transfer-to']);
      var queueOption = el('option', null, 'Back to the queue');
      queueOption.value = '';
      els['transfer-to'].appendChild(queueOption);
      agents.filter(function (a) { return a.username !== me.username; }).forEach(function (a) {
        var option = el('option', null, a.displayName + (a.online ? ' (online)' : ''));
        option.value = a.username;
        els['transfer-to'].appendChild(option);
      });
    }).catch(function () {});
  }

  function act(path, body) {
    if (!current) { return Promise.resolve(); }
    showError('');
    var id = current.id;
    return api('POST', '/cases/' + id + path, body).then(function () {
      return Promise.all([loadQueue(), selectCase(id)]);
    }).catch(function (error) {
      showError(error.message);
      return selectCase(id);
    });
  }

  els.claim.addEventListener('click', function () { act('/claim'); });
  els.resolve.addEventListener('click', function () { act('/resolve', { note: els['close-note'].value }).then(function () { els['close-note'].value = ''; }); });
  els['return'].addEventListener('click', function () { act('/return', { note: els['close-note'].value }); });
  els.transfer.addEventListener('click', function () { act('/transfer', { toAgent: els['transfer-to'].value || null, note: els['close-note'].value }); });
  els.note.addEventListener('click', function () {
    var text = els['reply-text'].value.trim();
    if (text) { act('/notes', { text: text }).then(function () { els['reply-text'].value = ''; }); }
  });
  els.reply.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = els['reply-text'].value.trim();
    if (!text || !current) { return; }
    showError('');
    api('POST', '/cases/' + current.id + '/messages', { text: text })
      .then(function () { els['reply-text'].value = ''; })
      .catch(function (error) { showError(error.message); });
  });
  els['reply-text'].addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      els.reply.requestSubmit();
    }
  });

  // ---- live updates -----------------------------------------------------------------------------------------------

  function setConnection(state, text) {
    els.connection.dataset.state = state;
    els.connection.textContent = text;
  }

  var reloadTimer = null;
  function reloadSoon() {
    if (reloadTimer) { return; }
    reloadTimer = setTimeout(function () {
      reloadTimer = null;
      loadQueue();
      if (current) { selectCase(current.id); }
    }, 150);
  }

  function connect() {
    var connection = new signalR.HubConnectionBuilder().withUrl('/agent/hub').withAutomaticReconnect().build();
    connection.on('queueChanged', reloadSoon);
    connection.on('caseChanged', function (id) { if (current && current.id === id) { reloadSoon(); } });
    connection.on('caseMessage', function (message) { if (current && current.id === message.caseId) { addMessage(message); } });
    connection.onreconnecting(function () { setConnection('connecting', 'Reconnecting…'); });
    connection.onreconnected(function () { setConnection('online', 'Live'); reloadSoon(); });
    connection.onclose(function () { setConnection('offline', 'Offline — reload the page'); });
    connection.start().then(function () { setConnection('online', 'Live'); }).catch(function () { setConnection('offline', 'Offline — reload the page'); });
    setInterval(function () {
      if (connection.state === 'Connected') { connection.invoke('Heartbeat').catch(function () {}); }
    }, 30000);
  }

  api('GET', '/session').then(function (session) {
    me = session;
    csrf.token = session.antiforgeryToken;
    els.me.textContent = session.displayName + (session.supervisor ? ' (supervisor)' : '');
    return loadQueue();
  }).then(function () {
    connect();
    setInterval(tick, 1000);
    setInterval(loadQueue, 60000);
  });
})();

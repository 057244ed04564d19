// The check-in list at the door. Every tap goes first into a queue kept on the phone (IndexedDB), then
// to the server, one after the other, each with the key it was given when it was tapped: a tap sent
// again after a lost reply is applied once. Without a connection the taps wait, and the page says how
// many; they are sent when the connection is back. The list, and who was in when last asked, are kept
// on the phone too, so that a page opened again offline (service worker) shows what was known.
(function () {
  'use strict';

  var root = document.getElementById('check-in');
  if (!root || !window.indexedDB) {
    return;
  }
  var data = root.dataset;
  var plan = data.plan;
  var shownAt = Number(data.shownAt);
  var token = document.querySelector('meta[name="_csrf"]');
  var tokenHeader = document.querySelector('meta[name="_csrf_header"]');
  var serverIn = new Set();
  var walkIns = {};
  var queue = [];
  var db = null;
  var sending = false;
  var acknowledged = 0;
  var problem = '';
  var seq = 0;
  var keptAt = 0;

  function text(pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return String(args[Number(i)]); });
  }

  // Readings are typed in hiragana or katakana, names in any case; spaces do not matter.
  function normal(value) {
    return (value || '').toLowerCase().replace(/[\u30a1-\u30f6]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    }).replace(/[\s\u3000]+/g, '');
  }

  function uuid() {
    if (window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  function objects(name, mode) {
    return db.transaction(name, mode || 'readonly').objectStore(name);
  }

  function openDatabase() {
    var opening = indexedDB.open('tsunagu-check-in', 1);
    opening.onupgradeneeded = function () {
      opening.result.createObjectStore('taps', { keyPath: 'tapKey' }).createIndex('plan', 'plan');
      opening.result.createObjectStore('lists', { keyPath: 'plan' });
    };
    return request(opening);
  }

  function rows() {
    return Array.prototype.slice.call(root.querySelectorAll('.check-in-person[id]'));
  }

  function idOf(row) {
    return row.querySelector('button').value;
  }

  function nameOf(row) {
    return row.querySelector('.check-in-name').textContent;
  }

  function readingOf(row) {
    return row.querySelector('.check-in-reading').textContent;
  }

  function isIn(id) {
    var inNow = serverIn.has(id);
    queue.forEach(function (tap) {
      if (tap.employeeId === id) {
        inNow = tap.intent === 'CHECK_IN';
      }
    });
    return inNow;
  }

  function render() {
    var expected = 0;
    var expectedIn = 0;
    var walkInsIn = 0;
    rows().forEach(function (row) {
      var id = idOf(row);
      var inNow = isIn(id);
      var walkIn = row.parentNode.id === 'walk-in-list';
      row.querySelector('button').setAttribute('aria-pressed', String(inNow));
      row.querySelector('.check-in-state').textContent = inNow ? data.msgIn : data.msgOut;
      row.classList.toggle('is-queued', queue.some(function (tap) { return tap.employeeId === id; }));
      if (walkIn) {
        walkInsIn += inNow ? 1 : 0;
      }
      else {
        expected += 1;
        expectedIn += inNow ? 1 : 0;
      }
    });
    document.getElementById('check-in-count').textContent = text(data.msgCount, expectedIn, expected);
    show('walk-in-count', walkInsIn > 0 ? text(data.msgWalkIns, walkInsIn) : '');
    var total = expectedIn + walkInsIn;
    show('over-capacity', walkInsIn > 0 && total > Number(data.capacity) ? text(data.msgOver, total, data.capacity) : '');
    var waiting = queue.length > 0 ? text(data.msgWaiting, queue.length) : '';
    show('waiting', navigator.onLine ? waiting : (data.msgOffline + ' ' + waiting).trim());
    show('check-in-problem', problem);
  }

  function show(id, message) {
    var element = document.getElementById(id);
    element.textContent = message;
    element.hidden = message === '';
  }

  function headers() {
    var h = { 'Accept': 'application/json' };
    if (token && tokenHeader) {
      h[tokenHeader.content] = token.content;
    }
    return h;
  }

  // A redirect is the login page: the session ended, so the taps wait for the next login.
  function answered(response) {
    if (response.type === 'opaqueredirect') {
      problem = data.msgLogin;
      throw new Error('logged out');
    }
    return response.json().catch(function () { return {}; }).then(function (body) {
      return { ok: response.ok, body: body };
    });
  }

  function addWalkIn(person) {
    walkIns[person.id] = person;
    if (document.getElementById('person-' + person.id)) {
      return;
    }
    var row = document.getElementById('person-template').content.firstElementChild.cloneNode(true);
    row.id = 'person-' + person.id;
    row.querySelector('button').value = String(person.id);
    row.querySelector('.check-in-name').textContent = person.name;
    row.querySelector('.check-in-reading').textContent = person.reading;
    document.getElementById('walk-in-list').appendChild(row);
  }

  function keepList() {
    var known = Object.keys(walkIns).map(function (id) { return walkIns[id]; });
    return request(objects('lists', 'readwrite').put({ plan: plan, at: keptAt, checkedIn: Array.from(serverIn), walkIns: known }));
  }

  function tap(id, intent) {
    problem = '';
    var entry = { tapKey: uuid(), plan: plan, employeeId: id, intent: intent, order: Date.now() * 1000 + (seq++ % 1000) };
    queue.push(entry);
    render();
    request(objects('taps', 'readwrite').put(entry)).then(send);
  }

  function send() {
    if (sending || queue.length === 0 || !navigator.onLine) {
      render();
      return;
    }
    sending = true;
    var next = queue[0];
    var body = new URLSearchParams({ employeeId: next.employeeId, intent: next.intent, tapKey: next.tapKey });
    fetch(data.taps, { method: 'POST', body: body, headers: headers(), redirect: 'manual', credentials: 'same-origin' })
      .then(answered)
      .then(function (reply) {
        if (!reply.ok && !reply.body.refused) {
          throw new Error('not sent');
        }
        if (reply.ok) {
          if (reply.body.checkedIn) {
            serverIn.add(String(reply.body.employeeId));
          }
          else {
            serverIn.delete(String(reply.body.employeeId));
          }
        }
        else {
          problem = reply.body.refused;
        }
        queue.shift();
        acknowledged += 1;
        return request(objects('taps', 'readwrite').delete(next.tapKey));
      })
      .then(function () {
        sending = false;
        send();
      }, function () {
        sending = false;
        render();
      });
  }

  function poll() {
    if (!navigator.onLine) {
      render();
      return;
    }
    send();
    var before = acknowledged;
    fetch(data.state, { headers: headers(), redirect: 'manual', credentials: 'same-origin' })
      .then(answered)
      .then(function (reply) {
        // A tap answered meanwhile is newer than this state.
        if (!reply.ok || before !== acknowledged) {
          return;
        }
        serverIn = new Set(reply.body.checkedIn.map(String));
        reply.body.walkIns.forEach(addWalkIn);
        keptAt = reply.body.at;
        render();
        return keepList();
      })
      .catch(render);
  }

  function filter() {
    var wanted = normal(document.getElementById('check-in-search').value);
    root.querySelectorAll('.check-in-group').forEach(function (group) {
      var any = false;
      group.querySelectorAll('.check-in-person[id]').forEach(function (row) {
        var match = wanted === '' || normal(nameOf(row) + readingOf(row)).indexOf(wanted) >= 0;
        row.hidden = !match;
        any = any || match;
      });
      group.hidden = !any && wanted !== '' && group.id !== 'walk-ins';
    });
  }

  var searching = 0;
  function findWalkIns() {
    var q = document.getElementById('walk-in-search').value.trim();
    var results = document.getElementById('walk-in-results');
    window.clearTimeout(searching);
    if (q === '') {
      results.replaceChildren();
      return;
    }
    searching = window.setTimeout(function () {
      if (!navigator.onLine) {
        results.replaceChildren(item(data.msgOffline));
        return;
      }
      fetch(data.people + '?q=' + encodeURIComponent(q), { headers: headers(), redirect: 'manual', credentials: 'same-origin' })
        .then(answered)
        .then(function (reply) {
          if (!reply.ok) {
            results.replaceChildren(item(reply.body.refused || data.msgNobody));
            return;
          }
          results.replaceChildren.apply(results, reply.body.length === 0 ? [item(data.msgNobody)] : reply.body.map(candidate));
        })
        .catch(render);
    }, 300);
  }

  function item(message) {
    var li = document.createElement('li');
    li.className = 'text-muted small';
    li.textContent = message;
    return li;
  }

  function candidate(person) {
    var li = document.createElement('li');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'check-in-tap walk-in-candidate';
    var who = document.createElement('span');
    who.className = 'check-in-who';
    who.textContent = person.name + ' ';
    var reading = document.createElement('span');
    reading.className = 'kana';
    reading.textContent = person.reading;
    var department = document.createElement('span');
    department.className = 'd-block small text-muted';
    department.textContent = person.department;
    who.append(reading, department);
    var state = document.createElement('span');
    state.className = 'check-in-state';
    var listed = document.getElementById('person-' + person.id);
    state.textContent = listed && listed.parentNode.id !== 'walk-in-list' ? data.msgOnList : (isIn(String(person.id)) ? data.msgIn : data.msgOut);
    button.append(who, state);
    button.addEventListener('click', function () {
      var id = String(person.id);
      if (!document.getElementById('person-' + id)) {
        addWalkIn(person);
        keepList();
      }
      if (!isIn(id)) {
        tap(id, 'CHECK_IN');
      }
      document.getElementById('walk-in-search').value = '';
      document.getElementById('walk-in-results').replaceChildren();
      document.getElementById('person-' + id).scrollIntoView({ block: 'center' });
    });
    li.appendChild(button);
    return li;
  }

  document.getElementById('check-in-taps').addEventListener('submit', function (event) {
    if (!db || !event.submitter) {
      return;
    }
    event.preventDefault();
    var id = event.submitter.value;
    tap(id, isIn(id) ? 'UNDO' : 'CHECK_IN');
  });

  rows().forEach(function (row) {
    if (row.querySelector('button').getAttribute('aria-pressed') === 'true') {
      serverIn.add(idOf(row));
    }
    if (row.parentNode.id === 'walk-in-list') {
      walkIns[idOf(row)] = { id: idOf(row), name: nameOf(row), reading: readingOf(row) };
    }
  });
  document.getElementById('check-in-search').hidden = false;
  document.getElementById('walk-in-finder').hidden = false;
  ['input', 'change', 'search'].forEach(function (type) {
    document.getElementById('check-in-search').addEventListener(type, filter);
  });
  document.getElementById('walk-in-search').addEventListener('input', findWalkIns);
  window.addEventListener('online', poll);
  window.addEventListener('offline', render);

  openDatabase().then(function (opened) {
    db = opened;
    return Promise.all([request(objects('lists').get(plan)), request(objects('taps').index('plan').getAll(plan))]);
  }).then(function (kept) {
    var list = kept[0];
    (list ? list.walkIns : []).forEach(addWalkIn);
    // Kept after this page was made (a copy opened offline): who was in when last asked.
    if (list && list.at > shownAt) {
      serverIn = new Set(list.checkedIn);
      keptAt = list.at;
    }
    queue = kept[1].sort(function (a, b) { return a.order - b.order; });
    render();
    root.dataset.ready = 'true';
    poll();
    window.setInterval(poll, 3000);
  });

  // The page and what it loads, kept for the service worker to answer with when there is no network.
  if ('serviceWorker' in navigator && window.caches) {
    navigator.serviceWorker.register(data.worker, { scope: data.page }).then(function () {
      var kept = [data.page];
      document.querySelectorAll('script[src], link[rel=stylesheet]').forEach(function (element) {
        kept.push(element.src || element.href);
      });
      return caches.open('tsunagu-check-in-v1').then(function (cache) { return cache.addAll(kept); });
    }).then(function () {
      root.dataset.offlineReady = 'true';
    }).catch(function () { /* no copy for offline: the page still queues its taps */ });
  }
})();

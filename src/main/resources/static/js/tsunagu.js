// Sends the CSRF token with every htmx request; the page's own forms carry it as a hidden field.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});

// A background request after the session ended: load the page again, which leads to the login.
document.addEventListener('htmx:responseError', function (event) {
  if (event.detail.xhr.status === 401) {
    window.location.reload();
  }
});

// Asks before a form with data-confirm, or through a button with data-confirm, is sent (no inline
// handlers: the policy forbids them).
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Suggests colleagues in a field marked data-people (the id of its datalist) as one types a name,
// a reading or part of an address; the server answers with <option>s.
document.addEventListener('input', function (event) {
  var input = event.target;
  var listId = input.getAttribute && input.getAttribute('data-people');
  var url = input.getAttribute && input.getAttribute('data-people-url');
  if (!listId || !url || input.value.trim() === '') {
    return;
  }
  window.clearTimeout(input.tsunaguPeopleTimer);
  input.tsunaguPeopleTimer = window.setTimeout(function () {
    fetch(url + '?q=' + encodeURIComponent(input.value.trim()), { headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (options) { document.getElementById(listId).innerHTML = options; });
  }, 200);
});

// The password reset page. The link's token is in the URL fragment (never sent to the server by the browser); it is
// removed from the address bar at once and posted with the page's antiforgery token. The strength meter is zxcvbn
// (served from this origin); the server checks every password again and has the last word.
(() => {
  'use strict';

  const root = document.getElementById('reset');
  const status = document.getElementById('status');
  const form = document.getElementById('form');
  const password = document.getElementById('password');
  const confirmation = document.getElementById('confirmation');
  const submit = document.getElementById('submit');
  const errors = document.getElementById('errors');
  const hints = document.getElementById('hints');
  const meterBar = document.getElementById('meter-bar');
  const meterLabel = document.getElementById('meter-label');
  const toggle = document.getElementById('toggle');
  const minLength = Number(root.dataset.minLength);
  const csrf = document.querySelector('meta[name="request-verification-token"]').content;
  const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];
  const linkProblems = {
    expired: 'This link has expired. Ask the IT help assistant for a new one.',
    used: 'This link was already used. If you did not change your password yourself, contact the service desk now.',
    'in-progress': 'This link is being used right now. Wait a minute and reload the page.',
    unknown: "This link isn't valid. Ask the IT help assistant for a new one.",
  };

  const token = decodeURIComponent(window.location.hash.slice(1));
  if (window.location.hash) {
    window.history.replaceState(null, '', window.location.pathname);
  }

  let contextWords = [];

  function show(list, items, className) {
    list.replaceChildren(...items.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      if (className) {
        item.className = className;
      }

      return item;
    }));
  }

  function fail(message) {
    form.hidden = true;
    status.textContent = message;
    status.className = 'error';
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
      body: JSON.stringify(body),
    });
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }

    return { status: response.status, json };
  }

  function meter() {
    const value = password.value;
    const advice = [];
    let score = 0;
    if (typeof window.zxcvbn === 'function' && value.length > 0) {
      const result = window.zxcvbn(value.slice(0, 100), contextWords);
      score = result.score;
      if (result.feedback.warning) {
        advice.push(result.feedback.warning);
      }

      advice.push(...result.feedback.suggestions);
    }

    if (value.length > 0 && value.length < minLength) {
      advice.unshift(`${minLength - value.length} more character${minLength - value.length === 1 ? '' : 's'} needed.`);
      score = Math.min(score, 1);
    }

    meterBar.style.width = value.length === 0 ? '0' : `${(score + 1) * 20}%`;
    meterBar.className = `s${score}`;
    meterLabel.textContent = `Strength: ${value.length === 0 ? '—' : labels[score]}`;
    show(hints, advice);
  }

  async function load() {
    if (!token) {
      fail(linkProblems.unknown);
      return;
    }

    let answer;
    try {
      answer = await post('/reset/api/state', { token });
    } catch {
      fail('The page could not reach the server. Check your connection and reload.');
      return;
    }

    if (!answer.json || answer.json.status !== 'valid') {
      fail(answer.json ? (linkProblems[answer.json.status] || linkProblems.unknown) : 'Something went wrong. Reload the page.');
      return;
    }

    contextWords = answer.json.contextWords || [];
    document.getElementById('account').textContent = answer.json.account;
    document.getElementById('username').value = answer.json.account;
    const expires = new Date(answer.json.expiresAt);
    document.getElementById('expires').textContent = ` — this link works until ${expires.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`;
    status.textContent = '';
    form.hidden = false;
    password.focus();
  }

  toggle.addEventListener('click', () => {
    const visible = password.type === 'text';
    password.type = visible ? 'password' : 'text';
    confirmation.type = password.type;
    toggle.textContent = visible ? 'Show' : 'Hide';
  });

  password.addEventListener('input', meter);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = [];
    if (password.value.length < minLength) {
      problems.push(`Use at least ${minLength} characters.`);
    }

    if (password.value !== confirmation.value) {
      problems.push("The two passwords don't match.");
    }

    if (problems.length > 0) {
      show(errors, problems);
      return;
    }

    submit.disabled = true;
    show(errors, []);
    try {
      const answer = await post('/reset/api/submit', { token, password: password.value, confirmation: confirmation.value });
      const json = answer.json || {};
      if (answer.status === 200 && json.status === 'changed') {
        password.value = '';
        confirmation.value = '';
        form.hidden = true;
        status.textContent = '';
        document.getElementById('done').hidden = false;
        return;
      }

      if (json.status === 'link-invalid') {
        fail(linkProblems[json.reason] || linkProblems.unknown);
        return;
      }

      show(errors, json.messages && json.messages.length > 0 ? json.messages : [json.detail || 'Something went wrong. Try again.']);
    } catch {
      show(errors, ['The page could not reach the server. Check your connection and try again.']);
    } finally {
      submit.disabled = false;
    }
  });

  load();
})();

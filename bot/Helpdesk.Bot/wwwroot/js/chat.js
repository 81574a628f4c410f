// Helpdesk.Bot — starts Web Chat on the IT help page.
// Flow: POST /api/webchat/token -> Web Chat over this server's Direct Line 3.0 (WebSocket stream).
// The conversation (token + id) is kept in sessionStorage, so a page reload reconnects to the same conversation;
// Direct Line JS refreshes the token every 15 minutes by itself and the refreshed token is saved again.
(function () {
  'use strict';

  // Web Chat puts this nonce on the <style> elements it injects (the page's CSP allows no other inline styles).
  var styleNonce = (document.currentScript && document.currentScript.nonce) || undefined;

  // Web Chat 4.18.1 does not pass its `nonce` prop to the transcript's scroll container (react-scroll-to-bottom),
  // whose <style> element the CSP would then block (the transcript would not scroll). Style elements created by
  // script get the nonce; style markup injected into the page (parsed HTML, style attributes) stays blocked.
  if (styleNonce) {
    var createElement = Document.prototype.createElement;
    Document.prototype.createElement = function (tagName) {
      var element = createElement.apply(this, arguments);
      if (typeof tagName === 'string' && tagName.toLowerCase() === 'style' && !element.nonce) {
        element.nonce = styleNonce;
      }

      return element;
    };
  }

  var TOKEN_URL = '/api/webchat/token';
  var DIRECT_LINE_DOMAIN = window.location.origin + '/v3/directline';
  var STORAGE_KEY = 'helpdesk.webchat.session.v1';
  var EXPIRY_MARGIN_MS = 2 * 60 * 1000;
  var SAVE_INTERVAL_MS = 30 * 1000;
  var ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var host = document.getElementById('webchat');
  var loadingPanel = document.getElementById('chat-loading');
  var errorPanel = document.getElementById('chat-error');
  var errorDetail = document.getElementById('chat-error-detail');
  var retryButton = document.getElementById('chat-retry');
  var restartButton = document.getElementById('chat-restart');
  var settings = host.dataset;

  var current = null;
  var attempt = 0;
  var lastUserId = null;

  function ChatError(message) {
    this.name = 'ChatError';
    this.message = message;
  }
  ChatError.prototype = Object.create(Error.prototype);

  // ---- session storage -------------------------------------------------------------------------------------

  function loadSession() {
    var session = null;
    try {
      session = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY));
    } catch (e) {
      session = null;
    }

    if (session && typeof session.userId === 'string') {
      lastUserId = session.userId;
    }

    var valid = session && typeof session.token === 'string' && typeof session.conversationId === 'string' &&
      typeof session.userId === 'string' && typeof session.expiresAt === 'number' &&
      session.expiresAt - Date.now() > EXPIRY_MARGIN_MS;
    if (!valid) {
      clearSession();
      return null;
    }

    return session;
  }

  function saveSession(session) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (e) {
      // Storage full or disabled: the chat still works, it just won't survive a reload.
    }
  }

  function clearSession() {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      // Nothing to clear.
    }
  }

  // ---- token -----------------------------------------------------------------------------------------------

  // previousUserId (optional): the id an earlier answer gave this tab, so a new conversation keeps the same user.
  function requestToken(previousUserId) {
    return window.fetch(TOKEN_URL, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(previousUserId ? { userId: previousUserId } : {}),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) {
        throw new ChatError('The chat service answered with an error (HTTP ' + response.status + ').');
      }

      return response.json();
    }, function () {
      throw new ChatError('The chat service could not be reached. Check your network connection.');
    }).then(function (body) {
      if (!body || typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
        throw new ChatError('The chat service sent an unexpected answer.');
      }

      var expiresIn = Number(body.expires_in) > 0 ? Number(body.expires_in) : 1800;
      return {
        token: body.token,
        conversationId: body.conversationId,
        userId: typeof body.userId === 'string' && body.userId ? body.userId : 'dl_' + body.conversationId,
        expiresIn: expiresIn,
        expiresAt: Date.now() + expiresIn * 1000
      };
    });
  }

  // ---- panels ----------------------------------------------------------------------------------------------

  function showLoading() {
    errorPanel.hidden = true;
    loadingPanel.hidden = false;
  }

  function showChat() {
    loadingPanel.hidden = true;
    errorPanel.hidden = true;
    restartButton.hidden = false;
  }

  function showError(message) {
    loadingPanel.hidden = true;
    errorDetail.textContent = message;
    errorPanel.hidden = false;
  }

  // ---- Web Chat --------------------------------------------------------------------------------------------

  function styleOptions() {
    var brand = settings.brandColor || '#0f6cbd';
    return {
      accent: brand,
      primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
      backgroundColor: '#ffffff',
      rootHeight: '100%',
      rootWidth: '100%',
      botAvatarInitials: settings.botAvatarInitials || 'IT',
      botAvatarBackgroundColor: brand,
      userAvatarInitials: settings.userAvatarInitials || 'You',
      userAvatarBackgroundColor: '#5b6470',
      avatarSize: 36,
      bubbleBackground: '#f1f3f6',
      bubbleBorderWidth: 0,
      bubbleBorderRadius: 10,
      bubbleTextColor: '#1b1f24',
      bubbleFromUserBackground: brand,
      bubbleFromUserBorderWidth: 0,
      bubbleFromUserBorderRadius: 10,
      bubbleFromUserTextColor: settings.brandForeground || '#ffffff',
      bubbleMaxWidth: 560,
      hideUploadButton: true,
      sendBoxButtonColor: brand,
      sendBoxButtonColorOnHover: brand,
      sendBoxHeight: 52,
      sendBoxTextWrap: true,
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: brand,
      suggestedActionBorderRadius: 18,
      suggestedActionBorderWidth: 1,
      suggestedActionTextColor: brand,
      suggestedActionHeight: 36,
      timestampColor: '#5b6470',
      typingAnimationDuration: 5000
    };
  }

  function endCurrent() {
    if (!current) {
      return;
    }

    window.clearInterval(current.saveTimer);
    current.subscription.unsubscribe();
    try {
      current.directLine.end();
    } catch (e) {
      // Already ended.
    }

    current.element.remove();
    current = null;
  }

  // Keeps the stored session current: Direct Line JS swaps in a refreshed token (and learns the conversation id).
  function persist() {
    if (!current) {
      return;
    }

    var session = current.session;
    var directLine = current.directLine;
    if (typeof directLine.token === 'string' && directLine.token && directLine.token !== session.token) {
      session.token = directLine.token;
      session.expiresAt = Date.now() + session.expiresIn * 1000;
    }

    if (typeof directLine.conversationId === 'string' && directLine.conversationId) {
      session.conversationId = directLine.conversationId;
    }

    saveSession(session);
  }

  function render(session, resumed) {
    endCurrent();
    var myAttempt = ++attempt;

    var element = document.createElement('div');
    element.className = 'chat__session';
    host.appendChild(element);

    var directLineOptions = { domain: DIRECT_LINE_DOMAIN, token: session.token, webSocket: true };
    if (resumed) {
      // Reconnect (GET conversations/{id}) and replay from the start, so the reloaded page shows the transcript
      // (without a watermark Direct Line replays only what comes after the reconnect).
      directLineOptions.conversationId = session.conversationId;
      directLineOptions.watermark = '0';
    }

    var directLine = window.WebChat.createDirectLine(directLineOptions);
    var wasOnline = false;
    var subscription = directLine.connectionStatus$.subscribe(function (status) {
      if (myAttempt !== attempt) {
        return;
      }

      if (status === ConnectionStatus.Online) {
        wasOnline = true;
        showChat();
        persist();
      } else if (status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.FailedToConnect) {
        if (resumed && !wasOnline) {
          // The saved conversation can't be resumed (expired or gone): start a new one.
          clearSession();
          window.setTimeout(startNew, 0);
        } else {
          showError(status === ConnectionStatus.ExpiredToken
            ? 'Your chat session has expired.'
            : 'The connection to the help assistant was lost.');
        }
      }
    });

    current = {
      session: session,
      directLine: directLine,
      subscription: subscription,
      element: element,
      saveTimer: window.setInterval(persist, SAVE_INTERVAL_MS)
    };
    saveSession(session);

    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: session.userId,
      locale: navigator.language || 'en-US',
      styleOptions: styleOptions(),
      sendTypingIndicator: true,
      nonce: styleNonce
    }, element);
  }

  function startNew() {
    var previousUserId = (current && current.session.userId) || lastUserId;
    endCurrent();
    clearSession();
    showLoading();
    var myAttempt = ++attempt;
    requestToken(previousUserId).then(function (session) {
      if (myAttempt === attempt) {
        render(session, false);
      }
    }, function (error) {
      if (myAttempt === attempt) {
        showError(error instanceof ChatError ? error.message : 'Something went wrong while starting the chat.');
      }
    });
  }

  function start() {
    if (!window.WebChat || typeof window.WebChat.renderWebChat !== 'function') {
      showError('The chat component could not be loaded. Reload the page to try again.');
      return;
    }

    var saved = loadSession();
    if (saved) {
      showLoading();
      render(saved, true);
    } else {
      startNew();
    }
  }

  retryButton.addEventListener('click', function () {
    if (!window.WebChat) {
      window.location.reload();
      return;
    }

    start();
  });

  restartButton.addEventListener('click', startNew);
  window.addEventListener('pagehide', persist);
  document.addEventListener('visibilitychange', persist);

  start();
})();

// Starts Web Chat on this page: a token from our own /directline/token, then Direct Line 3.0 on this origin.
// The nonce on this script's tag lets Web Chat insert its styles under the page's Content-Security-Policy.
(function () {
  'use strict';

  var nonce = document.currentScript && document.currentScript.nonce;
  var host = document.getElementById('webchat');
  var status = document.getElementById('chat-status');
  var locale = document.documentElement.lang || 'en';

  function show(message) {
    status.textContent = message;
    status.hidden = false;
  }

  if (!window.WebChat) {
    show('The chat could not load (webchat.js is missing). Please tell the organisers.');
    return;
  }

  fetch('/directline/token', { method: 'POST', headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error((body.error && body.error.message) || 'The chat is unavailable (HTTP ' + response.status + ').');
        }
        return body;
      });
    })
    .then(function (body) {
      var directLine = window.WebChat.createDirectLine({
        token: body.token,
        domain: location.origin + '/v3/directline'
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: locale,
          nonce: nonce,
          styleOptions: {
            // The bot takes no files, so no attachment button to stumble on.
            hideUploadButton: true,
            botAvatarInitials: 'DB',
            userAvatarInitials: 'You',
            primaryFont: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
          }
        },
        host
      );
    })
    .catch(function (error) {
      show('The chat could not start: ' + error.message);
    });
})();

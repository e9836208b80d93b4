// Talks to DelegateBot's Direct Line endpoint with Microsoft's own client, botframework-directlinejs, in Node.
//
//   node directline-client.js <base-url> <polling|websocket> [message ...]
//
// Gets a token from <base-url>/directline/token (as the chat page does), starts a conversation, posts each message
// after the previous one's reply has arrived, and prints one JSON object: every activity received, in order, with
// the client's watermark at that moment. Exits 1 (with {"error"}) on failure or after 60 s.
'use strict';

// The library expects a browser: XMLHttpRequest for REST (rxjs ajax) and WebSocket for the stream.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');

const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, mode, ...texts] = process.argv.slice(2);
if (!baseUrl || !['polling', 'websocket'].includes(mode)) {
  console.error('usage: node directline-client.js <base-url> <polling|websocket> [message ...]');
  process.exit(2);
}
const messages = texts.length ? texts : ['one', 'two', 'three'];

function fail(error) {
  console.log(JSON.stringify({ error: String((error && error.stack) || error) }));
  process.exit(1);
}

setTimeout(() => fail(new Error('timed out after 60 s')), 60000).unref();

async function main() {
  const response = await fetch(new URL('/directline/token', baseUrl), { method: 'POST' });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const { token, userId } = await response.json();

  const directLine = new DirectLine({
    token,
    domain: new URL('/v3/directline', baseUrl).href,
    webSocket: mode === 'websocket',
    pollingInterval: 200
  });

  const received = [];
  const statuses = [];
  let onActivity = () => {};
  directLine.connectionStatus$.subscribe(status => statuses.push(ConnectionStatus[status]));
  directLine.activity$.subscribe(
    activity => {
      // The library advances its watermark before emitting an ActivitySet's activities.
      received.push({ id: activity.id, type: activity.type, text: activity.text, from: activity.from && activity.from.id,
        replyToId: activity.replyToId, clientActivityID: activity.channelData && activity.channelData.clientActivityID,
        watermark: directLine.watermark });
      onActivity();
    },
    error => fail(error)
  );

  const waitFor = predicate => new Promise(resolve => {
    const check = () => { if (predicate()) { onActivity = () => {}; resolve(); } };
    onActivity = check;
    check();
  });

  for (const [index, text] of messages.entries()) {
    const clientActivityID = `${mode}-${index}`;
    const id = await new Promise((resolve, reject) =>
      directLine.postActivity({ type: 'message', from: { id: userId }, text, channelData: { clientActivityID } })
        .subscribe(resolve, reject));
    if (!id || id === 'retry') throw new Error(`postActivity of "${text}" answered ${id}`);
    // The echo (with our clientActivityID) and then a reply to it.
    await waitFor(() => received.some(a => a.id === id && a.clientActivityID === clientActivityID)
      && received.some(a => a.replyToId === id));
  }

  directLine.end();
  console.log(JSON.stringify({ mode, userId, statuses, activities: received }));
  process.exit(0);
}

main().catch(fail);

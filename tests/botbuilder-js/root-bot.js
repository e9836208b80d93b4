// A root bot built with Microsoft's Bot Framework JavaScript SDK (botbuilder 4.23) that calls DelegateBot as a
// skill, the way the SDK's skill samples do, so that every byte DelegateBot receives and sends is checked by the
// SDK itself:
//
//   node root-bot.js '<config JSON>'
//
// config: { botUrl, skillAppId, rootAppId?, rootPassword?, authority?, openIdMetadataUrl?, channelId, question }
// (no rootAppId: both bots in local mode, no tokens).
//
// 1. Serves, on 127.0.0.1, the SDK's skill host endpoint (ChannelServiceRoutes + CloudSkillHandler at /api/skills)
//    and a stand-in for the user's channel (/user-channel) to which the root's CloudAdapter forwards the replies.
// 2. Sends a conversationUpdate and a question to DelegateBot with the SDK's BotFrameworkClient (token from MSAL
//    for audience = DelegateBot's app id, against the loopback Entra that the test provides).
// 3. CloudSkillHandler authenticates each reply (token issuer, audience = root app id, AllowedCallers) and the
//    root's CloudAdapter forwards it to the user's conversation. Prints one JSON object: what the skill host took
//    from DelegateBot (with the validated token's claims) and what reached the user. Exits 1 on failure or after 60 s.
'use strict';

const express = require('express');
const {
  ActivityHandler, ActivityTypes, ChannelServiceHandlerBase, ChannelServiceRoutes, CloudAdapter, CloudSkillHandler,
  MemoryStorage, SkillConversationIdFactory,
} = require('botbuilder');
const {
  AuthenticationConfiguration, BotFrameworkAuthenticationFactory, ClaimsIdentity, MsalServiceClientCredentialsFactory,
  PasswordServiceClientCredentialFactory, allowedCallersClaimsValidator,
} = require('botframework-connector');
const { ConfidentialClientApplication } = require('@azure/msal-node');

const config = JSON.parse(process.argv[2] || '{}');
if (!config.botUrl || !config.question) {
  console.error("usage: node root-bot.js '{\"botUrl\":...,\"question\":...}'");
  process.exit(2);
}

const fromSkill = [];
const toUser = [];

function fail(error) {
  console.log(JSON.stringify({ error: String((error && error.stack) || error), fromSkill, toUser }));
  process.exit(1);
}
process.on('unhandledRejection', fail);
setTimeout(() => fail(new Error('timed out after 60 s waiting for the answer')), 60000).unref();

const channelScope = 'https://api.botframework.com';

function createAuthentication() {
  if (!config.rootAppId) {
    // Local mode on both sides: the SDK sends no token and accepts replies without one.
    return BotFrameworkAuthenticationFactory.create('', true, undefined, undefined, undefined, undefined, undefined,
      undefined, undefined, new PasswordServiceClientCredentialFactory('', ''), new AuthenticationConfiguration());
  }
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: config.rootAppId,
      clientSecret: config.rootPassword,
      authority: config.authority,
      // A loopback authority: no cloud instance discovery.
      knownAuthorities: [new URL(config.authority).host],
    },
  });
  return BotFrameworkAuthenticationFactory.create(
    '', true, config.authority, channelScope, channelScope, undefined, undefined,
    config.openIdMetadataUrl, // Entra metadata: skill tokens (DelegateBot's replies) are checked against its keys
    undefined,
    new MsalServiceClientCredentialsFactory(config.rootAppId, msal),
    new AuthenticationConfiguration([], allowedCallersClaimsValidator([config.skillAppId])));
}

const waiters = [];
function settle() {
  for (const w of waiters.splice(0)) if (!w()) waiters.push(w);
}
function until(predicate) {
  return new Promise((resolve) => {
    const check = () => (predicate() ? (resolve(), true) : false);
    if (!check()) waiters.push(check);
  });
}

// The root's skill host: the SDK's handler, recording what it accepted from DelegateBot before forwarding it.
class RecordingSkillHandler extends CloudSkillHandler {
  async onSendToConversation(claimsIdentity, conversationId, activity) {
    this.record('sendToConversation', claimsIdentity, conversationId, activity);
    return this.forward(() => super.onSendToConversation(claimsIdentity, conversationId, activity));
  }

  async onReplyToActivity(claimsIdentity, conversationId, activityId, activity) {
    this.record('replyToActivity', claimsIdentity, conversationId, activity, activityId);
    return this.forward(() => super.onReplyToActivity(claimsIdentity, conversationId, activityId, activity));
  }

  record(route, claimsIdentity, conversationId, activity, activityId) {
    const claims = Object.fromEntries(claimsIdentity.claims.map((c) => [c.type, c.value]));
    // A copy: the SDK readdresses the activity in place when it forwards it.
    fromSkill.push({ route, conversationId, activityId, claims, authenticationType: claimsIdentity.authenticationType,
      activity: JSON.parse(JSON.stringify(activity)) });
    settle();
  }

  async forward(send) {
    try {
      return await send();
    } catch (error) {
      fail(error); // the root could not pass DelegateBot's reply on to the user
    }
  }
}

// The user's channel: takes what the root's CloudAdapter forwards (parsed by ChannelServiceRoutes like any channel).
class UserChannel extends ChannelServiceHandlerBase {
  async authenticate() {
    return new ClaimsIdentity([], true);
  }

  async onSendToConversation(_claims, conversationId, activity) {
    return this.take(conversationId, activity);
  }

  async onReplyToActivity(_claims, conversationId, _activityId, activity) {
    return this.take(conversationId, activity);
  }

  take(conversationId, activity) {
    toUser.push({ conversationId, activity });
    settle();
    return { id: `user-channel-${toUser.length}` };
  }
}

async function main() {
  const auth = createAuthentication();
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => fail(error);
  const conversationIds = new SkillConversationIdFactory(new MemoryStorage());
  const skillHandler = new RecordingSkillHandler(adapter, new ActivityHandler(), conversationIds, auth);

  const app = express();
  new ChannelServiceRoutes(skillHandler).register(app, '/api/skills');
  new ChannelServiceRoutes(new UserChannel()).register(app, '/user-channel');
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${server.address().port}`;

  // What the user's channel sent the root: a conversation start and a question.
  const user = { id: 'user-1', name: 'Delegate' };
  const conversation = { id: 'user-conversation-1' };
  const common = {
    channelId: config.channelId || 'webchat', serviceUrl: `${base}/user-channel/`, from: user,
    recipient: { id: 'root-bot', name: 'Root bot' }, conversation, locale: 'en-US',
  };
  const update = { ...common, type: ActivityTypes.ConversationUpdate, id: 'user-update-1', membersAdded: [user] };
  const question = { ...common, type: ActivityTypes.Message, id: 'user-message-1', text: config.question };

  const client = auth.createBotFrameworkClient();
  const skill = { id: 'delegatebot', appId: config.skillAppId, skillEndpoint: config.botUrl };
  // One skill conversation for the user's conversation, as a root that keeps its skill conversations stable does.
  const skillConversationId = await conversationIds.createSkillConversationIdWithOptions({
    fromBotOAuthScope: channelScope, fromBotId: config.rootAppId, botFrameworkSkill: skill, activity: update,
  });
  const statuses = [];
  for (const activity of [update, question]) {
    const response = await client.postActivity(config.rootAppId, config.skillAppId, config.botUrl, `${base}/api/skills`,
      skillConversationId, activity);
    statuses.push(response.status);
    if (response.status < 200 || response.status > 299) throw new Error(`DelegateBot answered ${response.status}`);
  }

  // The welcome (sent to the conversation) and the answer (a reply to the question), both forwarded to the user.
  const messages = (records) => records.filter((r) => r.activity.type === ActivityTypes.Message);
  await until(() => messages(fromSkill).some((r) => r.route === 'replyToActivity' && r.activity.replyToId === question.id)
    && messages(fromSkill).some((r) => r.route === 'sendToConversation')
    && messages(toUser).length >= messages(fromSkill).length);
  server.close();
  console.log(JSON.stringify({ statuses, fromSkill, toUser }));
  process.exit(0);
}

main().catch(fail);

/**
 * Adds a user from the command line and prints their one-time sign-in link (and, with --token,
 * an API token for scripts; shown once, stored hashed). Same database as the server.
 *
 *   npm run user:add -- --email analyst@council.gov.uk --name "A. Analyst" --role analyst --scope partnership:3
 *   npm run user:add -- --email pcc@gwent.pcc.police.uk --role pcc --scope pcc:W15000002 --token "nightly export"
 *   npm run user:add -- --email admin@localhost --link      (a new sign-in link for an existing user)
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { hashSecret, newSecret } from '../server/auth/secret.js';
import { createSignInLink, signInLinkPath } from '../server/auth/sessions.js';
import { readConfig } from '../server/config.js';
import { isEmailAddress, normaliseEmail } from '../server/domain/email.js';
import { appendAudit } from '../server/db/audit.js';
import { openDatabase } from '../server/db/index.js';
import { insertApiToken } from '../server/db/sessions.js';
import { findUserByEmail, insertUser, ROLES, type Role } from '../server/db/users.js';
import { unknownScopes } from '../server/http/scope-param.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string', multiple: true },
    token: { type: 'string' },
    link: { type: 'boolean' },
  },
});

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run user:add -- --email EMAIL --role ${ROLES.join('|')} [--name NAME] [--scope partnership:ID|pcc:CODE]... [--token TOKEN_NAME] [--link]`,
  );
  process.exit(2);
}

const email = values.email === undefined ? undefined : normaliseEmail(values.email);
if (!email) usage('--email is required');
if (!isEmailAddress(email)) usage(`--email must be an email address (got "${values.email}")`);
const config = readConfig();
const { db } = await openDatabase({ url: config.databaseUrl, schema: config.databaseSchema, dataDir: config.dataDir });
const actor = `cli:${userInfo().username}`;
try {
  let user = await findUserByEmail(db, email);
  if (!user) {
    if (!values.role || !ROLES.includes(values.role as Role)) usage(`--role must be one of ${ROLES.join(', ')}`);
    const scopes = values.scope ?? [];
    const bad = scopes.filter((s) => !/^(partnership:\d+|pcc:[EW]\d{8})$/.test(s));
    if (bad.length) usage(`--scope must be partnership:ID or pcc:FORCE_AREA_CODE (got ${bad.join(', ')})`);
    const unknown = await unknownScopes(db, scopes);
    if (unknown.length) usage(`unknown partnership or force area: ${unknown.join(', ')}`);
    await db.transaction((tx) =>
      insertUser(tx, { email, displayName: values.name ?? email, role: values.role as Role, scopes }),
    );
    await appendAudit(db, {
      userId: null,
      userEmail: actor,
      action: 'user.create',
      outcome: 'ok',
      ip: null,
      target: email,
      datasets: [],
      selection: null,
      summary: { role: values.role, scopes },
    });
    user = (await findUserByEmail(db, email))!;
    console.log(`created ${user.role} ${user.email}${scopes.length ? ` in ${scopes.join(', ')}` : ''}`);
  } else if (!values.link && !values.token) {
    usage(`${email} already exists; add --link for a new sign-in link or --token NAME for an API token`);
  }
  if (!user.hasPassword || values.link) {
    const path = signInLinkPath(await createSignInLink(db, user.id));
    await appendAudit(db, {
      userId: null,
      userEmail: actor,
      action: 'user.link',
      outcome: 'ok',
      ip: null,
      target: email,
      datasets: [],
      selection: null,
      summary: null,
    });
    console.log(`one-time sign-in link (valid 24 hours): http://localhost:${config.port}${path}`);
  }
  if (values.token) {
    const secret = newSecret('hs_');
    const id = await insertApiToken(db, {
      userId: user.id,
      name: values.token,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 7),
      expiresAt: null,
    });
    await appendAudit(db, {
      userId: user.id,
      userEmail: actor,
      action: 'token.create',
      outcome: 'ok',
      ip: null,
      target: `token:${id}`,
      datasets: [],
      selection: null,
      summary: { name: values.token },
    });
    console.log(`API token "${values.token}" (shown once; send as "Authorization: Bearer ..."):\n${secret}`);
  }
} finally {
  await db.close();
}

// A fake GitHub for the browser tests: the OAuth authorize page (which consents at once), the
// token exchange (checking PKCE S256) and /user. POST /__next-user {"id", "login"} chooses who
// signs in next. Only for tests; it listens on 127.0.0.1.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.env.FAKE_GITHUB_PORT ?? 14180);
let nextUser = { id: 1, login: 'octocat' };
const codes = new Map(); // code -> { challenge, user }
const tokens = new Map(); // token -> user

function body(request) {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => resolve(text));
  });
}

function json(response, status, value) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(value));
}

createServer(async (request, response) => {
  const url = new URL(request.url, `http://127.0.0.1:${port}`);
  if (request.method === 'POST' && url.pathname === '/__next-user') {
    nextUser = JSON.parse(await body(request));
    return json(response, 200, nextUser);
  }
  if (request.method === 'GET' && url.pathname === '/login/oauth/authorize') {
    const code = `code-${Math.random().toString(36).slice(2)}`;
    codes.set(code, { challenge: url.searchParams.get('code_challenge'), user: nextUser });
    const back = new URL(url.searchParams.get('redirect_uri'));
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state'));
    response.writeHead(302, { Location: back.toString() });
    return response.end();
  }
  if (request.method === 'POST' && url.pathname === '/login/oauth/access_token') {
    const form = new URLSearchParams(await body(request));
    const pending = codes.get(form.get('code'));
    codes.delete(form.get('code'));
    const challenge = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    if (!pending || pending.challenge !== challenge) return json(response, 200, { error: 'bad_verification_code' });
    const token = `gho_${Math.random().toString(36).slice(2)}`;
    tokens.set(token, pending.user);
    return json(response, 200, { access_token: token, token_type: 'bearer', scope: 'read:user' });
  }
  if (request.method === 'GET' && url.pathname === '/user') {
    const user = tokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    return user
      ? json(response, 200, { ...user, name: null, email: null })
      : json(response, 401, { message: 'Bad credentials' });
  }
  if (url.pathname === '/') return json(response, 200, { fake: 'github' });
  json(response, 404, { message: 'Not Found' });
}).listen(port, '127.0.0.1');

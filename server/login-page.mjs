import { escapeHtml as e } from './http.mjs';

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; padding: 1rem; }
  main { max-width: 26rem; margin: 2rem auto; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  form { display: grid; gap: 0.75rem; }
  label { display: grid; gap: 0.25rem; font-weight: 600; }
  input { font: inherit; padding: 0.5rem; border: 1px solid; border-radius: 0.25rem; }
  input[aria-invalid='true'] { border-width: 2px; }
  button { font: inherit; padding: 0.5rem 1rem; justify-self: start; cursor: pointer; }
  :focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  [role='alert'] { border-inline-start: 4px solid; padding: 0.5rem 0.75rem; margin: 0 0 1rem; font-weight: 600; }
  .note { margin-top: 2rem; padding: 0.75rem; border: 1px dashed; border-radius: 0.25rem; }
  code { font-size: 1em; }
`;

function page({ title, nonce, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style nonce="${e(nonce)}">${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const demoNote = (credentials) => `<section class="note" aria-labelledby="demo-note">
<h2 id="demo-note">This is a demo</h2>
<p>This reference server shows how a host's login works with the schedule stars. Its accounts are not real. Sign in with one of these:</p>
<ul>
${credentials.map((c) => `<li>username <code>${e(c.username)}</code>, password <code>${e(c.password)}</code></li>`).join('\n')}
</ul>
</section>`;

/**
 * The sign-in form. `error` (text) shows above the form as an alert and marks the fields invalid;
 * `username` is kept so the reader only types the password again; `returnTo` rides along in a
 * hidden field; `back` is a safe place to go back to without signing in.
 */
export function loginPage({ nonce, returnTo = '', back = null, error = null, username = '', credentials = [] }) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return page({
    title: error ? 'Error: Sign in to your schedule' : 'Sign in to your schedule',
    nonce,
    body: `<h1>Sign in to your schedule</h1>
${error ? `<p role="alert" id="login-error">${e(error)}</p>` : ''}
<form method="post" action="/login">
<label for="username">Username
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${e(username)}"${invalid}>
</label>
<label for="password">Password
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
</label>
<input type="hidden" name="return" value="${e(returnTo)}">
<button type="submit">Sign in</button>
</form>
${back ? `<p><a href="${e(back)}">Go back without signing in</a></p>` : ''}
${demoNote(credentials)}`,
  });
}

/**
 * What /login shows to someone already signed in (and what / shows without a demo page): who they
 * are, a way back, signing out, and changing the password (`error` or `notice` above that form).
 */
export function signedInPage({ nonce, user, returnTo = '', back = null, error = null, notice = null }) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="password-error"' : '';
  return page({
    title: error ? 'Error: Your schedule account' : 'Your schedule account',
    nonce,
    body: `<h1>Your schedule account</h1>
${notice ? `<p role="status">${e(notice)}</p>` : ''}
<p>You are signed in as <strong>${e(user.name ?? user.id)}</strong>.</p>
${back ? `<p><a href="${e(back)}">Continue</a></p>` : ''}
<form method="post" action="/logout">
<input type="hidden" name="return" value="${e(returnTo)}">
<button type="submit">Sign out</button>
</form>
<h2>Change your password</h2>
${error ? `<p role="alert" id="password-error">${e(error)}</p>` : ''}
<form method="post" action="/account/password">
<label for="current-password">Current password
<input id="current-password" name="current" type="password" autocomplete="current-password" required${invalid}>
</label>
<label for="new-password">New password (at least 8 characters)
<input id="new-password" name="next" type="password" autocomplete="new-password" minlength="8" required>
</label>
<input type="hidden" name="return" value="${e(returnTo)}">
<button type="submit">Change password</button>
</form>
<p>Changing your password signs you out everywhere else.</p>`,
  });
}

/** A page that says one thing (too many attempts, say), with a way back. */
export function messagePage({ nonce, title, message, back = null }) {
  return page({
    title,
    nonce,
    body: `<h1>${e(title)}</h1>
<p role="alert">${e(message)}</p>
${back ? `<p><a href="${e(back)}">Go back</a></p>` : ''}`,
  });
}

import type { UserRecord } from '../state/records.js';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The dev sign-in page of `/authorize`: one button per user of the tenant. Choosing one submits
 * the original authorization request plus `emulator_user`, which finishes the flow.
 */
export function signInPage(options: {
  appName: string;
  users: UserRecord[];
  params: URLSearchParams;
  action: string;
}): string {
  const hidden = [...options.params]
    .filter(([k]) => k !== 'emulator_user')
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('');
  const buttons = options.users
    .map(
      (u) =>
        `<li><button type="submit" name="emulator_user" value="${escape(u.id)}">` +
        `<strong>${escape(u.displayName)}</strong><span>${escape(u.userPrincipalName)}</span></button></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;padding:44px;width:min(440px,90vw);box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 8px}p{margin:0 0 16px;color:#444}
ul{list-style:none;padding:0;margin:0}li{margin:0 0 8px}
button{width:100%;text-align:left;padding:12px;border:1px solid #ccc;background:#fff;cursor:pointer;display:flex;flex-direction:column;gap:2px;font:inherit}
button:hover,button:focus{background:#f0f6ff;border-color:#0067b8}span{color:#666;font-size:13px}
</style></head>
<body><main><h1>Pick an account</h1><p>to continue to ${escape(options.appName)} (Microsoft 365 emulator)</p>
<form method="get" action="${escape(options.action)}">${hidden}<ul>${buttons}</ul></form></main></body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in error</title></head><body><main><h1>Sorry, but we're having trouble signing you in.</h1><p role="alert">${escape(message)}</p></main></body></html>`;
}

import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import type express from 'express';

/**
 * The agent console at /console: one HTML page and the ES modules compiled from gateway/console/*.ts with
 * swc once, when the gateway starts (no build step, nothing fetched from other hosts). The page gets the
 * operation document it may send and, in development only, a demo agent token.
 */
export const CONSOLE_PATH = '/console';
const CONSOLE_DIR = path.resolve(__dirname, '../../console');
const MODULES = ['agent-console', 'classify-query'] as const;

export interface AgentConsoleOptions {
  graphqlPath?: string;
  /** Development: a ready-made agent token the page uses until the agent pastes another. */
  demoToken?: () => string | undefined;
}

function compileModule(name: string): string {
  const source = fs.readFileSync(path.join(CONSOLE_DIR, `${name}.ts`), 'utf8');
  return transformSync(source, {
    filename: `${name}.ts`,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2020' },
    module: { type: 'es6' },
    sourceMaps: false,
  }).code;
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function agentConsoleHtml(bootstrap: {
  graphqlPath: string;
  document: string;
  demoToken?: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer 360 — agent console</title>
<link rel="icon" href="data:,">
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
header{background:#1d2330;color:#fff;padding:10px 18px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:17px;margin:0;flex:1}
header input{width:260px}
form{display:flex;gap:8px;padding:14px 18px}
#q{flex:1;font-size:17px;padding:8px}
button{cursor:pointer}
main{padding:0 18px 24px}
.matches{list-style:none;padding:0;display:flex;gap:8px;flex-wrap:wrap}
.matches button{padding:6px 10px;background:#fff;border:1px solid #c5cad3;border-radius:6px}
#context{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:12px}
.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px 14px}
.card h2{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#5a6375;margin:0 0 6px}
.name,.stage{font-size:19px;font-weight:600;margin:2px 0}
.warning{color:#9a3b00;font-weight:600}.ok{color:#1b6e2d;font-weight:600}.notice{color:#9a3b00}
.empty{color:#6b7384}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{text-align:left;padding:3px 6px;border-bottom:1px solid #eef0f3}
</style>
</head>
<body>
<header><h1>Customer 360 — agent console</h1>
<label>Token <input id="token" type="password" autocomplete="off" placeholder="${
    bootstrap.demoToken ? 'demo agent token in use' : 'paste your bearer token'
  }"></label></header>
<form id="search"><input id="q" name="q" autofocus placeholder="Phone, email, name or order number"><button type="submit">Find</button></form>
<main><div id="notice"></div><div id="matches"></div><div id="context"></div></main>
<script id="console-bootstrap" type="application/json">${scriptJson(bootstrap)}</script>
<script type="module" src="${CONSOLE_PATH}/agent-console.js"></script>
</body>
</html>
`;
}

/** Mounts GET /console and its modules. */
export function mountAgentConsole(app: express.Express, options: AgentConsoleOptions = {}): void {
  const compiled = new Map(MODULES.map((name) => [`${name}.js`, compileModule(name)]));
  const document = fs.readFileSync(path.join(CONSOLE_DIR, 'agent-console.graphql'), 'utf8');
  const graphqlPath = options.graphqlPath ?? '/graphql';
  app.get(CONSOLE_PATH, (_req, res) => {
    res
      .type('html')
      .set('cache-control', 'no-store')
      .send(agentConsoleHtml({ graphqlPath, document, demoToken: options.demoToken?.() }));
  });
  app.get(`${CONSOLE_PATH}/:file`, (req, res) => {
    const code = compiled.get(req.params.file);
    if (!code) {
      res.status(404).end();
      return;
    }
    res.type('application/javascript').send(code);
  });
}

import type express from 'express';
import { CONSOLE_PATH } from './agent-console';
import { EXPLORER_PATH } from './explorer';

/** Where Apollo's embeddable Sandbox script lives; the landing page only probes it. */
export const SANDBOX_SCRIPT_URL =
  'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';

/**
 * GET / : where a newcomer lands. In development it offers Apollo Sandbox when Apollo's CDN answers and
 * falls back to the offline explorer (/explorer) by itself when it does not, within `probeMs`; the agent
 * console is linked in every mode.
 */
export function landingHtml(options: {
  development: boolean;
  graphqlPath: string;
  probeMs?: number;
}): string {
  const probeMs = options.probeMs ?? 2500;
  const explorer = options.development
    ? `<li><a id="explorer-link" href="${EXPLORER_PATH}">Explorer</a> — GraphiQL served by this gateway, works offline</li>
<li><a id="sandbox-link" href="${options.graphqlPath}">Apollo Sandbox</a> — needs the internet (Apollo's CDN)</li>`
    : '';
  const probe = options.development
    ? `<p id="probe">Checking whether Apollo Sandbox can load…</p>
<script>
(function () {
  var done = false;
  function offline() {
    if (done) return; done = true;
    document.getElementById('probe').textContent = 'Apollo Sandbox cannot load from here (offline?): opening the explorer.';
    location.replace(${JSON.stringify(EXPLORER_PATH)});
  }
  var s = document.createElement('script');
  s.src = ${JSON.stringify(SANDBOX_SCRIPT_URL)};
  s.onload = function () {
    if (done) return; done = true;
    document.getElementById('probe').textContent = 'Apollo Sandbox is reachable.';
    location.replace(${JSON.stringify(options.graphqlPath)});
  };
  s.onerror = offline;
  setTimeout(offline, ${probeMs});
  document.head.appendChild(s);
})();
</script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Customer 360 supergraph</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px}</style></head>
<body>
<h1>Customer 360 supergraph</h1>
<p>GraphQL endpoint: <code>POST ${options.graphqlPath}</code></p>
<ul>
${explorer}
<li><a id="console-link" href="${CONSOLE_PATH}">Agent console</a> — find a caller and read their whole context</li>
</ul>
${probe}
</body>
</html>
`;
}

export function mountLandingPage(
  app: express.Express,
  options: { development: boolean; graphqlPath?: string },
): void {
  const html = landingHtml({
    development: options.development,
    graphqlPath: options.graphqlPath ?? '/graphql',
  });
  app.get('/', (_req, res) => {
    res.type('html').set('cache-control', 'no-store').send(html);
  });
}

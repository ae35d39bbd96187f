import path from 'node:path';
import express from 'express';

/**
 * A GraphiQL explorer served entirely from installed npm packages, so it works with no internet
 * (Apollo Sandbox loads from Apollo's CDN). The HTML references only /explorer/assets/*.
 */
const ASSETS: Record<string, string> = {
  'react.js': 'react/umd/react.production.min.js',
  'react-dom.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.js': 'graphiql/graphiql.min.js',
  'graphiql.css': 'graphiql/graphiql.min.css',
  'explorer.js': '@graphiql/plugin-explorer/dist/index.umd.js',
  'explorer.css': '@graphiql/plugin-explorer/dist/style.css',
};

export const EXPLORER_PATH = '/explorer';
const NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

export function explorerHtml(graphqlPath = '/graphql', headers: Record<string, string> = {}): string {
  const a = (name: string) => `${EXPLORER_PATH}/assets/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Customer 360 explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${a('graphiql.css')}">
<link rel="stylesheet" href="${a('explorer.css')}">
<style>html,body,#root{height:100%;margin:0}</style>
</head>
<body>
<div id="root"></div>
<script src="${a('react.js')}"></script>
<script src="${a('react-dom.js')}"></script>
<script src="${a('graphiql.js')}"></script>
<script src="${a('explorer.js')}"></script>
<script>
const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)}, headers: ${JSON.stringify(headers).replace(/</g, '\\u003c')} });
const explorer = GraphiQLPluginExplorer.explorerPlugin();
// ?query=… opens the explorer on that operation (links from the README and the landing page).
const initialQuery = new URLSearchParams(location.search).get('query') || undefined;
ReactDOM.createRoot(document.getElementById('root')).render(
  React.createElement(GraphiQL, { fetcher, plugins: [explorer], defaultQuery: initialQuery, query: initialQuery }),
);
</script>
</body>
</html>
`;
}

/** Mounts GET /explorer and its assets; `headers` go with every operation (a development token). */
export function mountExplorer(app: express.Express, headers: Record<string, string> = {}): void {
  app.get(EXPLORER_PATH, (_req, res) => {
    res.type('html').send(explorerHtml('/graphql', headers));
  });
  app.get(`${EXPLORER_PATH}/assets/:name`, (req, res) => {
    const file = ASSETS[req.params.name];
    if (!file) {
      res.status(404).end();
      return;
    }
    // Some packages do not export these dist files, so resolve them in the repo's node_modules.
    res.sendFile(path.join(NODE_MODULES, file));
  });
}

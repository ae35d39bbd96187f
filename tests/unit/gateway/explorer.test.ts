import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { explorerHtml, mountExplorer } from '../../../gateway/src/http/explorer';

describe('offline explorer', () => {
  const html = explorerHtml();

  it('references only same-origin assets (no CDN, no fonts)', () => {
    const refs = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual([
      '/explorer/assets/explorer.css',
      '/explorer/assets/explorer.js',
      '/explorer/assets/graphiql.css',
      '/explorer/assets/graphiql.js',
      '/explorer/assets/react-dom.js',
      '/explorer/assets/react.js',
      'data:,',
    ]);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves every referenced asset from node_modules and 404s unknown names', async () => {
    const app = express();
    mountExplorer(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/explorer`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(html);
      for (const name of [
        'react.js',
        'react-dom.js',
        'graphiql.js',
        'graphiql.css',
        'explorer.js',
        'explorer.css',
      ]) {
        const res = await fetch(`${base}/explorer/assets/${name}`);
        expect(res.status).toBe(200);
        expect((await res.text()).length).toBeGreaterThan(1000);
      }
      expect((await fetch(`${base}/explorer/assets/..%2Fpackage.json`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('ships CSS that loads nothing from other hosts', () => {
    const nm = path.resolve(__dirname, '../../../node_modules');
    for (const f of ['graphiql/graphiql.min.css', '@graphiql/plugin-explorer/dist/style.css']) {
      const css = fs.readFileSync(path.join(nm, f), 'utf8');
      expect(css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      expect(css).not.toMatch(/@import/);
    }
  });
});

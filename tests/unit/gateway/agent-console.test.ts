import { classifyAgentQuery } from '../../../gateway/console/classify-query';
import { agentConsoleHtml } from '../../../gateway/src/http/agent-console';
import { landingHtml, SANDBOX_SCRIPT_URL } from '../../../gateway/src/http/landing-page';

describe('classifyAgentQuery', () => {
  it.each([
    ['SO-20260131-7K3M9QXA', { kind: 'ORDER', value: 'SO-20260131-7K3M9QXA' }],
    ['  so-20260131-7k3m9qxa ', { kind: 'ORDER', value: 'SO-20260131-7K3M9QXA' }],
    ['anna.kovacs@example.com', { kind: 'EMAIL', value: 'anna.kovacs@example.com' }],
    ['06 50 643 5959', { kind: 'PHONE', value: '06 50 643 5959' }],
    ['+36 (30) 123-4567', { kind: 'PHONE', value: '+36 (30) 123-4567' }],
    ['Kovács', { kind: 'NAME', value: 'Kovács' }],
    // Too few digits for a phone number: a name search.
    ['12345', { kind: 'NAME', value: '12345' }],
    ['Anna 2', { kind: 'NAME', value: 'Anna 2' }],
    ['   ', { kind: 'EMPTY' }],
  ])('%j', (input, expected) => {
    expect(classifyAgentQuery(input)).toEqual(expected);
  });
});

describe('agent console page', () => {
  it('embeds its bootstrap so no value can close the script element', () => {
    const html = agentConsoleHtml({
      graphqlPath: '/graphql',
      document: 'query A { x } # </script><b>',
      demoToken: 't',
    });
    const json = /<script id="console-bootstrap" type="application\/json">(.*)<\/script>/.exec(html)![1];
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({
      graphqlPath: '/graphql',
      document: 'query A { x } # </script><b>',
      demoToken: 't',
    });
  });

  it('loads only its own module', () => {
    const html = agentConsoleHtml({ graphqlPath: '/graphql', document: '' });
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'data:,',
      '/console/agent-console.js',
    ]);
  });
});

describe('landing page', () => {
  it('in development probes the Sandbox CDN and falls back to the explorer', () => {
    const html = landingHtml({ development: true, graphqlPath: '/graphql', probeMs: 1234 });
    expect(html).toContain(`s.src = ${JSON.stringify(SANDBOX_SCRIPT_URL)}`);
    expect(html).toContain('location.replace("/explorer")');
    expect(html).toContain('setTimeout(offline, 1234)');
    expect(html).toContain('href="/console"');
  });

  it('in production links only the console and loads nothing from other hosts', () => {
    const html = landingHtml({ development: false, graphqlPath: '/graphql' });
    expect(html).not.toContain('cdn.apollographql.com');
    expect(html).not.toContain('/explorer');
    expect(html).toContain('href="/console"');
  });
});

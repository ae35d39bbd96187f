import { loadGatewayConfig } from '../../../gateway/src/config';
import { loadConfig as loadInsightsConfig } from '../../../subgraphs/insights/src/config';
import { loadConfig as loadMarketingConfig } from '../../../subgraphs/marketing/src/config';
import { loadConfig as loadSalesConfig } from '../../../subgraphs/sales/src/config';
import { loadConfig as loadSupportConfig } from '../../../subgraphs/support/src/config';

const loaders = {
  gateway: loadGatewayConfig,
  marketing: loadMarketingConfig,
  sales: loadSalesConfig,
  support: loadSupportConfig,
  insights: loadInsightsConfig,
};

describe.each(Object.entries(loaders))('%s: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', (_name, load) => {
  it('leaves tracing off when unset or empty', () => {
    expect(load({}).otlpTracesUrl).toBeUndefined();
    expect(load({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ' ' }).otlpTracesUrl).toBeUndefined();
  });

  it('exports to the URL it names', () => {
    expect(
      load({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).otlpTracesUrl,
    ).toBe('http://collector:4318/v1/traces');
  });

  it('refuses what is not an http(s) URL, naming the variable', () => {
    expect(() => load({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http\(s\) URL/,
    );
    expect(() => load({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/,
    );
  });
});

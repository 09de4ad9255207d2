import { Injectable } from '@nestjs/common';

export type MetricSample = { labels?: Record<string, string>; value: number };
export type Metric = { name: string; help: string; type: 'gauge' | 'counter'; samples: MetricSample[] };
export type MetricsCollector = () => Promise<Metric[]>;

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function renderSample(name: string, { labels, value }: MetricSample): string {
  const pairs = Object.entries(labels ?? {}).map(([key, label]) => `${key}="${escapeLabel(label)}"`);
  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${Number.isFinite(value) ? value : 'NaN'}`;
}

// A minimal Prometheus registry: modules register collectors, /metrics renders the text format.
@Injectable()
export class MetricsRegistry {
  private readonly collectors = new Map<string, MetricsCollector>();

  register(name: string, collector: MetricsCollector): void {
    this.collectors.set(name, collector);
  }

  async render(): Promise<string> {
    const lines: string[] = [];
    for (const collector of this.collectors.values()) {
      const metrics = await collector().catch(() => [] as Metric[]);
      for (const metric of metrics) {
        lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
        lines.push(...metric.samples.map((sample) => renderSample(metric.name, sample)));
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

export const processMetrics: MetricsCollector = async () => [
  { name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes.', type: 'gauge', samples: [{ value: process.memoryUsage().rss }] },
  { name: 'process_uptime_seconds', help: 'Seconds since the process started.', type: 'gauge', samples: [{ value: Math.round(process.uptime()) }] },
];

import type { Agent } from 'node:http';
import type { HttpHandler, HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { agentFor, proxyConfigured } from '../../net/http';

/**
 * The HTTP handler for the calls the AWS credential chain makes itself (STS for web identity and
 * roles, SSO): through the runner's proxy unless NO_PROXY names the host, with the same agents as
 * every other request of the action (`net/http`'s, from `@actions/http-client`). smithy's handler
 * keeps an agent only when it is an `http.Agent` or has a `destroy()`; the toolkit's tunnel agent
 * is neither and would be swapped for a direct one, so it gets a `destroy()` that does nothing
 * (its sockets end with their request).
 */
export class ProxiedHandler implements HttpHandler<Record<string, never>> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly byOrigin = new Map<string, Promise<NodeHttpHandler>>();

  constructor(
    private readonly agentOf: (origin: string) => Promise<Agent | undefined>,
    private readonly makeHandler: (agents: { httpAgent?: Agent; httpsAgent?: Agent }) => NodeHttpHandler,
  ) {}

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const origin = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
    let handler = this.byOrigin.get(origin);
    if (!handler) {
      handler = this.agentOf(origin).then((found) => {
        const agent = found && withDestroy(found);
        return this.makeHandler(request.protocol === 'https:' ? { httpsAgent: agent } : { httpAgent: agent });
      });
      this.byOrigin.set(origin, handler);
    }
    return (await handler).handle(request, options);
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    for (const handler of this.byOrigin.values()) void handler.then((h) => h.destroy());
  }
}

function withDestroy(agent: Agent): Agent {
  if (typeof (agent as Partial<Agent>).destroy !== 'function') Object.assign(agent, { destroy: () => {} });
  return agent;
}

/** The handler for the credential chain's clients, loaded with the s3 check; undefined without a proxy. */
export async function credentialChainHandler(): Promise<ProxiedHandler | undefined> {
  if (!proxyConfigured()) return undefined;
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  return new ProxiedHandler(agentFor, (agents) => new NodeHttpHandler(agents));
}

import type { Agent } from 'node:http';
import type { HttpHandler, HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * The HTTP handler for the calls the AWS credential chain makes itself (STS for web identity and
 * roles, SSO): through the runner's proxy unless NO_PROXY names the host, as every other call of
 * the action. The agent per origin comes from `@actions/http-client`, which reads HTTPS_PROXY /
 * HTTP_PROXY / NO_PROXY. smithy's handler keeps an agent only when it is an `http.Agent` or has a
 * `destroy()`; the toolkit's tunnel agent is neither and would be swapped for a direct one, so it
 * gets a `destroy()` that does nothing (its sockets end with their request).
 */
export class ProxiedHandler implements HttpHandler<Record<string, never>> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly byOrigin = new Map<string, NodeHttpHandler>();

  constructor(
    private readonly agentFor: (origin: string) => Agent,
    private readonly makeHandler: (agents: { httpAgent?: Agent; httpsAgent?: Agent }) => NodeHttpHandler,
  ) {}

  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const origin = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
    let handler = this.byOrigin.get(origin);
    if (!handler) {
      const agent = withDestroy(this.agentFor(origin));
      handler = this.makeHandler(
        request.protocol === 'https:' ? { httpsAgent: agent } : { httpAgent: agent },
      );
      this.byOrigin.set(origin, handler);
    }
    return handler.handle(request, options);
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    for (const handler of this.byOrigin.values()) handler.destroy();
  }
}

function withDestroy(agent: Agent): Agent {
  if (typeof (agent as Partial<Agent>).destroy !== 'function') Object.assign(agent, { destroy: () => {} });
  return agent;
}

/** Whether the runner names a proxy at all: without one the SDK keeps its own handler. */
export const proxyConfigured = (env: NodeJS.ProcessEnv) =>
  ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => (env[name] ?? '') !== '');

/** The handler for the credential chain's clients, loaded with the s3 check; undefined without a proxy. */
export async function credentialChainHandler(env: NodeJS.ProcessEnv): Promise<ProxiedHandler | undefined> {
  if (!proxyConfigured(env)) return undefined;
  const [{ HttpClient }, { NodeHttpHandler }] = await Promise.all([
    import('@actions/http-client'),
    import('@smithy/node-http-handler'),
  ]);
  const client = new HttpClient('buildkit-cache-action');
  return new ProxiedHandler(
    (origin) => client.getAgent(origin),
    (agents) => new NodeHttpHandler(agents),
  );
}

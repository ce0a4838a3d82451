import { engineSocket } from '../../src/buildx/engine';
import { environmentFrom } from '../../src/runner/environment';

// The socket the engine probe pings, from the runner's typed values (runner/environment.ts).
describe("engineSocket: the engine's unix socket when the docker CLI would use one without a context", () => {
  it.each([
    { env: {}, config: null, want: '/var/run/docker.sock' },
    {
      env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      config: null,
      want: '/run/user/1000/docker.sock',
    },
    { env: { DOCKER_HOST: 'tcp://10.0.0.2:2376' }, config: null, want: null },
    { env: { DOCKER_CONTEXT: 'remote' }, config: null, want: null },
    { env: { DOCKER_CONTEXT: 'default' }, config: null, want: '/var/run/docker.sock' },
    { env: {}, config: '{"currentContext":"colima"}', want: null },
    { env: {}, config: '{"currentContext":"default"}', want: '/var/run/docker.sock' },
    // An unreadable config is ignored, as the CLI ignores it.
    { env: {}, config: '{not json', want: '/var/run/docker.sock' },
    // DOCKER_HOST wins over a context named anywhere.
    { env: { DOCKER_HOST: 'unix:///s.sock', DOCKER_CONTEXT: 'remote' }, config: null, want: '/s.sock' },
  ])('$env with config $config: $want', ({ env, config, want }) => {
    expect(engineSocket(environmentFrom(env).docker, config, 'linux')).toBe(want);
  });

  it('Windows has no unix socket to ping: only the CLI can tell', () => {
    expect(engineSocket(environmentFrom({}).docker, null, 'win32')).toBeNull();
  });
});

import { parseArgs } from './args.js';

describe('parseArgs', () => {
  it.each([
    [[], 'dev'],
    [['--env', 'prod'], 'prod'],
    [['--env=staging'], 'staging'],
  ])('%j → env %s', (argv, env) => {
    expect(parseArgs(argv)).toEqual({ env });
  });

  it('needs a value after --env', () => {
    expect(() => parseArgs(['--env'])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: '--env' }),
    );
  });

  it('names an unknown argument', () => {
    expect(() => parseArgs(['--environment', 'dev'])).toThrow(
      expect.objectContaining({
        field: '--environment',
        message: expect.stringContaining('Unknown argument'),
      }),
    );
  });
});

import { fillJsonPlaceholders, placeholderNames } from './placeholders.js';

describe('placeholderNames', () => {
  it('lists each ${{NAME}} once, in order, tolerating inner spaces', () => {
    expect(placeholderNames('${{B}} ${{ A }} ${{B}} $B {{C}}')).toEqual(['B', 'A']);
  });
});

describe('fillJsonPlaceholders', () => {
  it('fills values and keeps the JSON valid when a value has quotes or backslashes', () => {
    const out = fillJsonPlaceholders(
      '{"name":"${{NAME}}","id":"${{ID}}"}',
      new Map([
        ['NAME', 'Tandem "dev" \\ test'],
        ['ID', 'abc'],
      ]),
      'manifest',
    );
    expect(JSON.parse(out)).toEqual({ name: 'Tandem "dev" \\ test', id: 'abc' });
  });

  it('names every missing variable in one error, the first as its field', () => {
    let error: unknown;
    try {
      fillJsonPlaceholders(
        '{"a":"${{TEAMS_APP_ID}}","b":"${{BOT_ID}}","c":"${{SET}}"}',
        new Map([
          ['SET', 'x'],
          ['BOT_ID', ''],
        ]),
        'appPackage/manifest.json',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'MISSING_VARIABLE', field: 'TEAMS_APP_ID' });
    expect((error as Error).message).toContain('${{TEAMS_APP_ID}}');
    expect((error as Error).message).toContain('${{BOT_ID}}');
    expect((error as Error).message).not.toContain('${{SET}}');
  });
});

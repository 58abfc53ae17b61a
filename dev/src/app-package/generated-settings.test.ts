import { GENERATED_SETTINGS, missingSettingLines } from './generated-settings.js';

describe('missingSettingLines', () => {
  it("generates every setting a fresh environment lacks, in the toolkit's ::set-teamsfx-env form", () => {
    const lines = missingSettingLines({});
    const values = Object.fromEntries(
      lines.map((line) => {
        const m = /^::set-teamsfx-env ([A-Z_]+)=(.+)$/.exec(line);
        expect(m).not.toBeNull();
        return [m![1]!, m![2]!];
      }),
    );
    expect(Object.keys(values).sort()).toEqual(Object.keys(GENERATED_SETTINGS).sort());
    expect(values.RESOURCE_SUFFIX).toMatch(/^[0-9a-f]{6}$/);
    expect(values.AAD_APP_BOT_ROLE_ID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(Buffer.from(values.SECRET_TOKEN_ENCRYPTION_KEY!, 'base64')).toHaveLength(32);
    expect(Buffer.from(values.SECRET_MANAGE_LINK_SIGNING_KEY!, 'base64')).toHaveLength(32);
  });

  it('never regenerates a setting that exists (a new key would orphan stored tokens and sent links)', () => {
    expect(
      missingSettingLines({
        RESOURCE_SUFFIX: 'a1b2c3',
        AAD_APP_BOT_ROLE_ID: '5c0e9a5e-1111-4222-8333-444455556666',
        SECRET_TOKEN_ENCRYPTION_KEY: 'kept',
      }),
    ).toEqual([expect.stringMatching(/^::set-teamsfx-env SECRET_MANAGE_LINK_SIGNING_KEY=/)]);
  });

  it('draws fresh randomness for each environment', () => {
    expect(missingSettingLines({})).not.toEqual(missingSettingLines({}));
  });
});

// Run by teamsapp.yml's provision stage (`uses: script`): prints the settings this environment still
// lacks in Teams Toolkit's `::set-teamsfx-env` form, which the toolkit writes to the env files.
import { missingSettingLines } from './generated-settings.js';

for (const line of missingSettingLines(process.env)) console.log(line);

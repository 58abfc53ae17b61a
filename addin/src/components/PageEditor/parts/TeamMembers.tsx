import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';
import type { TeamDraft } from '../draft.js';
import { errorProps } from './fieldProps.js';
import { NumberField } from './NumberField.js';

type Member = TeamDraft['members'][number];
const policies = ['equal', 'weighted', 'priority'] as const;

/**
 * Only me, or a team: collective (everyone free) or round robin (one member free, assigned by equal
 * distribution, weights or priority). Members are colleagues who use Tandem, named by their user id;
 * the API says when someone is not one.
 */
export function TeamMembers({ draft, update, error }: PartProps) {
  const t = useStrings().editor;
  const team = draft.team;
  const setTeam = (change: (team: TeamDraft) => TeamDraft) =>
    update((p) => (p.team ? { ...p, team: change(p.team) } : p));
  const setMember = (i: number, change: (m: Member) => Member) =>
    setTeam((tm) => ({ ...tm, members: tm.members.map((m, j) => (j === i ? change(m) : m)) }));
  return (
    <fieldset>
      <legend>{t.team}</legend>
      <Field label={t.teamKind} {...errorProps(error('team.kind'))}>
        <Select
          value={team?.kind ?? 'none'}
          onChange={(_, d) =>
            update(({ team: old, ...p }) =>
              d.value === 'none'
                ? p
                : {
                    ...p,
                    team: {
                      policy: 'equal',
                      assignmentPeriodDays: 30,
                      members: [{ userId: '' }],
                      ...old,
                      kind: d.value as TeamDraft['kind'],
                    },
                  },
            )
          }
        >
          <option value="none">{t.teamNone}</option>
          <option value="collective">{t.teamCollective}</option>
          <option value="roundRobin">{t.teamRoundRobin}</option>
        </Select>
      </Field>
      {team && (
        <>
          {team.kind === 'roundRobin' && (
            <>
              <Field label={t.policy} {...errorProps(error('team.policy'))}>
                <Select
                  value={team.policy}
                  onChange={(_, d) => setTeam((tm) => ({ ...tm, policy: d.value as TeamDraft['policy'] }))}
                >
                  {policies.map((p) => (
                    <option key={p} value={p}>
                      {t.policies[p]}
                    </option>
                  ))}
                </Select>
              </Field>
              <NumberField
                label={t.assignmentPeriod}
                value={team.assignmentPeriodDays}
                min={1}
                error={error('team.assignmentPeriodDays')}
                onChange={(n) => setTeam((tm) => ({ ...tm, assignmentPeriodDays: n ?? Number.NaN }))}
              />
            </>
          )}
          <p>{t.membersHint}</p>
          {error('team.members') && <p role="alert">{error('team.members')}</p>}
          <ol>
            {team.members.map((member, i) => {
              const n = i + 1;
              const at = `team.members[${i}]`;
              return (
                <li key={i}>
                  <Field label={t.memberN(n)} required {...errorProps(error(`${at}.userId`))}>
                    <Input
                      value={member.userId}
                      onChange={(_, d) => setMember(i, (m) => ({ ...m, userId: d.value.trim() }))}
                    />
                  </Field>
                  {team.kind === 'roundRobin' && team.policy === 'weighted' && (
                    <NumberField
                      label={t.memberWeightN(n)}
                      value={member.weight}
                      min={1}
                      error={error(`${at}.weight`)}
                      onChange={(w) =>
                        setMember(i, ({ weight: _w, ...m }) => (w === undefined ? m : { ...m, weight: w }))
                      }
                    />
                  )}
                  {team.kind === 'roundRobin' && team.policy === 'priority' && (
                    <NumberField
                      label={t.memberPriorityN(n)}
                      value={member.priority}
                      error={error(`${at}.priority`)}
                      onChange={(v) =>
                        setMember(i, ({ priority: _p, ...m }) =>
                          v === undefined ? m : { ...m, priority: v },
                        )
                      }
                    />
                  )}
                  <Button
                    onClick={() =>
                      setTeam((tm) => ({ ...tm, members: tm.members.filter((_, j) => j !== i) }))
                    }
                  >
                    {t.removeMemberN(n)}
                  </Button>
                </li>
              );
            })}
          </ol>
          <Button onClick={() => setTeam((tm) => ({ ...tm, members: [...tm.members, { userId: '' }] }))}>
            {t.addMember}
          </Button>
        </>
      )}
    </fieldset>
  );
}

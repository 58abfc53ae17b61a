import { Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';
import type { LocationDraft } from '../draft.js';
import { errorProps } from './fieldProps.js';

const kinds = ['teams', 'inPerson', 'phone', 'customLink'] as const;

function locationOf(kind: LocationDraft['kind']): LocationDraft {
  switch (kind) {
    case 'teams':
      return { kind };
    case 'inPerson':
      return { kind, address: '' };
    case 'phone':
      return { kind, caller: 'host' };
    case 'customLink':
      return { kind, url: 'https://' };
  }
}

/** Where the meeting happens: a Teams meeting made with the event, a place, a phone call or a link. */
export function Location({ draft, update, error }: PartProps) {
  const t = useStrings();
  const e = t.editor;
  const location = draft.location;
  const set = (next: LocationDraft) => update((p) => ({ ...p, location: next }));
  return (
    <>
      <Field label={e.location} {...errorProps(error('location') ?? error('location.kind'))}>
        <Select value={location.kind} onChange={(_, d) => set(locationOf(d.value as LocationDraft['kind']))}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t.booking.location[kind]}
            </option>
          ))}
        </Select>
      </Field>
      {location.kind === 'inPerson' && (
        <Field label={e.address} required {...errorProps(error('location.address'))}>
          <Input value={location.address} onChange={(_, d) => set({ ...location, address: d.value })} />
        </Field>
      )}
      {location.kind === 'phone' && (
        <>
          <Field label={e.caller} {...errorProps(error('location.caller'))}>
            <RadioGroup
              value={location.caller}
              onChange={(_, d) => set({ ...location, caller: d.value as 'host' | 'invitee' })}
            >
              <Radio value="host" label={e.callerHost} />
              <Radio value="invitee" label={e.callerInvitee} />
            </RadioGroup>
          </Field>
          {location.caller === 'invitee' && (
            <Field label={e.phoneNumber} {...errorProps(error('location.phoneNumber'))}>
              <Input
                type="tel"
                value={location.phoneNumber ?? ''}
                onChange={(_, d) => {
                  const { phoneNumber: _old, ...rest } = location;
                  set(d.value === '' ? rest : { ...rest, phoneNumber: d.value });
                }}
              />
            </Field>
          )}
        </>
      )}
      {location.kind === 'customLink' && (
        <Field label={e.url} required {...errorProps(error('location.url'))}>
          <Input type="url" value={location.url} onChange={(_, d) => set({ ...location, url: d.value })} />
        </Field>
      )}
    </>
  );
}

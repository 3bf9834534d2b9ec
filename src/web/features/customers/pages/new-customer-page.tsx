import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CHANNELS, PURPOSES } from '../../../../contracts/customers';
import { formatLunarDate } from '../../../../domain/lunar';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert } from '../../../components/query-state';
import { isApiError } from '../../../lib/api-client';
import { useSession } from '../../auth/api/get-me';
import { useCreateCustomer, useDuplicates } from '../api/customers';
import { DuplicateOffer } from '../components/duplicate-offer';
import { CustomerLanguageSelect } from '../components/language-select';
import type { Locale } from '../../../../contracts/common';
import { RequirementsLink } from '../../loyalty/components/requirements-link';

type Consent = `${(typeof CHANNELS)[number]}:${(typeof PURPOSES)[number]}`;

export function NewCustomerPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [storeId, setStoreId] = useState(me.currentStore?.id ?? me.stores[0]?.id ?? '');
  const [familyName, setFamilyName] = useState(params.get('name') ?? '');
  const [givenName, setGivenName] = useState('');
  const [reading, setReading] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [memberNo, setMemberNo] = useState('');
  const [birthdayKind, setBirthdayKind] = useState<'none' | 'solar' | 'lunar'>('none');
  const [birthday, setBirthday] = useState('');
  const [lunar, setLunar] = useState({ month: 1, day: 1, isLeapMonth: false });
  const [address, setAddress] = useState('');
  const [language, setLanguage] = useState<Locale | null>(null);
  const [consents, setConsents] = useState<Consent[]>([]);
  const create = useCreateCustomer();
  const [probe] = useDebouncedValue({ phone, email, memberNo, storeId }, 400);
  const dups = useDuplicates(probe);
  const fieldError = (f: string) =>
    isApiError(create.error)
      ? create.error.fields.find((x) => x.field === f || x.field.startsWith(`${f}.`))?.message
      : undefined;
  const duplicateConflict = isApiError(create.error) && create.error.code === 'possible_duplicate';

  const submit = (allowDuplicate: boolean) =>
    create.mutate(
      {
        storeId,
        familyName,
        givenName: givenName || null,
        reading: reading || null,
        memberNo: memberNo || null,
        phones: phone ? [{ number: phone, label: 'mobile' }] : [],
        email: email || null,
        birthday: birthdayKind === 'solar' && birthday ? birthday : null,
        lunarBirthday: birthdayKind === 'lunar' ? lunar : null,
        addresses: address ? [{ text: address }] : [],
        language,
        consents: consents.map((c) => {
          const [channel, purpose] = c.split(':') as [(typeof CHANNELS)[number], (typeof PURPOSES)[number]];
          return { channel, purpose, granted: true, method: 'verbal' as const };
        }),
        allowDuplicate,
      },
      { onSuccess: (c) => navigate(`/customers/${c.id}`) },
    );

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('customers.new.title')} description={t('customers.new.description')} mb={0} />
      <RequirementsLink />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(false);
        }}
      >
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('customers.new.firstVisit')}
              </Title>
              {me.stores.length > 1 && (
                <Select
                  label={t('customers.field.store')}
                  value={storeId}
                  onChange={(v) => v && setStoreId(v)}
                  data={me.stores.map((s) => ({ value: s.id, label: s.name }))}
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('customers.field.familyName')}
                  required
                  value={familyName}
                  onChange={(e) => setFamilyName(e.currentTarget.value)}
                  error={fieldError('body.familyName')}
                />
                <TextInput
                  label={t('customers.field.givenName')}
                  value={givenName}
                  onChange={(e) => setGivenName(e.currentTarget.value)}
                />
              </SimpleGrid>
              <TextInput
                label={t('customers.field.reading')}
                description={t('customers.new.readingHelp')}
                value={reading}
                onChange={(e) => setReading(e.currentTarget.value)}
              />
              <TextInput
                label={t('customers.field.phone')}
                type="tel"
                inputMode="tel"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={fieldError('body.phones')}
              />
              <DuplicateOffer candidates={dups.data?.items ?? []} />
              <CustomerLanguageSelect
                value={language}
                onChange={setLanguage}
                storeLocale={me.stores.find((s) => s.id === storeId)?.locale ?? null}
                error={fieldError('body.language')}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('customers.new.ifSheAgrees')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('customers.new.ifSheAgreesHelp')}
              </Text>
              <SegmentedControl
                value={birthdayKind}
                onChange={(v) => setBirthdayKind(v as 'none' | 'solar' | 'lunar')}
                aria-label={t('customers.field.birthday')}
                data={[
                  { value: 'none', label: t('customers.birthday.unknown') },
                  { value: 'solar', label: t('customers.birthday.solar') },
                  { value: 'lunar', label: t('customers.birthday.lunar') },
                ]}
              />
              {birthdayKind === 'solar' && (
                <TextInput
                  type="date"
                  label={t('customers.field.birthday')}
                  value={birthday}
                  onChange={(e) => setBirthday(e.currentTarget.value)}
                  error={fieldError('body.birthday')}
                />
              )}
              {birthdayKind === 'lunar' && (
                <Group align="flex-end" wrap="wrap">
                  <NumberInput
                    label={t('customers.birthday.lunarMonth')}
                    min={1}
                    max={12}
                    value={lunar.month}
                    onChange={(v) => setLunar({ ...lunar, month: Number(v) || 1 })}
                    w={120}
                  />
                  <NumberInput
                    label={t('customers.birthday.lunarDay')}
                    min={1}
                    max={30}
                    value={lunar.day}
                    onChange={(v) => setLunar({ ...lunar, day: Number(v) || 1 })}
                    w={120}
                  />
                  <Checkbox
                    label={t('customers.birthday.leap')}
                    checked={lunar.isLeapMonth}
                    onChange={(e) => setLunar({ ...lunar, isLeapMonth: e.currentTarget.checked })}
                    mb={8}
                  />
                  <Text mb={8} fw={600} aria-live="polite">
                    {formatLunarDate(lunar.month, lunar.day, lunar.isLeapMonth, i18n.language as Locale)}
                  </Text>
                </Group>
              )}
              <TextInput
                label={t('customers.field.address')}
                value={address}
                onChange={(e) => setAddress(e.currentTarget.value)}
              />
              <TextInput
                label={t('customers.field.email')}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fieldError('body.email')}
              />
              <TextInput
                label={t('customers.field.memberNo')}
                value={memberNo}
                onChange={(e) => setMemberNo(e.currentTarget.value)}
                error={fieldError('body.memberNo')}
              />
              <Checkbox.Group
                label={t('customers.consent.title')}
                description={t('customers.consent.help')}
                value={consents}
                onChange={(v) => setConsents(v as Consent[])}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                  {PURPOSES.flatMap((p) =>
                    CHANNELS.map((c) => (
                      <Checkbox
                        key={`${c}:${p}`}
                        value={`${c}:${p}`}
                        label={`${t(`customers.consent.purpose.${p}`)} · ${t(`customers.consent.channel.${c}`)}`}
                      />
                    )),
                  )}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Paper>
          {create.isError && !duplicateConflict && <ErrorAlert error={create.error} />}
          {duplicateConflict && (
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <DuplicateOffer candidates={dups.data?.items ?? []} />
                <Text>{t('customers.duplicate.createAnywayHelp')}</Text>
                <Button variant="default" onClick={() => submit(true)} loading={create.isPending}>
                  {t('customers.duplicate.createAnyway')}
                </Button>
              </Stack>
            </Paper>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!familyName.trim()}>
              {t('customers.new.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

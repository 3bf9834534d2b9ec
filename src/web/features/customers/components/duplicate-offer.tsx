import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { duplicateCandidateSchema } from '../../../../contracts/customers';

type Candidate = z.infer<typeof duplicateCandidateSchema>;

export function DuplicateOffer({ candidates }: { candidates: Candidate[] }) {
  const { t } = useTranslation();
  if (!candidates.length) return null;
  return (
    <Alert color="yellow" title={t('customers.duplicate.title')} role="status">
      <Stack gap={4}>
        <Text size="sm">{t('customers.duplicate.help')}</Text>
        {candidates.map((c) => (
          <Anchor key={c.id} component={Link} to={`/customers/${c.id}`}>
            {t('customers.duplicate.open', {
              name: c.displayName,
              on: c.matchedOn.map((m) => t(`customers.duplicate.on.${m}`)).join(t('customers.listSeparator')),
            })}
            {c.phoneMasked ? ` · ${c.phoneMasked}` : ''}
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}

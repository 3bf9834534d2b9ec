import { Badge, Card, Group, RingProgress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common';
import { isProfileFieldKey, profileFieldLabel } from '../../../../domain/profile-fields';

/** The 20/80 completeness score of seed 001 and what to learn next, in the order etiquette allows. */
export function CompletenessCard({ score, next }: { score: number; next: string[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md">
      <Group wrap="nowrap" align="center">
        <RingProgress
          size={84}
          thickness={9}
          roundCaps
          sections={[{ value: score, color: score >= 60 ? 'teal' : 'pink' }]}
          label={
            <Text ta="center" fw={700}>
              {score}%
            </Text>
          }
          aria-label={t('customers.completenessIs', { score })}
        />
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('customers.completeness')}
          </Title>
          {next.length > 0 ? (
            <>
              <Text size="sm" c="dimmed">
                {t('customers.learnNext')}
              </Text>
              <Group gap={6}>
                {next.map((k) => (
                  <Badge key={k} variant="light" size="lg">
                    {isProfileFieldKey(k) ? profileFieldLabel(k, i18n.language as Locale) : k}
                  </Badge>
                ))}
              </Group>
            </>
          ) : (
            <Text size="sm">{t('customers.fileComplete')}</Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

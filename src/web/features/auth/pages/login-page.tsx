import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageMenu } from '../../../components/language-menu';
import { PageLoader } from '../../../components/query-state';
import { useLanguage } from '../../../app/use-language';
import { useMe } from '../api/get-me';
import { LoginForm } from '../components/login-form';

/** Only same-site paths: a crafted `next` must not send anyone elsewhere after log-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const language = useLanguage();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Box mih="100dvh" bg="rose.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="flex-end" p="sm" component="header">
        <LanguageMenu value={language.current} onChange={language.change} />
      </Group>
      <Center component="main" style={{ flex: 1 }} px="md" pb="xl">
        <Paper w="100%" maw={400} p={{ base: 'lg', sm: 'xl' }} radius="lg" shadow="sm" withBorder>
          <Stack gap="lg">
            <Stack gap={6} align="center">
              <img src="/icon.svg" alt="" width={56} height={56} />
              <Title order={1} fz="h2" ta="center">
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('login.tagline')}
              </Text>
            </Stack>
            <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

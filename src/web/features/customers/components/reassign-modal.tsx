import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { User } from '../../../../contracts/org';
import { ErrorAlert } from '../../../components/query-state';
import { apiRequest } from '../../../lib/api-client';
import { CUSTOMERS_KEY } from '../api/customers';

/** When a guide leaves, her customers go to a colleague in one act; files stay with the store (seed 002). */
export function ReassignModal({ from, colleagues, onClose }: { from: User; colleagues: User[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [to, setTo] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const reassign = useMutation({
    mutationFn: (toUserId: string) =>
      apiRequest(z.object({ reassigned: z.number() }), '/api/customers/reassign', {
        method: 'POST',
        body: { fromUserId: from.id, toUserId },
      }),
    onSuccess: (r) => {
      setDone(r.reassigned);
      void qc.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('customers.reassign.title', { name: from.displayName })}>
      <Stack gap="sm">
        <Text size="sm">{t('customers.reassign.help')}</Text>
        <Select
          label={t('customers.reassign.to')}
          value={to}
          onChange={setTo}
          data={colleagues
            .filter((u) => u.id !== from.id && u.isActive)
            .map((u) => ({ value: u.id, label: u.displayName }))}
        />
        {reassign.isError && <ErrorAlert error={reassign.error} />}
        {done !== null && (
          <Text role="status" fw={600}>
            {t('customers.reassign.done', { count: done })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done !== null ? t('common.close') : t('common.cancel')}
          </Button>
          {done === null && (
            <Button disabled={!to} loading={reassign.isPending} onClick={() => to && reassign.mutate(to)}>
              {t('customers.reassign.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { auditEventSchema } from '../../../../contracts/audit';
import { pageSchema } from '../../../../contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { dayEndIso, dayStartIso } from '../../../lib/format';

const PAGE_SIZE = 30;
const auditPageSchema = pageSchema(auditEventSchema);

/** `action` is exact (`user.created`) or a prefix ending in a dot (`user.`); days are local calendar days. */
export type AuditFilter = { action: string; fromDay: string; toDay: string };

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) =>
      apiRequest(auditPageSchema, '/api/audit', {
        signal,
        query: {
          limit: PAGE_SIZE,
          cursor: pageParam,
          action: filter.action,
          from: filter.fromDay ? dayStartIso(filter.fromDay) : undefined,
          to: filter.toDay ? dayEndIso(filter.toDay) : undefined,
        },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { fileQualityReportSchema } from '../../../../contracts/customers';
import { apiRequest } from '../../../lib/api-client';
import { CUSTOMERS_KEY } from './customers';

export type FileContestReport = z.infer<typeof fileQualityReportSchema>;
export type FileContestRow = FileContestReport['items'][number];
export type FileContestFilter = { storeId: string | null; from: string; to: string };

/** The customer-file contest (seed 001): per owner guide, ranked. */
export function useFileContest(f: FileContestFilter) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'file-contest', f],
    queryFn: ({ signal }) =>
      apiRequest(fileQualityReportSchema, '/api/customers/file-quality', {
        signal,
        query: { storeId: f.storeId, from: f.from, to: f.to },
      }),
    placeholderData: keepPreviousData,
  });
}

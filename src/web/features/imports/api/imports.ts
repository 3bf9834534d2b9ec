// Customer import: upload (raw file body), job polling, dry run / run; and the export link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { problemSchema } from '../../../../contracts/errors';
import {
  importJobSchema,
  uploadResultSchema,
  type ColumnMapping,
  type ExportQuery,
  type ImportJob,
  type UploadResult,
} from '../../../../contracts/imports';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { useMe } from '../../auth/api/get-me';

export const IMPORT_JOB_KEY = ['imports', 'customers'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

// apiRequest speaks JSON; a file goes up as the raw body, with the same CSRF and language headers.
async function uploadFile(file: File, storeId: string, csrfToken: string | undefined): Promise<UploadResult> {
  const query = new URLSearchParams({ storeId, fileName: file.name });
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    accept: 'application/json',
    'accept-language': i18n.language,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const path = '/api/imports/customers';
  let res: Response;
  try {
    res = await fetch(`${path}?${query}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      type: 'about:blank',
      title: 'unavailable',
      status: 0,
      code: 'unavailable',
      detail: 'unavailable',
      instance: path,
    });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = problemSchema.safeParse(body);
    const code = res.status === 413 ? 'payload_too_large' : 'bad_request';
    throw new ApiError(
      res.status,
      problem.success
        ? problem.data
        : { type: 'about:blank', title: code, status: res.status, code, detail: code, instance: path },
    );
  }
  return uploadResultSchema.parse(body);
}

export function useUploadCustomerFile() {
  const csrfToken = useMe().data?.csrfToken;
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, storeId }: { file: File; storeId: string }) => uploadFile(file, storeId, csrfToken),
    onSuccess: (r) => qc.setQueryData([...IMPORT_JOB_KEY, r.job.id], r.job),
  });
}

const isBusy = (job: ImportJob | undefined) => job?.status === 'queued' || job?.status === 'running';

/** The job, polled twice a second while it runs. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: [...IMPORT_JOB_KEY, id],
    queryFn: ({ signal }) => apiRequest(importJobSchema, `/api/imports/customers/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (isBusy(q.state.data) ? 500 : false),
  });
}

export function useRunImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping, dryRun }: { id: string; mapping: ColumnMapping; dryRun: boolean }) =>
      apiRequest(importJobSchema, `/api/imports/customers/${id}/run`, { method: 'POST', body: { mapping, dryRun } }),
    onSuccess: (job) => qc.setQueryData([...IMPORT_JOB_KEY, job.id], job),
  });
}

/** The download address of the current list in a format (a plain GET: the session cookie is enough). */
export function exportUrl(format: ExportQuery['format'], params: Partial<Omit<ExportQuery, 'format'>>): string {
  const query = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  return `/api/customers/export?${query}`;
}

// Photos on a repair ticket: upload from the phone's camera (raw image body), delete.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { z } from 'zod';
import { repairPhotoSchema, type RepairPhoto } from '../../../../contracts/after-sales';
import { problemSchema } from '../../../../contracts/errors';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { useMe } from '../../auth/api/get-me';
import { AFTER_SALES_KEY, repairKey } from './keys';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_TICKET = 6;
export const photoUrl = (ticketId: string, photoId: string) => `/api/repairs/${ticketId}/photos/${photoId}`;

// apiRequest speaks JSON; a photo goes up as the raw body, with the same CSRF and language headers.
export async function uploadRepairPhoto(ticketId: string, file: Blob, csrfToken?: string): Promise<RepairPhoto> {
  const path = `/api/repairs/${ticketId}/photos`;
  const headers: Record<string, string> = {
    'content-type': file.type && file.type.startsWith('image/') ? file.type : 'application/octet-stream',
    accept: 'application/json',
    'accept-language': i18n.language,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const problem = (status: number) => {
    const code = status === 413 ? 'payload_too_large' : status === 0 ? 'unavailable' : 'bad_request';
    return { type: 'about:blank', title: code, status, code, detail: code, instance: path } as const;
  };
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, problem(0));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = problemSchema.safeParse(body);
    throw new ApiError(res.status, p.success ? p.data : problem(res.status));
  }
  return repairPhotoSchema.parse(body);
}

export function useUploadRepairPhotos(ticketId: string) {
  const qc = useQueryClient();
  const me = useMe();
  return useMutation({
    mutationFn: async (files: File[]) => {
      for (const f of files) await uploadRepairPhoto(ticketId, f, me.data?.csrfToken);
    },
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: repairKey(ticketId) });
      await qc.invalidateQueries({ queryKey: AFTER_SALES_KEY });
    },
  });
}

export function useDeleteRepairPhoto(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) =>
      apiRequest(z.unknown(), photoUrl(ticketId, photoId), { method: 'DELETE' }).catch((err: unknown) => {
        // 204 has no JSON body
        if (err instanceof SyntaxError) return null;
        throw err;
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: repairKey(ticketId) });
      await qc.invalidateQueries({ queryKey: AFTER_SALES_KEY });
    },
  });
}

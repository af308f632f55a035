import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentType,
} from '../../shared/domain/conventions';

export const ACCEPTED_TYPES = Object.keys(ATTACHMENT_TYPES).join(',');

/** Rounded up to a tenth, so a file just over the limit never reads « 20 Mo ». */
const megabytes = (bytes: number) =>
  `${(Math.ceil(bytes / (1024 * 1024) / 0.1) / 10).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/** A file's size as people read it: 820 ko, 3,4 Mo. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ko`;
  return megabytes(bytes);
}

/** Why a chosen file cannot be attached, in French; null when it can. */
export function attachmentProblem(file: {
  name: string;
  size: number;
  type: string;
}): string | null {
  if (!Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, file.type))
    return `« ${file.name} » n’est ni un PDF, ni une image JPEG ou PNG : seuls ces fichiers peuvent être joints.`;
  if (file.size === 0) return `« ${file.name} » est vide.`;
  if (file.size > MAX_ATTACHMENT_BYTES)
    return `« ${file.name} » est trop volumineux (${megabytes(file.size)}) : un fichier joint ne peut pas dépasser 20 Mo. Numérisez-le en plus basse résolution, ou en plusieurs parties.`;
  return null;
}

/** The file's bytes as base64, read in memory (nothing is written to disk). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** base64 → bytes, for the viewer. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const isAttachmentType = (type: string): type is AttachmentType =>
  Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, type);

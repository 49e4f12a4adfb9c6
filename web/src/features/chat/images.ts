import type { ImageInput } from '../../api/runs';
import { stringsNow } from '../../i18n/catalog';
import { composerStrings } from './Composer.strings';

/** What the backend and the Messages API accept. */
export const IMAGE_TYPES: readonly ImageInput['mediaType'][] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

const isImageType = (type: string): type is ImageInput['mediaType'] => (IMAGE_TYPES as readonly string[]).includes(type);
export const MAX_IMAGES = 10;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface Attachment extends ImageInput {
  /** A data: URL for the thumbnail (img-src allows data:). */
  preview: string;
  name: string;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** Reads pasted or dropped files; anything that is not a supported image, or too large, is reported. */
export async function readImages(files: File[]): Promise<{ images: Attachment[]; refused: string[] }> {
  const images: Attachment[] = [];
  const refused: string[] = [];
  const t = stringsNow(composerStrings);
  for (const f of files) {
    if (!isImageType(f.type)) refused.push(t.onlyImages(f.name || t.someFile));
    else if (f.size > MAX_IMAGE_BYTES) refused.push(t.imageTooLarge(f.name || t.someImage));
    else {
      const url = await readAsDataUrl(f);
      images.push({ mediaType: f.type, data: url.slice(url.indexOf(',') + 1), preview: url, name: f.name || t.pastedImage });
    }
  }
  return { images, refused };
}

import type { UploadItem } from '../../api/workspace';

/**
 * The files of a drop, folders walked: a dropped folder `site` gives `site/index.html`,
 * `site/css/a.css`… Browsers expose folders only through the entries API
 * (`webkitGetAsEntry`); where it is missing the plain file list is used (files only).
 */
export async function droppedItems(data: DataTransfer): Promise<UploadItem[]> {
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return Array.from(data.files).map((file) => ({ file, path: file.name }));
  }
  const items: UploadItem[] = [];
  for (const entry of entries) await walk(entry!, '', items);
  return items;
}

async function walk(entry: FileSystemEntry, prefix: string, into: UploadItem[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push({ file, path });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chrome) until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, path, into);
  }
}

/** The files of an `<input type="file">`: with `webkitdirectory` each knows its path in the chosen folder. */
export function pickedItems(files: FileList | null): UploadItem[] {
  return Array.from(files ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

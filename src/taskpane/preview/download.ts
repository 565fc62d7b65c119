/** Offer bytes as a file download from the page. */
export function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `proposal.docx` → `proposal-amended.docx`, so a download never looks like the untouched original. */
export function fixedName(name: string): string {
  const base = name.replace(/\.docx$/i, '').replace(/-amended$/, '');
  return `${base}-amended.docx`;
}

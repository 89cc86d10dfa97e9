// How a download is named in its Content-Disposition header: one rule for every file the app sends.

/**
 * `attachment` with an ASCII name every client reads, plus the exact name (RFC 5987) when it has letters
 * beyond ASCII ("Ségou" in a case title).
 */
export function attachmentHeader(asciiName: string, fullName = asciiName): string {
  const header = `attachment; filename="${asciiName.replace(/["\\\r\n]/g, "")}"`;
  return fullName === asciiName ? header : `${header}; filename*=UTF-8''${encodeURIComponent(fullName)}`;
}

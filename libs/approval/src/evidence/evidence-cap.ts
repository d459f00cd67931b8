import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@npa/platform';

export interface EvidenceHeld {
  files: number;
  bytes: number;
}

export interface EvidenceCap {
  maxFiles: number;
  maxBytes: number;
}

const MB = 1024 * 1024;

/**
 * Why one more file of `adding` bytes may not join the evidence an application holds, or null. Before
 * the file is read `adding` is 0: an application already full is refused without reading anything.
 * A file too many conflicts with the application as it stands (409); a file that takes the total over
 * its size is too large (413).
 */
export function evidenceCapRefusal(held: EvidenceHeld, adding: number, cap: EvidenceCap): DomainError | null {
  if (held.files >= cap.maxFiles) {
    return new DomainError(
      'EVIDENCE.TOO_MANY_FILES',
      HttpStatus.CONFLICT,
      `The application already holds ${held.files} evidence files, the most it may hold: remove one before adding another.`,
      [{ field: 'file', problem: `would be more than ${cap.maxFiles} files for this application` }],
    );
  }
  if (held.bytes + adding > cap.maxBytes || (adding === 0 && held.bytes >= cap.maxBytes)) {
    const room = Math.max(0, cap.maxBytes - held.bytes);
    return new DomainError(
      'EVIDENCE.APPLICATION_FULL',
      HttpStatus.PAYLOAD_TOO_LARGE,
      `The application's evidence may total ${cap.maxBytes / MB} MB and ${(room / MB).toFixed(1)} MB is left: remove a file or send a smaller one.`,
      [{ field: 'file', problem: `would take this application's evidence over ${cap.maxBytes / MB} MB` }],
    );
  }
  return null;
}

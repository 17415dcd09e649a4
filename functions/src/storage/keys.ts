// Table keys from user text: PartitionKey and RowKey may not hold / \ # ? or control characters, so
// whatever a user types is encoded (base64url of UTF-8: A–Z a–z 0–9 - _ only).

/** How boards are compared: trimmed, inner spaces collapsed, case-folded (`boor ` = `BOOR`). */
export function boardKey(board: string): string {
  return board.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function encodeKeyPart(text: string): string {
  return Buffer.from(text.normalize('NFC'), 'utf8').toString('base64url');
}

export function decodeKeyPart(part: string): string {
  return Buffer.from(part, 'base64url').toString('utf8');
}

/** The partition of a board's data. */
export const boardPartition = (board: string) => encodeKeyPart(boardKey(board));

/**
 * The longest PartitionKey or RowKey: Table Storage allows 1 KiB, which Azurite (and the service, for
 * UTF-16) counts as 512 characters. Keys derived from user text are checked against it before a write.
 */
export const MAX_KEY_LENGTH = 512;

/** Characters a key must never contain (Azure Table Storage). */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

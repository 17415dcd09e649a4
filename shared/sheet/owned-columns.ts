// The product's own columns in a staff sheet. The reader knows them so it
// never takes them for input; the write plan (shared/report/) fills them.

/** The five owned column headers, in order. Found again by this exact text. */
export const OWNED_HEADERS = ['OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting'] as const;
export type OwnedHeader = (typeof OWNED_HEADERS)[number];

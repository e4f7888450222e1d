/**
 * The fonts the .docx names: the same families the PDF embeds (Noto Sans for Latin,
 * Noto Naskh Arabic for Arabic, set as Word's complex-script font). Word uses them when
 * installed and substitutes otherwise; the file does not embed them.
 */
export const FONTS = { latin: 'Noto Sans', arabic: 'Noto Naskh Arabic', mono: 'Courier New' } as const;

/** What one cache destination holds after the export, where that can be measured. */
export interface ExportSize {
  /** The `cache-to` entry. */
  destination: string;
  /** null: not measurable (see `how`). */
  bytes: number | null;
  /** How it was measured, or why it could not be. */
  how: string;
}

import type { FilePreview } from './previewRows';
import { useT } from '../i18n/language';

/** The first rows of a chosen file, as the server will read its columns. */
export function FilePreviewTable({ preview, expected }: { preview: FilePreview; expected: readonly string[] }) {
  const t = useT();
  const missing = expected.filter((c) => !preview.header.includes(c));
  return (
    <div className="file-preview">
      <table className="data-table" aria-label={t('datasets.previewLabel', { file: preview.file })}>
        <caption>{t('datasets.previewCaption', { n: preview.rows.length, file: preview.file })}</caption>
        <thead>
          <tr>
            {preview.header.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a CSV header may repeat a name
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their order
            <tr key={r}>
              {row.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="form-error" role="alert">
          {t('datasets.previewMissing', { columns: missing.join(', ') })}
        </p>
      )}
    </div>
  );
}

/** schema.org data for search engines. `<` is escaped so that no text can close the script. */
export function JsonLd({ data }: { data: object }) {
  return (
    <script
      type="application/ld+json"
      // JSON with "<" escaped, not HTML; a data block is never executed (no CSP nonce needed).
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}

/**
 * The one look of every e-mail Vitrine sends: a branded HTML body (inline styles and a table
 * layout, which is what mail clients render) and its plain-text twin, built from the same blocks so
 * the two never say different things. Every value is escaped here; templates pass plain strings.
 */

export type Email = { subject: string; text: string; html: string };

export type Block =
  | { kind: "paragraph"; text: string }
  /** A quoted message (the buyer's or a reply): kept with its line breaks. */
  | { kind: "quote"; text: string; label?: string }
  | { kind: "facts"; rows: [string, string][] }
  | { kind: "list"; items: string[] }
  | { kind: "button"; label: string; href: string }
  | { kind: "note"; text: string };

const BRAND = "#1d4ed8";
const INK = "#1f2937";
const MUTED = "#6b7280";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) links reach a button: anything else would be a script or data URL in a mail client. */
function safeHref(href: string): string {
  return /^https?:\/\//i.test(href) ? href : "#";
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.text)}</p>`;
    case "note":
      return `<p style="margin:0 0 16px;line-height:1.5;color:${MUTED};font-size:13px">${escapeHtml(block.text)}</p>`;
    case "quote":
      return [
        block.label ? `<p style="margin:0 0 4px;color:${MUTED};font-size:13px">${escapeHtml(block.label)}</p>` : "",
        `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${BRAND};background:#f3f4f6;white-space:pre-wrap;line-height:1.5">`,
        escapeHtml(block.text),
        "</blockquote>",
      ].join("");
    case "facts":
      return [
        '<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">',
        ...block.rows.map(
          ([label, value]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:${MUTED};vertical-align:top">${escapeHtml(label)}</td>` +
            `<td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        ),
        "</table>",
      ].join("");
    case "list":
      return `<ul style="margin:0 0 16px;padding-left:20px;line-height:1.5">${block.items
        .map((item) => `<li>${escapeHtml(item)}</li>`)
        .join("")}</ul>`;
    case "button":
      return (
        `<p style="margin:0 0 16px"><a href="${escapeHtml(safeHref(block.href))}" ` +
        `style="display:inline-block;padding:10px 18px;border-radius:6px;background:${BRAND};color:#ffffff;` +
        `text-decoration:none;font-weight:bold">${escapeHtml(block.label)}</a></p>`
      );
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "quote":
      return [...(block.label ? [block.label] : []), ...block.text.split(/\r?\n/).map((line) => `> ${line}`)].join(
        "\n",
      );
    case "facts":
      return block.rows.map(([label, value]) => `${label} : ${value}`).join("\n");
    case "list":
      return block.items.map((item) => `  - ${item}`).join("\n");
    case "button":
      return `${block.label} : ${block.href}`;
  }
}

/**
 * Lays out an e-mail. `preheader` is the line mail clients show after the subject in a list;
 * `footer` says why the recipient gets this message.
 */
export function renderEmail(input: {
  subject: string;
  preheader?: string;
  greeting?: string;
  blocks: Block[];
  footer: string;
}): Email {
  const blocks: Block[] = [
    ...(input.greeting ? [{ kind: "paragraph" as const, text: input.greeting }] : []),
    ...input.blocks,
  ];
  const text = [...blocks.map(blockText), "—", "Vitrine", input.footer].join("\n\n");
  const html = [
    "<!DOCTYPE html>",
    '<html lang="fr"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(input.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;color:${INK};font-family:Arial,Helvetica,sans-serif;font-size:15px">`,
    input.preheader
      ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(input.preheader)}</div>`
      : "",
    '<table role="presentation" width="100%" style="border-collapse:collapse;background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">',
    '<table role="presentation" width="100%" style="max-width:600px;border-collapse:collapse;background:#ffffff;border-radius:8px">',
    `<tr><td style="padding:16px 24px;background:${BRAND};border-radius:8px 8px 0 0">`,
    '<span style="color:#ffffff;font-size:20px;font-weight:bold;letter-spacing:0.5px">Vitrine</span></td></tr>',
    `<tr><td style="padding:24px">${blocks.map(blockHtml).join("")}</td></tr>`,
    `<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;color:${MUTED};font-size:12px;line-height:1.5">`,
    `${escapeHtml(input.footer)}</td></tr>`,
    "</table></td></tr></table></body></html>",
  ].join("");
  return { subject: input.subject, text, html };
}

/** An absolute link into the app from `APP_URL`. */
export function appLink(appUrl: string, path: string): string {
  let end = appUrl.length;
  while (end > 0 && appUrl[end - 1] === "/") end--;
  return `${appUrl.slice(0, end)}${path}`;
}

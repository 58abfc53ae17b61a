const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The page frame shared by the emulator's views: one stylesheet, one script, a landmark layout. */
export function page(options: { title: string; body: string; script?: string; styles: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${options.styles}</style>
</head>
<body>
${options.body}
${options.script ? `<script type="module" src="${escapeHtml(options.script)}"></script>` : ''}
</body>
</html>`;
}

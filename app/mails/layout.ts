const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character])
}

export type MailContent = {
  greeting: string
  paragraphs: string[]
  action: { label: string; url: string }
  footer: string
}

/**
 * The one template every account mail uses: a plain-text part and an HTML part with the
 * same words, so that any mail client shows the link.
 */
export function renderMail(content: MailContent) {
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    `${content.action.label}: ${content.action.url}`,
    '',
    content.footer,
    '',
    '— AnimeSenpai',
  ].join('\n')

  const html = `<!doctype html>
<html lang="en">
  <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933">
    <p>${escapeHtml(content.greeting)}</p>
    ${content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n    ')}
    <p><a href="${escapeHtml(content.action.url)}" style="display: inline-block; padding: 10px 16px; background: #6c3bd1; color: #fff; text-decoration: none; border-radius: 6px">${escapeHtml(content.action.label)}</a></p>
    <p style="font-size: 13px; color: #52606d">Or paste this link into your browser: ${escapeHtml(content.action.url)}</p>
    <p style="font-size: 13px; color: #52606d">${escapeHtml(content.footer)}</p>
    <p>— AnimeSenpai</p>
  </body>
</html>
`
  return { text, html }
}

export function frontendLink(frontendUrl: string, path: string, token: string) {
  const url = new URL(path, frontendUrl.endsWith('/') ? frontendUrl : `${frontendUrl}/`)
  url.searchParams.set('token', token)
  return url.toString()
}

import type { Token, Tokens } from 'marked';

/** Plain text of inline tokens: emphasis dropped, entities decoded, spaces folded. */
export function inlineText(tokens: Token[] | undefined, fallback = ''): string {
  const raw = tokens ? tokens.map(tokenText).join('') : fallback;
  // Stray emphasis markers left by slide exports ("Objetivo: multiprogramación.**") are not content.
  return decodeEntities(raw)
    .replace(/\*{2,}|_{2,}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokenText(token: Token): string {
  if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan') return inlineText(token.tokens);
  if (token.type === 'br') return ' ';
  return 'text' in token && typeof token.text === 'string' ? token.text : '';
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The inline tokens of a list item's own line (not its nested lists). */
export function itemInlineTokens(item: Tokens.ListItem): Token[] {
  const own = item.tokens.filter((t) => t.type === 'text' || t.type === 'paragraph');
  return own.flatMap((t) => ('tokens' in t && t.tokens ? t.tokens : [t]));
}

export function nestedLists(item: Tokens.ListItem): Tokens.List[] {
  return item.tokens.filter((t): t is Tokens.List => t.type === 'list');
}

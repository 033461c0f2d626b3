import { marked, type Token, type Tokens } from 'marked';
import { detectLanguage } from './language.js';
import { inlineText, itemInlineTokens, nestedLists } from './inline-text.js';
import type { Outline, OutlineItem, OutlineSection, OutlineTopic } from './outline.js';

const NUMBERED = /^(\d+)\.?\s+(.+)$/;
/** The table of contents that follows the title slide: not part of the title, not a section. */
const CONTENTS = /^(contenidos?|índice|indice|contents|table of contents|outline|agenda|sumario)$/i;
const CONTINUATION = /\s*\(([IVXLC]+)\)\s*$/;
/** A bold-only bullet this short is a heading for the bullets after it. */
const LEAD_HEADING_MAX_WORDS = 8;

/**
 * Markdown (slides exported as headings and bullets) → outline. Section
 * headings are numbered ("7. Tipos de Hypervisor (I)"); a slide whose title
 * only differs by its numeral continues the same topic.
 */
export function parseDeck(markdown: string): Outline {
  const parser = new OutlineBuilder();
  for (const token of marked.lexer(markdown)) parser.accept(token);
  return parser.finish();
}

class OutlineBuilder {
  private readonly titleParts: string[] = [];
  private titleDone = false;
  private readonly sections: OutlineSection[] = [];
  private section: OutlineSection | null = null;
  private topic: OutlineTopic | null = null;
  /** The last numbered heading already named the slide, so the next heading is a subtitle. */
  private slideNamed = false;
  /** A subtitle ending in ":" heads the bullets that follow it. */
  private pendingLead: string | null = null;
  /**
   * Heading level of the unnumbered slide titles under the current numbered
   * heading: every heading at that level opens a topic of its own.
   */
  private topicDepth: number | null = null;

  accept(token: Token): void {
    if (token.type === 'heading') {
      this.heading(token as Tokens.Heading);
      return;
    }
    if (token.type === 'space') return;
    this.titleDone = true;
    if (!this.topic) return;
    if (token.type === 'list') this.addItems(this.topic, listItems(token as Tokens.List));
    if (token.type === 'paragraph') this.addItems(this.topic, [toItem(inlineText((token as Tokens.Paragraph).tokens), itemTokens(token))]);
  }

  finish(): Outline {
    const title = this.titleParts.join(' ').replace(/\s+/g, ' ').trim() || this.sections[0]?.title || 'Deck';
    const text = this.sections.flatMap((s) => s.topics.flatMap((t) => t.items.map((i) => i.text))).join(' ');
    return { title, language: detectLanguage(`${title} ${text}`), sections: this.sections.sort((a, b) => a.number - b.number) };
  }

  private heading(token: Tokens.Heading): void {
    const text = inlineText(token.tokens, token.text);
    if (!text) return;
    if (CONTENTS.test(text) && this.sections.length === 0) {
      this.titleDone = true;
      return;
    }
    const numbered = NUMBERED.exec(text);
    if (numbered) {
      this.numberedHeading(Number(numbered[1]), numbered[2] ?? '');
      return;
    }
    if (!this.titleDone && token.depth === 1 && this.sections.length === 0) {
      this.titleParts.push(text);
      return;
    }
    this.titleDone = true;
    if (!this.section) return;
    if (text.endsWith(':')) {
      this.pendingLead = text.slice(0, -1).trim();
      return;
    }
    const sameLevelAsTopics = this.topicDepth !== null && token.depth <= this.topicDepth;
    if (this.slideNamed && !sameLevelAsTopics) {
      // A subtitle inside a slide that already has its title ("### Virtualización de mainframes").
      this.pendingLead = null;
      return;
    }
    this.openTopic(this.section, text);
    this.topicDepth = token.depth;
    this.slideNamed = true;
  }

  private numberedHeading(number: number, rest: string): void {
    this.titleDone = true;
    const title = rest.replace(CONTINUATION, '').trim();
    this.section = this.sections.find((s) => s.number === number) ?? null;
    if (!this.section) {
      this.section = { number, title, label: `${number}. ${title}`, topics: [] };
      this.sections.push(this.section);
    }
    this.openTopic(this.section, CONTINUATION.test(rest) ? rest : title);
    this.slideNamed = CONTINUATION.test(rest);
    this.topicDepth = null;
  }

  private openTopic(section: OutlineSection, slideTitle: string): void {
    const title = slideTitle.replace(CONTINUATION, '').trim();
    this.topic = section.topics.find((t) => t.title === title) ?? null;
    if (!this.topic) {
      this.topic = { title, slides: [], items: [] };
      section.topics.push(this.topic);
    }
    if (!this.topic.slides.includes(slideTitle)) this.topic.slides.push(slideTitle);
    this.pendingLead = null;
  }

  private addItems(topic: OutlineTopic, items: OutlineItem[]): void {
    // openTopic names every topic's slide, so the fallback is only for the types.
    const slide = topic.slides.at(-1) ?? topic.title;
    const folded = foldLeadHeadings(items).filter(hasContent);
    stampSlide(folded, slide);
    if (this.pendingLead) {
      topic.items.push({ text: this.pendingLead, lead: this.pendingLead, rest: '', children: folded, slide });
      return;
    }
    topic.items.push(...folded);
  }
}

function stampSlide(items: OutlineItem[], slide: string): void {
  for (const item of items) {
    item.slide = slide;
    stampSlide(item.children, slide);
  }
}

/** Drops empty slide stubs such as a lone "Virtualización nativa:" bullet whose diagram did not export. */
function hasContent(item: OutlineItem): boolean {
  if (item.children.length > 0) return true;
  return item.text !== '' && !(item.lead === null && item.text.endsWith(':'));
}

function itemTokens(token: Token): Token[] {
  return 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
}

function listItems(list: Tokens.List): OutlineItem[] {
  return list.items.map((item) => {
    const inline = itemInlineTokens(item);
    const node = toItem(inlineText(inline), inline);
    node.children = foldLeadHeadings(nestedLists(item).flatMap(listItems));
    return node;
  });
}

function toItem(text: string, inline: Token[]): OutlineItem {
  const first = inline.find((t) => !(t.type === 'text' && !(t.text as string).trim()));
  if (first?.type !== 'strong') return { text, lead: null, rest: text, children: [], slide: '' };
  const bold = inlineText((first as Tokens.Strong).tokens);
  const after = inlineText(inline.slice(inline.indexOf(first) + 1));
  const colon = bold.endsWith(':') || after.startsWith(':');
  const short = after === '' && bold.split(/\s+/).length <= LEAD_HEADING_MAX_WORDS;
  if (!colon && !short) return { text, lead: null, rest: text, children: [], slide: '' };
  const lead = bold.replace(/:\s*$/, '').trim();
  return { text, lead, rest: after.replace(/^:\s*/, '').trim(), children: [], slide: '' };
}

/** "- **Tipo II:**" followed by plain bullets at the same level: those bullets belong to it. */
function foldLeadHeadings(items: OutlineItem[]): OutlineItem[] {
  const out: OutlineItem[] = [];
  let head: OutlineItem | null = null;
  for (const item of items) {
    if (item.lead && !item.rest && item.children.length === 0) {
      head = item;
      out.push(item);
    } else if (head && !item.lead) {
      head.children.push(item);
    } else {
      head = null;
      out.push(item);
    }
  }
  return out;
}

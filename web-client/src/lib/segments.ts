// Splits an item's text into plain runs and links, putting each link back where its label stands
// (the API keeps link labels inside the text, with the links beside it).
import type { Link } from './api/client';

export type Segment = { text: string; url?: string };

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

function wordAt(text: string, words: string, from: number): number {
  for (let at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + words.length])) return at;
  }
  return -1;
}

export function segments(text: string, links: Link[]): Segment[] {
  const out: Segment[] = [];
  let cursor = 0;
  for (const link of links) {
    const at = wordAt(text, link.title, cursor);
    if (at < 0) {
      out.push({ text: text.slice(cursor) + ' ' });
      out.push({ text: link.title, url: link.url });
      cursor = text.length;
      continue;
    }
    if (at > cursor) out.push({ text: text.slice(cursor, at) });
    out.push({ text: link.title, url: link.url });
    cursor = at + link.title.length;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

const START = "\u0002";
const END = "\u0003";

/** A search snippet whose matched words were marked by control characters; rendered as <mark>, never as HTML. */
/** `lang`: the language of the case the snippet is from (its words are read and spelled in it). */
export function Snippet({ text, lang }: { text: string; lang?: string }) {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(START);
    if (start === -1) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return (
    <p className="snippet" dir="auto" lang={lang}>
      {parts.map((part, index) =>
        part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

// The header a copied thread page puts above each post: "alice commented on …", "[–]user N points".
import { LineShape, lineShape } from '../lineShape';
import { NOT_A_NAME_START, PRONOUNS } from '../names';

// The header a copied thread page puts above each post: "alice commented on Mar 3, 2021", "alice opened this
// issue on …", "alice · comment · 2016-01-13", "### Post by agquintero on 2009-11-05", "## Post #4 by user", "**Author:** Gavin Andresen",
// "Posted by: X", "Post author: X 11 September 2007 06:31PM", "user | 2019-03-02 10:41:07 UTC | #3", "[–]user 38 points", "u/name · 3 yr. ago".
const POST_HEADERS: readonly RegExp[] = [
  /^@?([\w.-]{2,39})\s+(?:commented|replied|wrote|posted|answered|responded|opened\s+this\s+(?:issue|pull\s+request|discussion))(?:\s+(?:on|at)\s+.+|\s+\d+\s+\w+\s+ago|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*|\s+(?:yesterday|today|now|just\s+now))?\s*(?:[•·|–-].*)?$/iu,
  // Hacker News and Lobsters: "jsmith 5 hours ago | parent | next [–]", "jsmith 3 days ago | link | flag".
  /^([\w.-]{2,39})\s+\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\s*(?:[|·•].*)?$/iu,
  // GitLab: "Jane Doe @jdoe · 3 days ago".
  /^([\p{L}][\p{L}.'’ -]{1,40}?)\s+@[\w.-]+\s+·\s+\S.*$/u,
  /^@?([\w.-]{2,39})\s+[·•|]\s+(?:comment|description|reply|answer|review|post)\s+[·•|]\s+\S.*$/iu,
  /^#{1,6}\s+(?:post|reply|comment|answer)\s*(?:#\s*\d+\s*)?(?:by|from)\s+@?(.+?)(?:\s+(?:on|at)\s+.*)?$/iu,
  // Old LessWrong: "Post author: X 11 September 2007 06:31PM", "Comment author: X 14 June 2010 03:42:49PM 7 points [-]".
  /^(?:\*\*|__)?(?:(?:post|comment)\s+author|author|posted\s+by|from)\s*:?(?:\*\*|__)?\s*:?\s*@?([^|·•<>]{2,40}?)(?:\s+(?:on|at)\s+.*|\s+\d+\s+\w+\s+ago|\s*<[^>]*>|\s+\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}\b.*)?\s*$/iu,
  // A mail archive's page of messages, each under a heading with its date and sender: "## Aug 26, 2009 From: jane@example.org".
  /^#{1,6}\s+[^#]*\d[^#]*?\s+from\s*:\s*@?(\S.{1,40}?)\s*$/iu,
  // New Reddit: "level 1 jsmith · 3 yr. ago", "jsmith · 3y".
  /^(?:level\s+\d+\s+)?(?:u\/)?([\w-]{2,30})\s+·\s+\d+\s*(?:y|yr|yrs|mo|w|d|h|m|min|years?|months?|weeks?|days?|hours?|minutes?)\.?(?:\s+ago)?\s*$/iu,
  // Discord: "Jane Doe — Today at 3:04 PM".
  /^([\p{L}][\p{L}\p{N}_.' -]{1,40}?)\s+[—–-]\s+(?:today|yesterday|\d{1,2}\/\d{1,2}\/\d{2,4})(?:\s+at\s+\d{1,2}:\d{2}\s*(?:am|pm)?)?\s*$/iu,
  /^@?([\w.-]{2,39})\s+\|\s+\d{4}-\d{2}-\d{2}.*\|\s*#\d+\s*$/iu,
  /^\[[–-]\]\s*([\w-]{2,30})\b.*\bpoints?\b/iu,
  /^u\/([\w-]{2,30})\s+[·•]/iu,
  // OpenReview's notes: "Official Review of Submission3520 by Reviewer FqbG", "Official Comment by Authors",
  // "Meta Review of Submission12 by Area Chair Xy7z".
  /^(?:official\s+(?:review|comment)|meta[\s-]?review|public\s+comment|author\s+rebuttal|rebuttal|decision)(?:\s+of\s+(?:submission|paper)\s*\d+)?\s+by\s+(\S.{1,50}?)$/iu,
  // Slack, copied: "Marcus Merrell  8:40 PM", "_Simon Stewart  8:38 PM_" (two spaces before the time).
  /^[*_]{0,2}([\p{L}][\p{L}\p{N}_.'’ -]{1,40}?)\s{2,}\d{1,2}:\d{2}(?:\s*[ap]m)?[*_]{0,2}$/iu,
];
// What every post header holds: one cheap test before the patterns.
const POST_HEADER_HINT = /[·•|—]|\s\s\d{1,2}:\d\d\b|\bago\b|\b(?:today|yesterday)\b|^\s*\S+\s+(?:commented|replied|wrote|posted|answered|responded|opened)\b|^#{1,6}\s+(?:post|reply|comment|answer)|^#{1,6}\s.*\sfrom\s*:|^\[|^u\/|^(?:\*\*|__)?(?:(?:post|comment)\s+author|author|posted|from)\b|^(?:official|meta|public|rebuttal|decision)\b.*\bby\s/i;
/** The author a copied page names at the head of a post, or null. */
export function matchPostHeader(content: string, shape: LineShape = lineShape(content)): string | null {
  if (content.length > 160 || shape.spaces > 16 || !POST_HEADER_HINT.test(content)) return null;
  // A saved page keeps the name as a link to its profile: "[alice](https://github.com/alice) commented …".
  const text = (content.includes('](') ? content.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') : content).trim();
  for (const pattern of POST_HEADERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = match[1].replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
    // A sentence that opens on "From" ("From what I can tell, at this point …", "From in the data at …") names
    // nobody: a name holds no comma, and without the header's colon it is no run of lower-case words.
    if (name.includes(',') || (/^from\s/i.test(text) && /^\p{Ll}/u.test(name) && name.includes(' '))) continue;
    if (name && !PRONOUNS.test(name) && !NOT_A_NAME_START.test(name.split(/\s+/)[0]) && name.split(/\s+/).length <= 4) return name;
  }
  return null;
}

// The dated line SMF prints over each post, under its subject: "« Reply #31 on: November 22, 2020, 11:27:16 PM »",
// "« on: November 22, 2020 »" (the first post), "« Antwort #3 am: 22. November 2020 »", "« Ответ #3 : … »". The
// poster's name stands lines above it, over the profile the copy flattens: this line names nobody.
const POST_DATE_LINE = /^«\s*(?:\p{L}+\s+#\s*\d+\s*)?(?:\p{L}+\s*)?:\s*[^«»]*\d[^«»]*»$/u;

/** Whether the line is a forum's dated line over a post, which names nobody (SMF's "« Reply #3 on: … »"). */
export function isPostDateLine(content: string): boolean {
  return content.charCodeAt(0) === 0xab && content.length < 120 && POST_DATE_LINE.test(content);
}

// What an attribution form recognises: the form, where it stands, whom it names.

export type AttributionForm =
  | 'mail'
  | 'wrote'
  | 'as-put-it'
  | 'bold-name'
  | 'signature'
  | 'bbcode'
  | 'github-originally-posted'
  | 'link'
  | 'matrix'
  | 'reviewer'
  | 'forum-header'
  | 'outlook'
  | 'speaker-label'
  | 'bracket-label';
/** Where the attribution stands relative to the quote it names. */
export type AttributionPlacement = 'before' | 'first-line' | 'last-line' | 'after';
export interface AttributionMatch {
  form: AttributionForm;
  placement: AttributionPlacement;
  /** null when the line attributes the quote without naming anybody (a pronoun, a bare link). */
  speaker: string | null;
  /** "You wrote:" names the person being replied to. */
  addressee?: boolean;
  email?: string;
  url?: string;
}

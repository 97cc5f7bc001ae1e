// A mail reply that both the core's and the real VS Code's tests of Copy for Forum convert: Jane answers Raj
// inside her mail, and the drafter answers her.
export const MAIL_REPLY = [
  'Hi Jane,',
  '',
  'On Tue, 16 Jun 2020, Jane Doe <jane@example.org> wrote:',
  '> Raj Patel wrote:',
  '> > Cut the branch on Thursday.',
  '>',
  '> Thursday is too late.',
  '',
  'I agree with Raj.',
  '',
].join('\n');

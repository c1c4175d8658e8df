/** A file zwgk cannot read as a draft; the message is Chinese and says what to do. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

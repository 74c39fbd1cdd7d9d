// The OAI-PMH 2.0 error conditions (§3.6): protocol errors are answered in an HTTP 200 body, never thrown to Express.

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OaiError';
  }
}

/**
 * Per §3.6, a badVerb or badArgument response echoes only the base URL in <request>, with no attributes,
 * since the arguments were not a valid request.
 */
export function echoesArguments(code: OaiErrorCode): boolean {
  return code !== 'badVerb' && code !== 'badArgument';
}

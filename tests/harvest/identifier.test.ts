import { describe, expect, it } from 'vitest';
import { checkRepositoryIdentifier, decodeLocal, encodeLocal, localIdOf, oaiIdentifierOf, repositoryIdentifierFor } from '../../src/harvest/oai/identifier.js';
import { LdpubError } from '../../src/errors.js';
import { OaiError } from '../../src/harvest/oai/errors.js';

// The oai-identifier syntax of the guidelines' schema (sampleIdentifierType).
const OAI_IDENTIFIER = /^oai:[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+:[a-zA-Z0-9\-_.!~*'();/?:@&=+$,%]+$/;

describe('oai-identifier', () => {
  it('takes a dotted host as the repository identifier, and makes one for localhost and IP addresses', () => {
    expect(repositoryIdentifierFor('data.example.org')).toBe('data.example.org');
    expect(repositoryIdentifierFor('localhost')).toBe('localhost.localdomain');
    expect(repositoryIdentifierFor('127.0.0.1')).toBe('ip-127-0-0-1.localdomain');
    expect(repositoryIdentifierFor('[::1]')).toBe('ip-1.localdomain');
    expect(repositoryIdentifierFor('3com.example')).toBe('ip-3com-example.localdomain');
    for (const host of ['localhost', '127.0.0.1', '[::1]', '3com.example', 'a.b']) {
      expect(oaiIdentifierOf(repositoryIdentifierFor(host), 'x')).toMatch(OAI_IDENTIFIER);
    }
  });

  it('refuses a configured repository identifier that breaks the syntax', () => {
    expect(checkRepositoryIdentifier('repo.example.org')).toBe('repo.example.org');
    expect(() => checkRepositoryIdentifier('localhost')).toThrow(LdpubError);
    expect(() => checkRepositoryIdentifier('1.example')).toThrow(/LDPUB_OAI_REPOSITORY_ID|domain name/);
  });

  it('percent-encodes what a local identifier may not carry, and reads it back', () => {
    expect(encodeLocal('000_dbb0811b20e3e0e2')).toBe('000_dbb0811b20e3e0e2');
    expect(encodeLocal('a b%ü')).toBe('a%20b%25%C3%BC');
    expect(decodeLocal(encodeLocal('a b%ü'))).toBe('a b%ü');
    expect(decodeLocal('bad%2')).toBeUndefined();
    expect(oaiIdentifierOf('r.example', 'a b')).toMatch(OAI_IDENTIFIER);
    expect(localIdOf('r.example', 'oai:r.example:a%20b')).toBe('a b');
    expect(() => localIdOf('r.example', 'oai:other.example:a')).toThrow(OaiError);
  });
});

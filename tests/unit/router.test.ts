import { describe, expect, it } from 'vitest';
import { hashTarget, matchRoute } from '../../src/app/router';

describe('matchRoute', () => {
  it('maps every kind of page', () => {
    expect(matchRoute('/')).toEqual({ page: 'root' });
    expect(matchRoute('/zh/')).toEqual({ page: 'home', lang: 'zh' });
    expect(matchRoute('/en')).toEqual({ page: 'home', lang: 'en' });
    expect(matchRoute('/en/linear-regression')).toEqual({ page: 'lesson', lang: 'en', slug: 'linear-regression' });
    expect(matchRoute('/widgets')).toEqual({ page: 'gallery', lang: null });
    expect(matchRoute('/zh/widgets')).toEqual({ page: 'gallery', lang: 'zh' });
    expect(matchRoute('/en/glossary')).toEqual({ page: 'glossary', lang: 'en' });
  });
  it('sends anything else to not-found', () => {
    expect(matchRoute('/fr/linear-regression').page).toBe('not-found');
    expect(matchRoute('/en/a/b').page).toBe('not-found');
  });
});

describe('hashTarget', () => {
  it('decodes the id a link points to', () => {
    expect(hashTarget('#linear-regression')).toBe('linear-regression');
    expect(hashTarget('#%E6%A2%AF%E5%BA%A6')).toBe('梯度');
    expect(hashTarget('')).toBe('');
  });
  it('takes a malformed escape as written instead of throwing', () => {
    expect(hashTarget('#%E0%A4%A')).toBe('%E0%A4%A');
  });
});

import { describe, expect, it } from 'vitest';
import { tagOptions } from '../../../components/card/tagOptions';

const all = [
  { id: '1', name: 'wholesale', color: '#111111' },
  { id: '2', name: 'birthday-May', color: '#222222' },
  { id: '3', name: 'VIP whale', color: '#333333' },
];

describe('tag picker options', () => {
  it('filters by substring, prefix matches first, and hides tags the buyer has', () => {
    expect(tagOptions('', all, [all[0]]).map((o) => (o.kind === 'tag' ? o.tag.name : o.name))).toEqual([
      'birthday-May',
      'VIP whale',
    ]);
    const opts = tagOptions('wh', all, []);
    expect(opts.map((o) => (o.kind === 'tag' ? o.tag.name : `+${o.name}`))).toEqual([
      'wholesale',
      'VIP whale',
      '+wh',
    ]);
  });

  it('offers to create only when no tag has exactly that name', () => {
    expect(tagOptions('Wholesale', all, []).some((o) => o.kind === 'create')).toBe(false);
    expect(tagOptions('  complained ', all, []).at(-1)).toEqual({ kind: 'create', name: 'complained' });
  });
});

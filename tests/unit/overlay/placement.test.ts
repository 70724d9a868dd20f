// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { placementOf } from '@/components/overlay/shadowHost';

function anchorIn(parentStyle: string, anchorTag: string, anchorStyle: string): Element {
  document.body.innerHTML = `<div style="${parentStyle}"><${anchorTag} id="a" style="${anchorStyle}">张伟</${anchorTag}></div>`;
  return document.getElementById('a')!;
}

describe('where a badge goes beside a buyer name', () => {
  it('goes after inline names, joining their line', () => {
    expect(placementOf(anchorIn('', 'span', 'display:inline'))).toBe('after');
  });

  it('goes after a width-capped inline-block name, which would clip it inside', () => {
    const a = anchorIn('', 'span', 'display:inline-block;max-width:220px;overflow:hidden');
    expect(placementOf(a)).toBe('after');
  });

  it('stays inside names laid out by a flex or grid parent, where a sibling would be a new cell', () => {
    expect(placementOf(anchorIn('display:grid', 'span', 'display:inline-block'))).toBe('inside');
    expect(placementOf(anchorIn('display:flex', 'span', 'display:inline-block'))).toBe('inside');
  });

  it('stays inside block-level names so it does not add a line below', () => {
    expect(placementOf(anchorIn('', 'h1', ''))).toBe('inside');
  });
});

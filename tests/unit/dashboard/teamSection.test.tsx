// @vitest-environment happy-dom
/**
 * The Team section's join form and the "leave the team first" question, with the background
 * replaced by a recorder: what the page asks the browser and the background, in which order,
 * and what the seller reads. (The real flow, server included, is tests/e2e/team-dashboard.)
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { translator } from '@/components/i18n';
import { JoinForm } from '@/components/team/JoinForm';
import { checkJoinInput, joinFailure } from '@/components/team/joinProblem';
import { leaveTeamFirst } from '@/components/team/leaveFirst';
import { MessageFailure, type MessageName } from '@/core/messaging';
import type { TeamStatusDto } from '@/core/teamDtos';

const sent: { name: MessageName; data: unknown }[] = [];
let answer: (name: MessageName, data: unknown) => unknown;

vi.mock('@/core/messaging', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/core/messaging')>();
  return {
    ...real,
    request: async (name: MessageName, data: unknown) => {
      sent.push({ name, data });
      return answer(name, data);
    },
  };
});

const t = translator('en');
const inTeam: TeamStatusDto = {
  inTeam: true,
  origin: 'https://team.test',
  teamName: 'Wang Trading',
  role: 'owner',
  sync: { connection: 'connected', unsynced: 0 },
};
const refusal = (code: string) =>
  new MessageFailure({ code: 'forbidden', message: 'refused by the server', details: [code] });

beforeEach(() => {
  sent.length = 0;
  answer = () => {
    throw new Error('unexpected message');
  };
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The seller's answer to the browser's permission prompt (the promise form the page uses). */
function grant(yes: boolean) {
  const ask = vi.fn(async (_p: { origins?: string[] }) => yes);
  vi.spyOn(browser.permissions, 'request').mockImplementation(
    ask as unknown as typeof browser.permissions.request,
  );
  return ask;
}

/** happy-dom has no dialogs: the seller's answer to `window.confirm`, recorded. */
function confirmAnswering(yes: boolean) {
  const ask = vi.fn((_text: string) => yes);
  vi.stubGlobal('confirm', ask);
  return ask;
}

describe('checking the join form before anything is asked', () => {
  const ok = { server: 'team.test', code: 'k7qx 2m9d vh4r', name: 'Li' };
  it('accepts a host without scheme, a code typed in lower case with spaces, and a name', () => {
    expect(checkJoinInput(ok, t)).toBeNull();
  });
  it('names the field that is wrong', () => {
    expect(checkJoinInput({ ...ok, server: ' ' }, t)?.field).toBe('server');
    expect(checkJoinInput({ ...ok, server: 'http://team.test' }, t)?.field).toBe('server');
    expect(checkJoinInput({ ...ok, server: 'https://team.test/join' }, t)?.field).toBe('server');
    expect(checkJoinInput({ ...ok, code: 'K7QX-2M9D' }, t)?.field).toBe('code');
    expect(checkJoinInput({ ...ok, code: 'K7QX-2M9D-VH4U' }, t)?.field).toBe('code');
    expect(checkJoinInput({ ...ok, name: '  ' }, t)?.field).toBe('name');
    expect(checkJoinInput({ ...ok, name: 'x'.repeat(61) }, t)?.field).toBe('name');
  });
});

describe('a refused join in the seller’s words', () => {
  it.each([
    ['code-unknown', 'code', /not known/],
    ['code-used', 'code', /already used/],
    ['code-expired', 'code', /expired/],
    ['unreachable', 'server', /cannot be reached/],
    ['bad-answer', 'server', /did not answer like a Buyer Tiers team server/],
  ])('%s → the %s field', (code, field, words) => {
    const p = joinFailure(refusal(code), 'https://team.test', t);
    expect(p.field).toBe(field);
    expect(p.text).toMatch(words);
  });
  it('keeps the background’s own words for what is not one field’s', () => {
    const p = joinFailure(
      new MessageFailure({ code: 'conflict', message: 'This browser is already in a team.' }),
      'https://team.test',
      t,
    );
    expect(p).toEqual({ field: null, text: 'This browser is already in a team.' });
  });
});

async function fillAndSubmit(values: { server: string; code: string; name: string }) {
  const root = document.createElement('div');
  document.body.append(root);
  const joined = vi.fn();
  await act(() => render(<JoinForm onJoined={joined} />, root));
  for (const [id, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`[data-testid="team-join-${id}"]`)!;
    input.value = value;
    await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
  }
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
  return { root, joined, error: root.querySelector('[data-testid="team-join-error"]') };
}

describe('the join form', () => {
  it('asks for exactly the server’s origin first and does not join when the seller refuses', async () => {
    const ask = grant(false);
    const { error, joined } = await fillAndSubmit({ server: 'team.test', code: 'K7QX2M9DVH4R', name: 'Li' });
    expect(ask).toHaveBeenCalledWith({ origins: ['https://team.test/*'] });
    expect(sent).toEqual([]);
    expect(joined).not.toHaveBeenCalled();
    expect(error?.getAttribute('data-field')).toBe('server');
    expect(error?.textContent).toMatch(/not allowed to reach https:\/\/team\.test/);
  });

  it('joins with the normalised address once the origin is granted', async () => {
    grant(true);
    answer = () => inTeam;
    const { joined, error } = await fillAndSubmit({
      server: 'team.test',
      code: 'K7QX-2M9D-VH4R',
      name: ' Li ',
    });
    expect(sent).toEqual([
      { name: 'joinTeam', data: { server: 'https://team.test', code: 'K7QX-2M9D-VH4R', name: 'Li' } },
    ]);
    expect(joined).toHaveBeenCalledWith(inTeam);
    expect(error).toBeNull();
  });

  it('asks nothing for an address the background would refuse', async () => {
    const ask = grant(true);
    const { error } = await fillAndSubmit({ server: 'http://team.test', code: 'K7QX-2M9D-VH4R', name: 'Li' });
    expect(ask).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(error?.getAttribute('data-field')).toBe('server');
  });
});

describe('leaving the team before deleting everything or restoring', () => {
  it('goes ahead without asking when this browser is in no team', async () => {
    const ask = confirmAnswering(true);
    answer = () => ({ inTeam: false, sync: { connection: 'off', unsynced: 0 } });
    await expect(leaveTeamFirst('delete', t)).resolves.toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(sent.map((m) => m.name)).toEqual(['getTeamStatus']);
  });

  it('"no" leaves nothing and stops the action', async () => {
    const ask = confirmAnswering(false);
    answer = () => inTeam;
    await expect(leaveTeamFirst('restore', t)).resolves.toBe(false);
    expect(ask.mock.calls[0][0]).toMatch(/in the team “Wang Trading”.*Restoring a backup/);
    expect(sent.map((m) => m.name)).toEqual(['getTeamStatus']);
  });

  it('"yes" leaves the team, then lets the action go ahead', async () => {
    confirmAnswering(true);
    answer = (name) => (name === 'leaveTeam' ? { left: true } : inTeam);
    await expect(leaveTeamFirst('delete', t)).resolves.toBe(true);
    expect(sent.map((m) => m.name)).toEqual(['getTeamStatus', 'leaveTeam']);
  });
});

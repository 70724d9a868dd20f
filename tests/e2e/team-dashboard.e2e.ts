/**
 * The dashboard's Team section in real browsers, against a real team server on loopback: a
 * wrong code and a bad address are refused in words naming the field; the owner joins through
 * the form, invites an agent in the UI, the agent joins with that code through its own form, a
 * tag made in one profile reaches the other, the owner removes the agent from the members list
 * and the agent's section then says it was removed. Deleting everything while in a team asks to
 * leave first: "no" changes nothing, "yes" leaves and deletes.
 *
 * The demo build already holds http://127.0.0.1/* (the demo marketplace), so the form's
 * permission request is granted without a prompt; the request itself still runs in the click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import type { TeamStatusDto } from '../../core/teamDtos';
import { startTeamServer, type TeamServerProcess } from '../support/teamServer';
import { trackErrors } from './dashboard-helpers';
import { askPage } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { eventually, tagNamesOf } from './support/teamData';

interface Profile {
  ext: ExtensionSession;
  page: Page;
  errors: string[];
}

let dir: string;
let server: TeamServerProcess;
const profiles: Profile[] = [];

async function profile(): Promise<Profile> {
  const ext = await launchWithExtension();
  const page = await ext.openExtensionPage('dashboard.html#team');
  const errors = trackErrors(page);
  const p = { ext, page, errors };
  profiles.push(p);
  await page.getByTestId('team-join').waitFor();
  return p;
}

/** Fills the join form as a seller would and submits it with a click. */
async function joinThroughForm(
  page: Page,
  values: { server: string; code: string; name: string },
): Promise<void> {
  await page.getByTestId('team-join-server').fill(values.server);
  await page.getByTestId('team-join-code').fill(values.code);
  await page.getByTestId('team-join-name').fill(values.name);
  await page.getByTestId('team-join-go').click();
}

const status = (p: Profile) => askPage<TeamStatusDto>(p.page, 'getTeamStatus', {});

let owner: Profile;
let agent: Profile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'team-ui-e2e-'));
  server = await startTeamServer(dir);
  expect(server.ownerCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  owner = await profile();
  agent = await profile();
}, 240_000);

afterAll(async () => {
  for (const p of profiles) await p.ext.close().catch(() => {});
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Team section of the dashboard', () => {
  it('refuses a bad address and an unknown code, naming the field, and joins nothing', async () => {
    const { page } = owner;
    await expect(page.getByTestId('team-privacy').textContent()).resolves.toMatch(
      /Nothing leaves this browser/,
    );
    await joinThroughForm(page, { server: 'ftp://127.0.0.1', code: server.ownerCode!, name: 'Owner Wang' });
    const error = page.getByTestId('team-join-error');
    await expect(error.getAttribute('data-field')).resolves.toBe('server');
    await expect(error.textContent()).resolves.toMatch(/must start with https:\/\//);

    // A code of the right shape the server never issued: refused by the server itself.
    await joinThroughForm(page, { server: server.httpUrl, code: 'ZZZZ-ZZZZ-ZZZZ', name: 'Owner Wang' });
    await page.locator('[data-testid="team-join-error"][data-field="code"]').waitFor();
    await expect(error.textContent()).resolves.toMatch(/not known to the team server/);
    await expect(status(owner)).resolves.toMatchObject({ inTeam: false });
  });

  it('the owner joins through the form and creates an invite; the agent joins with it', async () => {
    await joinThroughForm(owner.page, {
      server: server.httpUrl,
      code: server.ownerCode!,
      name: 'Owner Wang',
    });
    await owner.page.getByTestId('team-status').waitFor();
    await expect(owner.page.getByTestId('team-role').textContent()).resolves.toBe('Owner');
    await expect(owner.page.getByTestId('team-me').textContent()).resolves.toBe('Owner Wang');
    await owner.page.locator('[data-testid="team-connection"]', { hasText: /^Connected$/ }).waitFor({
      timeout: 30_000,
    });

    await owner.page.getByTestId('team-invite-go').click();
    const code = (await owner.page.getByTestId('team-invite-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    await joinThroughForm(agent.page, { server: server.httpUrl, code, name: 'Agent Li' });
    await agent.page.getByTestId('team-status').waitFor();
    await expect(agent.page.getByTestId('team-role').textContent()).resolves.toBe('Agent');
    // An agent sees the members but can neither invite nor remove.
    await agent.page.getByTestId('team-members').waitFor();
    expect(await agent.page.getByTestId('team-member-remove').count()).toBe(0);
    expect(await agent.page.getByTestId('team-invite').count()).toBe(0);

    await expect(status(agent)).resolves.toMatchObject({
      inTeam: true,
      role: 'agent',
      memberName: 'Agent Li',
    });
  });

  it('a tag made in the owner’s browser reaches the agent’s', async () => {
    const vip = await askPage<Tag>(owner.page, 'createTag', { name: 'VIP', color: '#aa0000' });
    await askPage(owner.page, 'tagBuyers', { buyerKeys: ['amazon:wang'], tagId: vip.id });
    await eventually(async () => (await tagNamesOf(agent.ext, 'amazon:wang')).join() === 'VIP', 'the tag');
  });

  it('"delete everything" while in a team asks to leave first; "no" changes nothing', async () => {
    const { page } = owner;
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByTestId('delete-confirm').fill('DELETE');
    const asked = page.waitForEvent('dialog').then(async (d) => {
      const text = d.message();
      await d.dismiss();
      return text;
    });
    await page.getByTestId('delete-all').click();
    expect(await asked).toMatch(/leaves the team first/);
    await page.waitForTimeout(500);
    await expect(status(owner)).resolves.toMatchObject({ inTeam: true });
    expect(await tagNamesOf(owner.ext, 'amazon:wang')).toEqual(['VIP']);
    await page.getByRole('tab', { name: 'Team' }).click();
    await page.getByTestId('team-status').waitFor();
  });

  it('the owner sees the agent and removes it; the agent’s section says it was removed', async () => {
    const row = owner.page.locator('[data-testid="team-member"][data-role="agent"]');
    await row.waitFor({ timeout: 15_000 });
    await expect(row.getByTestId('team-member-name').textContent()).resolves.toBe('Agent Li');
    expect(await owner.page.getByTestId('team-member').count()).toBe(2);
    owner.page.once('dialog', (d) => void d.accept());
    await row.getByTestId('team-member-remove').click();
    await owner.page.locator('[data-testid="team-member"][data-role="agent"]').waitFor({
      state: 'detached',
      timeout: 15_000,
    });
    await agent.page.getByTestId('team-removed').waitFor({ timeout: 30_000 });
    await expect(agent.page.getByTestId('team-removed').textContent()).resolves.toMatch(
      /removed from the team/,
    );
  });

  it('"yes" to leaving first leaves the team and deletes, and the section offers joining again', async () => {
    const { page } = agent;
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByTestId('delete-confirm').fill('DELETE');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('delete-all').click();
    await eventually(async () => (await tagNamesOf(agent.ext, 'amazon:wang')).length === 0, 'the deletion');
    await expect(status(agent)).resolves.toMatchObject({ inTeam: false });
    await page.getByRole('tab', { name: 'Team' }).click();
    await page.getByTestId('team-join').waitFor();
    // The owner's browser and the team keep the tag: leaving first kept the deletion local.
    expect(await tagNamesOf(owner.ext, 'amazon:wang')).toEqual(['VIP']);
    for (const p of profiles) expect(p.errors).toEqual([]);
  });
});

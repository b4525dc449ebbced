import { expect, waitUntil } from '@open-wc/testing';
import type { Choice } from '../src/schedule/choice.js';
import { Outbox } from '../src/schedule/outbox.js';

/**
 * The outbox on its own: what it keeps in this browser for one schedule and person, what it
 * forgets, and what the other pages hear.
 */

let counter = 0;
const scope = () => `https://api.example/${Date.now()}-${++counter}`;
const keyOf = (s: string, user: string) => `programme-elements:outbox:${s}|${user}`;
const opened: Outbox[] = [];
function outbox(s: string, user = 'ana', onChoice: (id: string, c: Choice) => void = () => {}) {
  const box = new Outbox(s, user, onChoice);
  opened.push(box);
  return box;
}

describe('Outbox', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => opened.splice(0).forEach((box) => box.close()));

  it('keeps a choice in this browser before it is sent, and reads it back on another page', () => {
    const s = scope();
    outbox(s).put('P1', { starred: true, at: 10 });
    expect(JSON.parse(localStorage.getItem(keyOf(s, 'ana'))!)).to.deep.equal({ P1: { starred: true, at: 10 } });
    expect([...outbox(s).entries()]).to.deep.equal([['P1', { starred: true, at: 10 }]]);
  });

  it('keeps the later of two choices, whichever is written last', () => {
    const box = outbox(scope());
    box.put('P1', { starred: true, at: 20 });
    box.put('P1', { starred: false, at: 10 });
    expect(box.entries().get('P1')).to.deep.equal({ starred: true, at: 20 });
    box.put('P1', { starred: false, at: 30 });
    expect(box.entries().get('P1')).to.deep.equal({ starred: false, at: 30 });
  });

  it('forgets a choice once the server holds it, not before; and one the server refused', () => {
    const s = scope();
    const box = outbox(s);
    box.put('P1', { starred: true, at: 1 });
    box.put('P2', { starred: true, at: 2 });
    box.settle('P1', { starred: false, at: 0.5 });
    expect(box.entries().has('P1'), 'the server holds another, older state: still waiting').to.equal(true);
    box.settle('P1', { starred: true, at: 1 });
    box.put('P3', { starred: true, at: 3 });
    box.settle('P3', { starred: false, at: 4 });
    expect(box.entries().has('P3'), 'the server holds a later press: the kept one is forgotten').to.equal(false);
    box.delete('P2');
    expect(box.entries().size).to.equal(0);
    expect(localStorage.getItem(keyOf(s, 'ana')), 'nothing left behind').to.equal(null);
  });

  it('tells the other pages of the same schedule and person, and nobody else', async () => {
    const s = scope();
    const heard: string[] = [];
    const strangers: string[] = [];
    outbox(s, 'ana', (id, c) => heard.push(`${id}:${c.starred}`));
    outbox(s, 'ben', (id) => strangers.push(id));
    outbox(scope(), 'ana', (id) => strangers.push(id));
    outbox(s, 'ana').put('P7', { starred: true, at: 5 });
    await waitUntil(() => heard.length === 1);
    expect(heard).to.deep.equal(['P7:true']);
    await new Promise((r) => setTimeout(r, 50));
    expect(strangers).to.deep.equal([]);
  });

  it('reads what it cannot understand as nothing waiting, and drops malformed entries', () => {
    const s = scope();
    localStorage.setItem(keyOf(s, 'ana'), '{not json');
    expect(outbox(s).entries().size).to.equal(0);
    localStorage.setItem(keyOf(s, 'ana'), JSON.stringify({ P1: { starred: 'yes', at: 1 }, P2: { starred: false, at: 3 }, P3: null }));
    expect([...outbox(s).entries()]).to.deep.equal([['P2', { starred: false, at: 3 }]]);
  });
});

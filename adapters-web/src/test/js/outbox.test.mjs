import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Outbox, chatFrame} from '../../main/resources/public/app/live/outbox.js';

describe('Outbox', () => {
  it('starts empty', () => {
    const outbox = new Outbox();
    assert.equal(outbox.size, 0);
    assert.deepEqual(outbox.frames(), []);
  });

  it('hands back the chat frame of a message it queues', () => {
    assert.deepEqual(new Outbox().add('m1', '안녕'), {type: 'chat', clientMsgId: 'm1', text: '안녕'});
    assert.deepEqual(chatFrame('m1', '안녕'), {type: 'chat', clientMsgId: 'm1', text: '안녕'});
  });

  it('resends in the order the messages were first sent', () => {
    const outbox = new Outbox();
    for (let i = 1; i <= 100; i++) outbox.add(`m${i}`, `text ${i}`);
    const ids = outbox.frames().map((f) => f.clientMsgId);
    assert.deepEqual(ids, Array.from({length: 100}, (_, i) => `m${i + 1}`));
  });

  it('keeps one entry per clientMsgId, in its first place and with its first text', () => {
    const outbox = new Outbox();
    outbox.add('a', 'first');
    outbox.add('b', 'second');
    assert.deepEqual(outbox.add('a', 'changed'), chatFrame('a', 'first'));
    assert.equal(outbox.size, 2);
    assert.deepEqual(outbox.frames(), [chatFrame('a', 'first'), chatFrame('b', 'second')]);
  });

  it('lets go of an echoed message, handing back what showed it, and keeps the others in order', () => {
    const outbox = new Outbox();
    const views = {a: {name: 'a'}, b: {name: 'b'}, c: {name: 'c'}};
    Object.entries(views).forEach(([id, view]) => outbox.add(id, `text ${id}`, view));
    assert.deepEqual(outbox.acknowledge('b'), {text: 'text b', view: views.b});
    assert.deepEqual(outbox.frames().map((f) => f.clientMsgId), ['a', 'c']);
    assert.equal(outbox.size, 2);
  });

  it('ignores echoes it does not wait for: another tab, or the same echo twice', () => {
    const outbox = new Outbox();
    outbox.add('a', 'x');
    assert.equal(outbox.acknowledge('someone-else'), undefined);
    assert.ok(outbox.acknowledge('a'));
    assert.equal(outbox.acknowledge('a'), undefined);
    assert.equal(outbox.size, 0);
    assert.deepEqual(outbox.frames(), []);
  });

  it('sends the same frames on every resend until they are echoed', () => {
    const outbox = new Outbox();
    outbox.add('a', 'x');
    outbox.add('b', 'y');
    const first = outbox.frames();
    first[0].text = 'tampered';   // a caller's copy, not the queue
    assert.deepEqual(outbox.frames(), [chatFrame('a', 'x'), chatFrame('b', 'y')]);
    outbox.acknowledge('a');
    assert.deepEqual(outbox.frames(), [chatFrame('b', 'y')]);
  });

  it('queues a message again at the end once its earlier copy was echoed', () => {
    const outbox = new Outbox();
    outbox.add('a', 'x');
    outbox.add('b', 'y');
    outbox.acknowledge('a');
    outbox.add('a', 'x again');
    assert.deepEqual(outbox.frames(), [chatFrame('b', 'y'), chatFrame('a', 'x again')]);
  });
});

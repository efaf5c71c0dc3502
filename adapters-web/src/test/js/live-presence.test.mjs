import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {chatRows, parsePresence, presenceText} from '../../main/resources/public/app/live/presence.js';

const notice = (id, userId, text) => ({id, userId, nickname: null, text, system: true});
const said = (id, userId, text) => ({id, userId, nickname: '민지', text, system: false});

describe('presence notices', () => {
  it('are read in both speech levels', () => {
    for (const [text, kind] of [
      ['김공부 님이 들어왔어요', 'in'], ['김공부 님이 들어왔습니다', 'in'],
      ['김공부 님이 나갔어요', 'out'], ['김공부 님이 나갔습니다', 'out'],
      ['김공부 님의 연결이 끊겼어요', 'out'], ['김공부 님의 연결이 끊겼습니다', 'out'],
      ['김공부 님이 다른 곳에서 접속해서 나갔어요', 'out'], ['김공부 님이 다른 곳에서 접속해 나갔습니다', 'out'],
      ['김공부 님이 방을 나갔어요', 'quit'], ['김공부 님이 방을 나갔습니다', 'quit'],
      ['김공부 님이 방에서 내보내졌어요', 'kicked'], ['김공부 님이 방에서 내보내졌습니다', 'kicked'],
    ]) {
      assert.deepEqual(parsePresence(notice('1', 'u1', text)), {key: 'u1', name: '김공부', kind}, text);
    }
  });

  it('are only system messages about coming and going', () => {
    assert.equal(parsePresence(said('1', 'u1', '김공부 님이 들어왔어요')), null, 'a member typing it is chat');
    assert.equal(parsePresence(notice('1', 'u1', '방 이름이 바뀌었어요')), null);
    assert.equal(parsePresence(notice('1', 'u1', '김공부 님이 방장이 되었어요')), null);
    assert.equal(parsePresence({system: true}), null);
  });

  it('keep a nickname with spaces whole', () => {
    assert.equal(parsePresence(notice('1', 'u1', '공부 하는 곰 님이 들어왔어요')).name, '공부 하는 곰');
  });
});

describe('a run of presence notices', () => {
  const event = (key, name, kind) => ({key, name, kind});

  it('groups names by what happened, in the order it first did', () => {
    assert.equal(presenceText([event('a', '김공부', 'in'), event('b', '이공부', 'in'), event('c', '박공부', 'out')]),
      '김공부, 이공부 님이 들어왔어요 · 박공부 님이 나갔어요');
  });

  it('tells each person once, as their last notice says', () => {
    // A reconnect: out, in, out, in.
    const text = presenceText([event('a', '김공부', 'out'), event('a', '김공부', 'in'), event('b', '이공부', 'in'),
      event('a', '김공부', 'out'), event('a', '김공부', 'in')]);
    assert.equal(text, '이공부, 김공부 님이 들어왔어요');
  });

  it('shortens a long list of names', () => {
    const many = ['가', '나', '다', '라', '마'].map((n, i) => event(`k${i}`, n, 'in'));
    assert.equal(presenceText(many), '가, 나, 다 님 외 2명이 들어왔어요');
  });
});

describe('chat rows', () => {
  it('keep messages, and fold each run of presence notices into one row with the newest id', () => {
    const rows = chatRows([
      notice('01', 'u1', '김공부 님이 들어왔어요'),
      notice('02', 'u2', '이공부 님이 들어왔습니다'),
      said('03', 'u1', '안녕하세요'),
      notice('04', 'u3', '박공부 님이 나갔어요'),
      notice('05', 'u1', '김공부 님의 연결이 끊겼어요'),
      notice('06', 'u9', '방 규칙이 바뀌었어요'),
    ]);
    assert.deepEqual(rows.map((r) => r.type), ['presence', 'message', 'presence', 'message']);
    assert.deepEqual(rows[0], {type: 'presence', id: '02', ids: ['01', '02'], text: '김공부, 이공부 님이 들어왔어요'});
    assert.equal(rows[1].message.id, '03');
    assert.deepEqual(rows[2], {type: 'presence', id: '05', ids: ['04', '05'], text: '박공부, 김공부 님이 나갔어요'});
    assert.equal(rows[3].message.text, '방 규칙이 바뀌었어요', 'another notice stays a line of its own');
  });

  it('are empty for no messages', () => {
    assert.deepEqual(chatRows([]), []);
  });
});

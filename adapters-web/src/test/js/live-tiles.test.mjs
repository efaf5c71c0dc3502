import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {localTileState, mediaNote, remoteTileState, switchState} from '../../main/resources/public/app/live/tile-state.js';
import {headerLine, memberCount} from '../../main/resources/public/app/live/header.js';

const live = {muted: false, ended: false};

describe("a peer's tile", () => {
  it('shows the picture while a live video track plays and the peer says nothing else', () => {
    assert.deepEqual(remoteTileState({stream: true, video: live, audio: live}), {camera: 'on', mic: 'on', caption: null});
    assert.deepEqual(remoteTileState({stream: true, video: live, audio: live, says: {camera: true, mic: true}}),
      {camera: 'on', mic: 'on', caption: null});
  });

  it('says the camera is off when the peer turned it off, or its video is muted, ended or missing', () => {
    const off = {camera: 'off', mic: 'on', caption: '카메라 꺼짐'};
    assert.deepEqual(remoteTileState({stream: true, video: live, audio: live, says: {camera: false, mic: true}}), off);
    assert.deepEqual(remoteTileState({stream: true, video: {muted: true, ended: false}, audio: live}), off);
    assert.deepEqual(remoteTileState({stream: true, video: {muted: false, ended: true}, audio: live}), off);
    assert.deepEqual(remoteTileState({stream: true, video: null, audio: live}), off);
  });

  it('tells a peer without a camera from one connecting', () => {
    assert.equal(remoteTileState({stream: true, audio: live, says: {camera: null, mic: true}}).caption, '카메라 없음');
    assert.deepEqual(remoteTileState({}), {camera: 'off', mic: 'on', caption: '연결하는 중…'});
  });

  it('marks the mic off when the peer says so, or its sound is gone', () => {
    assert.equal(remoteTileState({stream: true, video: live, audio: live, says: {camera: true, mic: false}}).mic, 'off');
    assert.equal(remoteTileState({stream: true, video: live, audio: live, says: {camera: true, mic: null}}).mic, 'off');
    assert.equal(remoteTileState({stream: true, video: live, audio: null}).mic, 'off');
    assert.equal(remoteTileState({stream: true, video: live, audio: {muted: false, ended: true}}).mic, 'off');
  });
});

describe('our own tile and switches', () => {
  const both = {audio: 'yes', video: 'yes'};

  it('show the camera while we hold it and want it', () => {
    assert.deepEqual(localTileState({device: both, want: {audio: true, video: true}, live: true}),
      {camera: 'on', mic: 'on', caption: null});
    assert.deepEqual(localTileState({device: both, want: {audio: false, video: false}, live: true}),
      {camera: 'off', mic: 'off', caption: '카메라 꺼짐'});
  });

  it('after a kick or a full room: devices still there, choices kept, nothing on', () => {
    assert.deepEqual(localTileState({device: both, want: {audio: true, video: true}, live: false}),
      {camera: 'off', mic: 'off', caption: '연결되면 카메라가 켜져요'});
    assert.deepEqual(switchState('audio', 'yes', true), {text: '마이크 켜짐', pressed: true, disabled: false});
    assert.deepEqual(switchState('video', 'yes', false), {text: '카메라 꺼짐', pressed: false, disabled: false});
  });

  it('say "없음" only when there is no such device', () => {
    assert.deepEqual(switchState('audio', 'no', true), {text: '마이크 없음', pressed: false, disabled: true});
    assert.deepEqual(switchState('video', 'unknown', true), {text: '카메라 켜짐', pressed: true, disabled: false});
    assert.equal(localTileState({device: {audio: 'yes', video: 'no'}, want: {}, live: true}).caption, '카메라 없음');
  });

  it('tell the peers on, off or no device', () => {
    assert.deepEqual(mediaNote({audio: 'yes', video: 'yes'}, {audio: false, video: true}), {camera: true, mic: false});
    assert.deepEqual(mediaNote({audio: 'no', video: 'yes'}, {audio: true, video: true}), {camera: true, mic: null});
    assert.deepEqual(mediaNote({}, {}), {camera: false, mic: false});
  });
});

describe('the live header', () => {
  const room = {memberCount: 1, maxMembers: 6};

  it('counts members from the latest day board, which lists every member', () => {
    assert.equal(memberCount(room, [{userId: 'a'}, {userId: 'b'}]), 2);
    assert.equal(memberCount(room, []), 1, 'no board yet: the room says');
    assert.equal(memberCount(null, null), null);
  });

  it('reads members, live and owner', () => {
    assert.equal(headerLine({room, board: [{}, {}], connected: true, liveCount: 2, maxLive: 4, owner: true}),
      '멤버 2/6명 · 라이브 2/4명 · 내가 방장');
    assert.equal(headerLine({room, connected: false}), '멤버 1/6명 · 연결 안 됨');
  });
});

import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cleanTag, parseSuggestions, roomsRequest, sameSearch, searchFromQuery, searchHash, suggestionPrefix,
  suggestionsRequest, visibleTags} from '../../main/resources/public/app/room-search.js';

const read = (text) => searchFromQuery(new URLSearchParams(text));

describe('searchFromQuery', () => {
  it('reads the words, the tag without its #, the sort and the free-seat filter', () => {
    assert.deepEqual(read('q=%20토익%20&hashtag=%23%23자격증&sort=popular&available=true'),
      {q: '토익', hashtag: '자격증', sort: 'popular', available: true});
  });

  it('falls back to the newest rooms, all of them', () => {
    assert.deepEqual(read(''), {q: '', hashtag: '', sort: 'latest', available: false});
    assert.deepEqual(read('sort=nonsense&available=yes'), {q: '', hashtag: '', sort: 'latest', available: false});
  });

  it('reads an old "sort=open" link as the newest rooms with a free seat', () => {
    assert.deepEqual(read('sort=open'), {q: '', hashtag: '', sort: 'latest', available: true});
  });
});

describe('searchHash and roomsRequest', () => {
  it('leave the defaults out of the hash and survive the trip back', () => {
    assert.equal(searchHash({q: '', hashtag: '', sort: 'latest', available: false}), '#/rooms');
    const state = {q: '토익 & 영어', hashtag: '자격증', sort: 'studied', available: true};
    const hash = searchHash(state);
    assert.deepEqual(read(hash.split('?')[1]), state);
  });

  it('ask the server for the search, the free seats as available=true, and the page', () => {
    const url = new URL(roomsRequest({q: '#자격', hashtag: '', sort: 'latest', available: true}, 'c1', 20), 'http://x');
    assert.equal(url.pathname, '/api/rooms');
    assert.equal(url.searchParams.get('q'), '#자격');
    assert.equal(url.searchParams.get('available'), 'true');
    assert.equal(url.searchParams.get('cursor'), 'c1');
    assert.equal(url.searchParams.get('limit'), '20');
    assert.equal(url.searchParams.has('hashtag'), false);
    const all = new URL(roomsRequest({q: '', hashtag: '', sort: 'popular', available: false}, null, 20), 'http://x');
    assert.equal(all.searchParams.has('available'), false);
    assert.equal(all.searchParams.get('sort'), 'popular');
  });

  it('tell one search from another', () => {
    const a = read('q=a');
    assert.equal(sameSearch(a, read('q=a')), true);
    assert.equal(sameSearch(a, read('q=a&available=true')), false);
    assert.equal(sameSearch(a, read('q=a&sort=popular')), false);
  });
});

describe('suggestions', () => {
  it('take the last typed word, without #, as the prefix', () => {
    assert.equal(suggestionPrefix('  '), '');
    assert.equal(suggestionPrefix('#자격'), '자격');
    assert.equal(suggestionPrefix('아침 공부 #토'), '토');
    assert.equal(suggestionPrefix('가'.repeat(30)), '가'.repeat(20));
  });

  it('are asked for with the prefix and a limit, or the most used ones without', () => {
    assert.equal(suggestionsRequest('자격'), `/api/hashtags?prefix=${encodeURIComponent('자격')}&limit=8`);
    assert.equal(suggestionsRequest('', 5), '/api/hashtags?limit=5');
  });

  it('keep the answer order, each tag once, without the current filter or nonsense', () => {
    const answer = {items: [{tag: '자격증', rooms: 5}, {tag: '#자바', rooms: 2}, {tag: '자격증', rooms: 1},
      {tag: '', rooms: 3}, {rooms: 1}, null, {tag: '자유', rooms: -1}, {tag: 'JAVA', rooms: 1}]};
    assert.deepEqual(parseSuggestions(answer, {exclude: '#java'}),
      [{tag: '자격증', rooms: 5}, {tag: '자바', rooms: 2}, {tag: '자유', rooms: 0}]);
    assert.deepEqual(parseSuggestions(null), []);
    assert.deepEqual(parseSuggestions({items: 'nope'}), []);
  });
});

describe('cleanTag and visibleTags', () => {
  it('tidy a typed tag', () => {
    assert.equal(cleanTag(' ## 토익 '), '토익');
    assert.equal(cleanTag(undefined), '');
  });

  it('show the first tags of a card and count the rest', () => {
    assert.deepEqual(visibleTags(['a', 'b', 'c', 'd', 'e', 'f'], 4), {shown: ['a', 'b', 'c', 'd'], more: 2});
    assert.deepEqual(visibleTags(['a'], 4), {shown: ['a'], more: 0});
    assert.deepEqual(visibleTags(undefined), {shown: [], more: 0});
  });
});

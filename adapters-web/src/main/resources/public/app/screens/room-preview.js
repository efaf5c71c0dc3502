// A room's preview (#/rooms/{id}): what it is about, its rules, who studies there now, its study
// time and rank, its members (for members), and the way in: members enter the live room at once,
// others join first (with the password of a locked room) and then go straight in.
import {h, replace} from '../dom.js';
import {ApiError, api, describe, enc} from '../api.js';
import {formatDate, formatHours} from '../format.js';
import {livePath} from '../routes.js';
import {navigate} from '../router.js';
import {loading} from '../ui.js';
import {joinRoom} from './room-join.js';
import {isOpenChatUrl} from './room-form.js';

export default async function render(view, {roomId}) {
  let alive = true;
  const back = h('a', {class: 'back-link', href: '#/rooms'}, '← 스터디 목록');
  const box = h('div', {class: 'preview-box'});
  view.append(back, box);
  loading(box);
  let room;
  try {
    room = await api.get(`/api/rooms/${enc(roomId)}`);
  } catch (error) {
    if (alive) replace(box, problem(error));
    return () => { alive = false; };
  }
  if (!alive) return undefined;
  replace(box, preview(room));
  return () => { alive = false; };
}

function problem(error) {
  if (error instanceof ApiError && (error.status === 404 || error.code === 'ROOM_NOT_FOUND')) {
    return h('section', {class: 'card empty-state center', testid: 'room-preview-missing'},
      h('h1', {}, '스터디를 찾을 수 없어요'),
      h('p', {class: 'muted'}, '삭제되었거나 주소가 잘못된 것 같아요.'),
      h('p', {}, h('a', {class: 'button primary', href: '#/rooms'}, '다른 스터디 찾아보기')));
  }
  return h('section', {class: 'card center'},
    h('p', {class: 'form-error', role: 'alert'}, describe(error)),
    h('button', {type: 'button', on: {click: () => location.reload()}}, '다시 시도'));
}

function preview(room) {
  const member = Array.isArray(room.members);   // the server lists members to members alone
  const full = room.memberCount >= room.maxMembers;
  const titleId = `preview-title-${room.id}`;
  const enter = h('button', {type: 'button', class: 'primary', testid: 'room-preview-join', 'aria-describedby': titleId,
    disabled: !member && full, on: {click: async () => {
      if (member || await joinRoom(room, enter)) navigate(livePath(room.id));
    }}},
  member ? '라이브 입장' : full ? '자리가 없어요' : room.locked ? '비밀번호로 참여하기' : '참여하고 입장하기');

  return h('article', {class: 'preview', testid: 'room-preview', data: {roomId: room.id}, 'aria-labelledby': titleId},
    room.imageUrl ? h('img', {class: 'preview-hero', src: room.imageUrl, alt: '', decoding: 'async'}) : null,
    h('section', {class: 'card stack'},
      h('div', {},
        h('h1', {class: 'preview-title', id: titleId}, room.title),
        h('div', {class: 'badges'},
          room.locked ? h('span', {class: 'badge lock'}, '잠금') : h('span', {class: 'badge member'}, '공개'),
          room.live ? h('span', {class: 'badge live'}, `라이브 ${room.liveCount}명`) : null,
          full ? h('span', {class: 'badge full'}, '만석') : null,
          member ? h('span', {class: 'badge joined'}, '참여 중') : null)),
      h('p', {class: 'preview-desc'}, room.description),
      (room.hashtags ?? []).length > 0
        ? h('ul', {class: 'chips', 'aria-label': '해시태그'}, room.hashtags.map((tag) => h('li', {},
          h('a', {class: 'chip', href: `#/rooms?hashtag=${encodeURIComponent(tag)}`, title: `#${tag} 태그로 찾기`}, `#${tag}`))))
        : null,
      h('div', {class: 'preview-actions'}, enter,
        !member && !full ? h('small', {class: 'muted'}, '참여하면 바로 라이브 스터디로 들어가요.') : null)),
    facts(room),
    studyingNow(room.studyingNow),
    rules(room, member),
    member ? members(room.members) : h('p', {class: 'muted'}, '멤버 목록은 참여하면 볼 수 있어요.'));
}

function facts(room) {
  const fact = (label, value, testid) => h('div', {}, h('dt', {}, label), h('dd', {testid}, value));
  return h('dl', {class: 'facts', 'aria-label': '스터디 기록'},
    fact('오늘 공부', formatHours(room.todayStudySeconds ?? 0), 'preview-today'),
    fact('총 공부', formatHours(room.totalStudySeconds ?? 0), 'preview-total'),
    fact('랭킹', Number.isFinite(room.rank) ? `${room.rank}위` : '-', 'preview-rank'),
    fact('인원', `${room.memberCount}/${room.maxMembers}명`, 'preview-members'));
}

function studyingNow(list) {
  const people = Array.isArray(list) ? list : [];
  return h('section', {class: 'card', testid: 'studying-now', 'aria-labelledby': 'studying-now-title'},
    h('h2', {id: 'studying-now-title'}, people.length > 0 ? `지금 ${people.length}명이 공부하고 있어요` : '지금 공부 중'),
    people.length === 0
      ? h('p', {class: 'muted'}, '지금은 공부 중인 사람이 없어요. 먼저 들어가서 시작해 보세요.')
      : h('ul', {class: 'people'}, people.map((person) => {
        const resting = person.status === 'break';
        return h('li', {data: {userId: person.userId, status: resting ? 'break' : 'studying'}},
          avatar(person),
          h('div', {class: 'grow'},
            h('span', {class: 'name'}, person.nickname || '(알 수 없음)'),
            h('span', {class: ['badge', resting ? 'resting' : 'studying']}, resting ? '휴식 중' : '공부 중'),
            person.subject ? h('span', {class: 'subject'}, person.subject) : null));
      })));
}

function rules(room, member) {
  const chat = typeof room.openChatUrl === 'string' && isOpenChatUrl(room.openChatUrl) ? room.openChatUrl : null;
  return h('section', {class: 'card', 'aria-labelledby': 'rules-title'},
    h('h2', {id: 'rules-title'}, '참여 규칙'),
    h('ul', {class: 'rules'},
      h('li', {}, room.locked
        ? '비밀번호가 있는 스터디예요. 방장에게 받은 비밀번호로 참여해요.'
        : '누구나 바로 참여할 수 있어요.'),
      h('li', {}, `정원 ${room.maxMembers}명 중 ${room.memberCount}명이 참여하고 있어요.`),
      member ? null : h('li', {}, '스터디는 한 사람이 5개까지 참여할 수 있어요.'),
      chat ? h('li', {}, h('a', {href: chat, target: '_blank', rel: 'noopener noreferrer'},
        '카카오 오픈채팅 열기', h('span', {class: 'visually-hidden'}, ' (새 창)'))) : null));
}

function members(list) {
  return h('section', {class: 'card', 'aria-labelledby': 'members-title'},
    h('h2', {id: 'members-title'}, `멤버 ${list.length}명`),
    h('ul', {class: 'people', testid: 'preview-members-list'}, list.map((person) => h('li', {data: {userId: person.userId}},
      avatar(person),
      h('div', {class: 'grow'},
        h('span', {class: 'name'}, person.nickname || '(알 수 없음)'),
        person.owner ? h('span', {class: 'badge owner'}, '방장') : null,
        person.joinedAt ? h('small', {class: 'muted when'}, `${formatDate(person.joinedAt)} 참여`) : null)))));
}

function avatar(person) {
  const name = person.nickname || '?';
  return person.profileImageUrl
    ? h('img', {class: 'avatar', src: person.profileImageUrl, alt: '', loading: 'lazy', decoding: 'async'})
    : h('span', {class: 'avatar placeholder', 'aria-hidden': 'true'}, [...name][0] ?? '?');
}

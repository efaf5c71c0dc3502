// My rooms: every room you belong to, with the way into the live room, leaving, and for owners
// the tools: edit, image, hand over, remove (and ban) members, lift bans, delete, and how many
// wrong passwords were refused.
// Each card is drawn from GET /api/rooms/{id} and drawn again after any change to it.
import {h, replace} from '../dom.js';
import {formatDate} from '../format.js';
import {livePath, roomPath} from '../routes.js';
import {ApiError, api, describe, enc} from '../api.js';
import {IMAGE_TYPES, acceptableImage, busy, confirmDialog, empty, loading, roomMeta, showError, toast} from '../ui.js';
import {isOpenChatUrl, roomFormDialog} from './room-form.js';

const MAX_ROOMS = 5;

export default async function render(view) {
  let alive = true;
  let me = null;
  const cards = new Map();                // room id → its card element
  const open = new Map();                 // room id → {members, bans}: which sections the user left open
  const count = h('p', {class: 'muted'});
  const list = h('div', {class: 'grid my-rooms'});
  const newRoom = h('button', {type: 'button', class: 'primary', testid: 'mine-create-room', on: {click: async () => {
    await roomFormDialog(null);   // the form moves to #/mine (this screen) after creating
  }}}, '+ 스터디 만들기');
  view.append(h('div', {class: 'page-head'}, h('h1', {}, '내 스터디'), newRoom), count, list);
  loading(list);

  let items;
  try {
    const [mine, user] = await Promise.all([api.get('/api/rooms/mine'), api.get('/api/users/me')]);
    me = user;
    items = mine?.items ?? [];
  } catch (error) {
    if (!alive) return undefined;
    replace(list, h('div', {class: 'center'},
      h('p', {class: 'form-error', role: 'alert'}, describe(error)),
      h('a', {class: 'button', href: '#/mine'}, '다시 시도')));
    return () => { alive = false; };
  }
  if (!alive) return undefined;
  list.replaceChildren();
  items.forEach((room) => {
    const el = draw({...room, members: null});
    cards.set(room.id, el);
    list.append(el);
  });
  updateCount();
  // Members come with the room itself; fetch each room (five at most) and redraw its card.
  items.forEach((room) => refresh(room.id));

  function updateCount() {
    const n = cards.size;
    if (n === 0) {
      count.textContent = '';
      replace(list, h('div', {class: 'card empty-state'},
        empty('아직 참여한 스터디가 없어요.'),
        h('p', {class: 'center'}, h('a', {class: 'button primary', href: '#/rooms'}, '스터디 찾으러 가기'))));
      newRoom.disabled = false;
    } else {
      count.textContent = `${n}/${MAX_ROOMS}개 스터디에 참여 중이에요.`;
      newRoom.disabled = n >= MAX_ROOMS;
      newRoom.title = n >= MAX_ROOMS ? '스터디는 최대 5개까지 참여할 수 있어요.' : '';
    }
  }

  /** Reads the room again and redraws its card; a room that is gone (or left) loses its card. */
  async function refresh(id) {
    try {
      const room = await api.get(`/api/rooms/${enc(id)}`);
      if (!alive) return;
      if (!Array.isArray(room.members)) {   // no longer a member (kicked meanwhile)
        removeCard(id);
        return;
      }
      const el = draw(room);
      cards.get(id)?.replaceWith(el);
      cards.set(id, el);
    } catch (error) {
      if (!alive) return;
      if (error instanceof ApiError && error.status === 404) removeCard(id);
      else showError(error);
    }
  }

  function removeCard(id) {
    cards.get(id)?.remove();
    cards.delete(id);
    open.delete(id);
    updateCount();
  }

  /** One card. {@code room.members} null means "still loading". */
  function draw(room) {
    const owner = me ? room.ownerId === me.id : room.owner === true;
    const titleId = `my-room-title-${room.id}`;
    const sections = open.get(room.id) ?? {members: true, bans: false};
    open.set(room.id, sections);

    const head = h('div', {class: 'card-head'},
      room.imageUrl
        ? h('img', {class: 'thumb', src: room.imageUrl, alt: '', decoding: 'async'})
        : h('div', {class: 'thumb placeholder', 'aria-hidden': 'true'}, [...room.title][0] ?? ''),
      h('div', {class: 'grow'},
        h('h2', {class: 'card-title', id: titleId}, h('a', {href: `#${roomPath(room.id)}`, testid: 'my-room-open'}, room.title)),
        h('div', {class: 'badges'},
          owner ? h('span', {class: 'badge owner'}, '방장') : h('span', {class: 'badge member'}, '멤버'),
          room.locked ? h('span', {class: 'badge lock'}, '잠금') : null,
          room.live ? h('span', {class: 'badge live'}, `라이브 ${room.liveCount}명`) : null)));

    const actions = h('div', {class: 'actions start'},
      h('a', {class: 'button primary', href: `#${livePath(room.id)}`, testid: 'enter-live',
        'aria-describedby': titleId}, '라이브 입장'),
      h('button', {type: 'button', testid: 'room-leave', 'aria-describedby': titleId,
        on: {click: (e) => leave(room, owner, e.currentTarget)}}, '나가기'));

    // Only Kakao open-chat links are ever made clickable, whatever the data says.
    const chat = typeof room.openChatUrl === 'string' && isOpenChatUrl(room.openChatUrl)
      ? h('p', {class: 'openchat'}, h('a', {href: room.openChatUrl, target: '_blank', rel: 'noopener noreferrer'},
        '카카오 오픈채팅 열기', h('span', {class: 'visually-hidden'}, ' (새 창)')))
      : null;

    const card = h('article', {class: 'card my-room', testid: 'my-room', data: {roomId: room.id},
      'aria-labelledby': titleId},
    head,
    h('p', {class: 'room-desc'}, room.description),
    (room.hashtags ?? []).length > 0
      ? h('ul', {class: 'chips', 'aria-label': '해시태그'}, room.hashtags.map((t) => h('li', {class: 'chip'}, `#${t}`)))
      : null,
    roomMeta(room),
    chat,
    actions,
    owner ? ownerTools(room) : null,
    owner ? refusedPasswords(room) : null,
    membersSection(room, owner, sections),
    owner ? bansSection(room, sections) : null);
    return card;
  }

  function ownerTools(room) {
    const file = h('input', {type: 'file', accept: IMAGE_TYPES.join(','), hidden: true, testid: 'room-image-input',
      'aria-label': '스터디 이미지 파일'});
    const pick = h('button', {type: 'button', testid: 'room-image', on: {click: () => file.click()}}, '이미지 바꾸기');
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (chosen) upload(room, chosen, pick);
    });
    return h('div', {class: 'owner-tools', role: 'group', 'aria-label': '방장 도구'},
      h('button', {type: 'button', testid: 'room-edit', on: {click: async () => {
        const saved = await roomFormDialog(room);
        if (saved) refresh(room.id);
      }}}, '수정'),
      pick, file,
      h('button', {type: 'button', class: 'danger', testid: 'room-delete', on: {click: (e) => remove(room, e.currentTarget)}},
        '삭제'));
  }

  /**
   * How many wrong passwords were refused since the password was set: only the owner is told (the
   * server sends the count to the owner alone), and only a locked room has a password to guess.
   */
  function refusedPasswords(room) {
    if (!room.locked || typeof room.refusedPasswordAttempts !== 'number') return null;
    const n = room.refusedPasswordAttempts;
    const count = h('strong', {testid: 'refused-password-attempts', data: {count: String(n)}}, `잘못된 비밀번호 시도 ${n}회`);
    const why = '비밀번호를 정한 뒤로 틀린 비밀번호가 거절된 횟수예요.';
    return n > 0
      ? h('div', {class: 'callout'}, h('p', {}, count, ` · ${why} 모르는 시도라면 비밀번호를 바꿔 주세요.`))
      : h('p', {class: 'muted'}, count, ` · ${why}`);
  }

  async function upload(room, chosen, button) {
    if (!acceptableImage(chosen)) return;
    const saved = await busy(button, () => api.upload(`/api/rooms/${enc(room.id)}/image`, chosen));
    if (saved) {
      toast('이미지를 바꿨어요.', 'ok');
      refresh(room.id);
    }
  }

  async function remove(room, button) {
    const yes = await confirmDialog('스터디 삭제',
      `'${room.title}' 스터디를 삭제할까요? 채팅과 공부 기록도 함께 지워지고 되돌릴 수 없어요.`, '삭제', true);
    if (!yes) return;
    const done = await busy(button, async () => { await api.del(`/api/rooms/${enc(room.id)}`); return true; });
    if (done) {
      toast('스터디를 삭제했어요.', 'ok');
      removeCard(room.id);
    }
  }

  async function leave(room, owner, button) {
    const alone = room.memberCount <= 1;
    const message = alone
      ? `'${room.title}'의 마지막 멤버예요. 나가면 스터디가 삭제돼요.`
      : owner
        ? `'${room.title}'에서 나갈까요? 방장은 가장 오래된 멤버에게 넘어가요.`
        : `'${room.title}'에서 나갈까요?`;
    const yes = await confirmDialog('스터디 나가기', message, '나가기', true);
    if (!yes) return;
    const done = await busy(button, async () => { await api.del(`/api/rooms/${enc(room.id)}/members/me`); return true; });
    if (done) {
      toast('스터디에서 나왔어요.', 'ok');
      removeCard(room.id);
    }
  }

  function membersSection(room, owner, sections) {
    const details = h('details', {class: 'members', open: sections.members,
      on: {toggle: () => { sections.members = details.open; }}},
    h('summary', {testid: 'members-toggle'}, `멤버 ${room.memberCount}명`));
    if (room.members == null) {
      details.append(h('p', {class: 'muted loading'}, '불러오는 중…'));
      return details;
    }
    details.append(h('ul', {class: 'member-list'}, room.members.map((m) => memberRow(room, owner, m))));
    return details;
  }

  function memberRow(room, owner, member) {
    const tools = owner && !member.owner
      ? h('div', {class: 'member-tools'},
        h('button', {type: 'button', class: 'small', testid: 'member-make-owner',
          on: {click: (e) => handOver(room, member, e.currentTarget)}}, '방장 넘기기'),
        h('button', {type: 'button', class: 'small danger', testid: 'member-kick',
          on: {click: (e) => kick(room, member, e.currentTarget)}}, '내보내기'))
      : null;
    return h('li', {class: 'member-row', testid: 'member-row', data: {userId: member.userId}},
      avatar(member),
      h('div', {class: 'who'},
        h('span', {class: 'name'}, member.nickname),
        member.owner ? h('span', {class: 'badge owner'}, '방장') : null,
        me && member.userId === me.id ? h('span', {class: 'badge me'}, '나') : null,
        h('small', {class: 'muted when'}, `${formatDate(member.joinedAt)} 참여`)),
      tools);
  }

  async function kick(room, member, button) {
    const yes = await confirmDialog('멤버 내보내기',
      `${member.nickname}님을 내보낼까요? 내보내면 다시 들어올 수 없어요. (차단 목록에서 풀 수 있어요)`, '내보내기', true);
    if (!yes) return;
    const done = await busy(button, async () => {
      await api.del(`/api/rooms/${enc(room.id)}/members/${enc(member.userId)}`);
      return true;
    });
    if (done) {
      toast(`${member.nickname}님을 내보냈어요.`, 'ok');
      refresh(room.id);
    }
  }

  async function handOver(room, member, button) {
    const yes = await confirmDialog('방장 넘기기',
      `${member.nickname}님에게 방장을 넘길까요? 넘기면 방을 고치거나 멤버를 관리할 수 없어요.`, '넘기기', true);
    if (!yes) return;
    const done = await busy(button, () => api.put(`/api/rooms/${enc(room.id)}/owner`, {userId: member.userId}));
    if (done) {
      toast(`${member.nickname}님이 이제 방장이에요.`, 'ok');
      refresh(room.id);
    }
  }

  function bansSection(room, sections) {
    const body = h('div', {class: 'ban-body'});
    const details = h('details', {class: 'bans', open: sections.bans, on: {toggle: () => {
      sections.bans = details.open;
      if (details.open) loadBans(room, body);
    }}},
    h('summary', {testid: 'bans-toggle'}, '차단한 사용자'),
    body);
    if (sections.bans) loadBans(room, body);
    return details;
  }

  async function loadBans(room, body) {
    loading(body);
    try {
      const bans = (await api.get(`/api/rooms/${enc(room.id)}/bans`))?.items ?? [];
      if (!alive) return;
      if (bans.length === 0) {
        replace(body, h('p', {class: 'muted'}, '차단한 사용자가 없어요.'));
        return;
      }
      replace(body, h('ul', {class: 'member-list'}, bans.map((ban) =>
        h('li', {class: 'member-row ban-row', testid: 'ban-row', data: {userId: ban.userId}},
          avatar(ban),
          h('div', {class: 'who'},
            h('span', {class: 'name'}, ban.nickname),
            h('small', {class: 'muted when'}, `${formatDate(ban.bannedAt)} 차단`)),
          h('div', {class: 'member-tools'},
            h('button', {type: 'button', class: 'small', testid: 'ban-lift', on: {click: async (e) => {
              const done = await busy(e.currentTarget, async () => {
                await api.del(`/api/rooms/${enc(room.id)}/bans/${enc(ban.userId)}`);
                return true;
              });
              if (done) {
                toast(`${ban.nickname}님의 차단을 풀었어요. 다시 참여할 수 있어요.`, 'ok');
                loadBans(room, body);
              }
            }}}, '차단 해제'))))));
    } catch (error) {
      if (alive) replace(body, h('p', {class: 'form-error', role: 'alert'}, describe(error)));
    }
  }

  return () => { alive = false; };
}

function avatar(person) {
  return person.profileImageUrl
    ? h('img', {class: 'avatar', src: person.profileImageUrl, alt: '', loading: 'lazy', decoding: 'async'})
    : h('span', {class: 'avatar placeholder', 'aria-hidden': 'true'}, [...(person.nickname ?? '?')][0] ?? '?');
}
